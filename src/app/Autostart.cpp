#include "kiwoomd/app/Autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QTextStream>

#include <algorithm>

namespace kiwoomd::app {
namespace {

constexpr char kDesktopFileName[] = "kiwoomd.desktop";

// Desktop Entry spec, "The Exec key": an argument with a reserved character is double-quoted, and
// inside the quotes `"`, backquote, `$` and `\` take a backslash. The string-value escaping of the
// file then doubles every backslash once more, and a literal `%` is written `%%` (field codes).
QString quoteExecArgument(const QString& argument) {
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    const bool needsQuotes = argument.isEmpty() || std::any_of(argument.begin(), argument.end(),
                                                               [](QChar c) { return reserved.contains(c); });
    QString out;
    if (needsQuotes) {
        out += QLatin1Char('"');
        for (const QChar c : argument) {
            if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$') ||
                c == QLatin1Char('\\')) {
                out += QLatin1Char('\\');
            }
            out += c;
        }
        out += QLatin1Char('"');
    } else {
        out = argument;
    }
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    out.replace(QLatin1Char('%'), QStringLiteral("%%"));
    return out;
}

// CommandLineToArgvW's rules: quotes around an argument with blanks; a `"` inside is `\"`, and the
// backslashes right before a quote are doubled.
QString quoteWindowsArgument(const QString& argument) {
    if (!argument.isEmpty() && !argument.contains(QLatin1Char(' ')) &&
        !argument.contains(QLatin1Char('\t')) && !argument.contains(QLatin1Char('"'))) {
        return argument;
    }
    QString out = QStringLiteral("\"");
    int backslashes = 0;
    for (const QChar c : argument) {
        if (c == QLatin1Char('\\')) {
            ++backslashes;
            continue;
        }
        if (c == QLatin1Char('"')) {
            out += QString(backslashes * 2 + 1, QLatin1Char('\\'));
        } else {
            out += QString(backslashes, QLatin1Char('\\'));
        }
        backslashes = 0;
        out += c;
    }
    out += QString(backslashes * 2, QLatin1Char('\\'));
    out += QLatin1Char('"');
    return out;
}

} // namespace

XdgAutostart::XdgAutostart(QStringList command)
    : m_command(std::move(command)) {}

QString XdgAutostart::autostartDir() {
    const QString configHome = qEnvironmentVariable("XDG_CONFIG_HOME");
    // The spec ignores a relative XDG_CONFIG_HOME.
    const QString base = !configHome.isEmpty() && QDir::isAbsolutePath(configHome)
                             ? configHome
                             : QDir::home().filePath(QStringLiteral(".config"));
    return QDir(base).filePath(QStringLiteral("autostart"));
}

QString XdgAutostart::execLine(const QStringList& command) {
    QStringList quoted;
    for (const QString& argument : command) {
        quoted << quoteExecArgument(argument);
    }
    return quoted.join(QLatin1Char(' '));
}

QString XdgAutostart::location() const {
    return QDir(autostartDir()).filePath(QLatin1String(kDesktopFileName));
}

bool XdgAutostart::isEnabled() const {
    QFile file(location());
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return false;
    }
    // An entry with Hidden=true is one the user switched off in the desktop's settings.
    return !QString::fromUtf8(file.readAll()).contains(QStringLiteral("\nHidden=true"));
}

bool XdgAutostart::setEnabled(bool enabled, QString& error) {
    const QString path = location();
    if (!enabled) {
        if (QFileInfo::exists(path) && !QFile::remove(path)) {
            error = QStringLiteral("cannot remove %1").arg(path);
            return false;
        }
        return true;
    }
    if (!QDir().mkpath(autostartDir())) {
        error = QStringLiteral("cannot create %1").arg(autostartDir());
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    QTextStream out(&file);
    out.setCodec("UTF-8");
    out << "[Desktop Entry]\n"
        << "Type=Application\n"
        << "Name=kiwoomd\n"
        << "Comment=Kiwoom OpenAPI+ market data on a local REST API\n"
        << "Exec=" << execLine(m_command) << "\n"
        << "Terminal=false\n"
        << "X-GNOME-Autostart-enabled=true\n";
    out.flush();
    if (!file.commit()) {
        error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

RunKeyAutostart::RunKeyAutostart(std::unique_ptr<QSettings> runKey, QStringList command)
    : m_runKey(std::move(runKey))
    , m_command(std::move(command)) {}

RunKeyAutostart::~RunKeyAutostart() = default;

QString RunKeyAutostart::commandLine(const QStringList& command) {
    QStringList quoted;
    for (int i = 0; i < command.size(); ++i) {
        // The program path in the registry needs the native separators to be found at login.
        quoted << quoteWindowsArgument(i == 0 ? QDir::toNativeSeparators(command[i]) : command[i]);
    }
    return quoted.join(QLatin1Char(' '));
}

QString RunKeyAutostart::location() const {
    return m_runKey->fileName() + QStringLiteral(" (value %1)").arg(QLatin1String(kValueName));
}

bool RunKeyAutostart::isEnabled() const {
    m_runKey->sync();
    return m_runKey->contains(QLatin1String(kValueName));
}

bool RunKeyAutostart::setEnabled(bool enabled, QString& error) {
    if (enabled) {
        m_runKey->setValue(QLatin1String(kValueName), commandLine(m_command));
    } else {
        m_runKey->remove(QLatin1String(kValueName));
    }
    m_runKey->sync();
    if (m_runKey->status() != QSettings::NoError) {
        error = QStringLiteral("cannot %1 %2")
                    .arg(enabled ? QStringLiteral("write") : QStringLiteral("remove"), location());
        return false;
    }
    return true;
}

} // namespace kiwoomd::app
