// "Start with Windows" written and removed, on files in a temporary folder: the XDG desktop entry
// (Linux) with XDG_CONFIG_HOME pointed there, and the Run-key logic of Windows on an INI file.
#include "kiwoomd/app/Autostart.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace kiwoomd::app {
namespace {

// Points XDG_CONFIG_HOME (and HOME) at a temporary folder for one test, and restores them.
class ScopedEnvironment {
public:
    ScopedEnvironment(const char* name, const QByteArray& value)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name)) {
        qputenv(name, value);
    }
    ~ScopedEnvironment() {
        if (m_had) {
            qputenv(m_name, m_old);
        } else {
            qunsetenv(m_name);
        }
    }

private:
    const char* m_name;
    bool m_had;
    QByteArray m_old;
};

QString readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

TEST(XdgAutostart, EnablingWritesADesktopEntryUnderXdgConfigHome) {
    QTemporaryDir config;
    ScopedEnvironment env("XDG_CONFIG_HOME", config.path().toUtf8());
    XdgAutostart autostart({"/opt/kiwoomd/bin/kiwoomd", "--data-dir", "/home/me/kiwoomd data"});
    EXPECT_EQ(autostart.location(), config.filePath("autostart/kiwoomd.desktop"));
    EXPECT_FALSE(autostart.isEnabled());

    QString error;
    ASSERT_TRUE(autostart.setEnabled(true, error)) << error.toStdString();
    EXPECT_TRUE(autostart.isEnabled());
    const QString entry = readAll(autostart.location());
    EXPECT_TRUE(entry.startsWith("[Desktop Entry]\n"));
    EXPECT_TRUE(entry.contains("\nType=Application\n"));
    EXPECT_TRUE(entry.contains("\nName=kiwoomd\n"));
    EXPECT_TRUE(entry.contains("\nExec=/opt/kiwoomd/bin/kiwoomd --data-dir \"/home/me/kiwoomd data\"\n"))
        << entry.toStdString();
    EXPECT_TRUE(entry.contains("\nX-GNOME-Autostart-enabled=true\n"));
}

TEST(XdgAutostart, DisablingRemovesTheEntryAndIsHarmlessWhenNoneExists) {
    QTemporaryDir config;
    ScopedEnvironment env("XDG_CONFIG_HOME", config.path().toUtf8());
    XdgAutostart autostart({"/usr/bin/kiwoomd"});
    QString error;
    ASSERT_TRUE(autostart.setEnabled(true, error));
    ASSERT_TRUE(QFile::exists(autostart.location()));
    ASSERT_TRUE(autostart.setEnabled(false, error)) << error.toStdString();
    EXPECT_FALSE(QFile::exists(autostart.location()));
    EXPECT_FALSE(autostart.isEnabled());
    EXPECT_TRUE(autostart.setEnabled(false, error)) << "removing an absent entry is not an error";
}

TEST(XdgAutostart, WithoutXdgConfigHomeTheEntryGoesToDotConfigInHome) {
    QTemporaryDir home;
    ScopedEnvironment noConfigHome("XDG_CONFIG_HOME", QByteArray());
    ScopedEnvironment fakeHome("HOME", home.path().toUtf8());
    EXPECT_EQ(XdgAutostart::autostartDir(), QDir(home.path()).filePath(".config/autostart"));
    ScopedEnvironment relative("XDG_CONFIG_HOME", "relative/dir");
    EXPECT_EQ(XdgAutostart::autostartDir(), QDir(home.path()).filePath(".config/autostart"))
        << "the spec ignores a relative XDG_CONFIG_HOME";
}

TEST(XdgAutostart, AnEntryTheUserHidIsNotEnabled) {
    QTemporaryDir config;
    ScopedEnvironment env("XDG_CONFIG_HOME", config.path().toUtf8());
    XdgAutostart autostart({"/usr/bin/kiwoomd"});
    QString error;
    ASSERT_TRUE(autostart.setEnabled(true, error));
    QFile file(autostart.location());
    ASSERT_TRUE(file.open(QIODevice::Append));
    file.write("Hidden=true\n");
    file.close();
    EXPECT_FALSE(autostart.isEnabled());
}

TEST(XdgAutostart, ExecQuotesReservedCharactersAsTheDesktopEntrySpecAsks) {
    EXPECT_EQ(XdgAutostart::execLine({"/usr/bin/kiwoomd", "--simulate"}), "/usr/bin/kiwoomd --simulate");
    EXPECT_EQ(XdgAutostart::execLine({"/a b/kiwoomd"}), "\"/a b/kiwoomd\"");
    EXPECT_EQ(XdgAutostart::execLine({"/x/$HOME"}), "\"/x/\\\\$HOME\"") << "quoted, then string-escaped";
    EXPECT_EQ(XdgAutostart::execLine({"/x/100%"}), "/x/100%%") << "% would start a field code";
}

TEST(RunKeyAutostart, EnablingWritesTheQuotedCommandUnderTheValueName) {
    QTemporaryDir dir;
    const QString ini = dir.filePath("run.ini");
    RunKeyAutostart autostart(std::make_unique<QSettings>(ini, QSettings::IniFormat),
                              {"C:/Program Files/kiwoomd/bin/kiwoomd.exe", "--data-dir", "D:/kiwoomd data"});
    EXPECT_EQ(autostart.label(), "Start with Windows");
    EXPECT_FALSE(autostart.isEnabled());
    QString error;
    ASSERT_TRUE(autostart.setEnabled(true, error)) << error.toStdString();
    EXPECT_TRUE(autostart.isEnabled());
    QSettings check(ini, QSettings::IniFormat);
    EXPECT_EQ(check.value("kiwoomd").toString(),
              QDir::toNativeSeparators("C:/Program Files/kiwoomd/bin/kiwoomd.exe").prepend('"').append('"') +
                  " --data-dir \"D:/kiwoomd data\"");

    ASSERT_TRUE(autostart.setEnabled(false, error));
    EXPECT_FALSE(autostart.isEnabled());
    QSettings after(ini, QSettings::IniFormat);
    EXPECT_FALSE(after.contains("kiwoomd"));
}

TEST(RunKeyAutostart, CommandLineQuotingRoundTripsThroughWindowsRules) {
    EXPECT_EQ(RunKeyAutostart::commandLine({"kiwoomd.exe", "--console"}), "kiwoomd.exe --console");
    EXPECT_EQ(RunKeyAutostart::commandLine({"k.exe", "a \"b\""}), "k.exe \"a \\\"b\\\"\"");
    EXPECT_EQ(RunKeyAutostart::commandLine({"k.exe", "dir with space\\"}), "k.exe \"dir with space\\\\\"")
        << "a trailing backslash before the closing quote is doubled";
    EXPECT_EQ(RunKeyAutostart::commandLine({"k.exe", ""}), "k.exe \"\"");
}

} // namespace
} // namespace kiwoomd::app
