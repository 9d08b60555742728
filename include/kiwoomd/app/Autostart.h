#pragma once
// "Start with Windows": a per-user entry that starts kiwoomd at login. Two implementations, both
// plain file or settings code that builds and is tested everywhere; CMake picks the platform's
// one for createAutostart() (platform/AutostartFactory*.cpp):
//   - Windows: a value under HKCU\Software\Microsoft\Windows\CurrentVersion\Run (no admin rights);
//   - Linux and other XDG desktops: $XDG_CONFIG_HOME/autostart/kiwoomd.desktop (XDG Autostart spec).
// Thread: main thread.

#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace kiwoomd::app {

class Autostart {
public:
    virtual ~Autostart() = default;

    virtual QString label() const = 0;    // the tray menu's text, in English (TrayText translates it)
    virtual QString location() const = 0; // where the entry lives, for logs
    virtual bool isEnabled() const = 0;
    // False with `error` set when the entry cannot be written or removed.
    virtual bool setEnabled(bool enabled, QString& error) = 0;
};

// The platform's autostart for `command` (program first, then its arguments).
std::unique_ptr<Autostart> createAutostart(const QStringList& command);

// An XDG autostart desktop entry.
class XdgAutostart final : public Autostart {
public:
    explicit XdgAutostart(QStringList command);

    // $XDG_CONFIG_HOME/autostart, or ~/.config/autostart when it is unset or not absolute.
    static QString autostartDir();
    // The Exec= value: each argument quoted as the Desktop Entry spec asks.
    static QString execLine(const QStringList& command);

    QString label() const override { return QStringLiteral(QT_TRANSLATE_NOOP("TrayText", "Start at login")); }
    QString location() const override;
    bool isEnabled() const override;
    bool setEnabled(bool enabled, QString& error) override;

private:
    QStringList m_command;
};

// A value in a Windows "Run" key, reached through QSettings (NativeFormat on HKCU in the product;
// tests hand it an INI file).
class RunKeyAutostart final : public Autostart {
public:
    RunKeyAutostart(std::unique_ptr<QSettings> runKey, QStringList command);
    ~RunKeyAutostart() override;

    static constexpr char kValueName[] = "kiwoomd";
    // The command as one Windows command line (CommandLineToArgvW quoting).
    static QString commandLine(const QStringList& command);

    QString label() const override {
        return QStringLiteral(QT_TRANSLATE_NOOP("TrayText", "Start with Windows"));
    }
    QString location() const override;
    bool isEnabled() const override;
    bool setEnabled(bool enabled, QString& error) override;

private:
    std::unique_ptr<QSettings> m_runKey;
    QStringList m_command;
};

} // namespace kiwoomd::app
