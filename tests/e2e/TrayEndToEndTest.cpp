// The tray icon of the real binary on a real X display: Xvfb on a free display number, trayer as
// the system tray (an XEmbed tray, as a Linux panel or Windows' notification area hosts icons).
// It checks that kiwoomd logs "tray icon shown", that X has its icon window embedded in trayer's
// panel, that the icon turns green ("live") on a screenshot, and that the API keeps serving. The
// screenshot is kept in the build directory (tray-e2e-screenshot.png).
// The tools come from scripts/install-deps.sh; a machine without them fails this test, loudly.
#include "e2e/DaemonProcess.h"

#include <QImage>
#include <QStandardPaths>
#include <QStringList>

#include <optional>

namespace {

using kiwoomd::test::DaemonProcess;
using kiwoomd::test::getJson;
using kiwoomd::test::pollUntil;

const QString kScreenshot = QStringLiteral(KIWOOMD_TEST_OUTPUT_DIR "/tray-e2e-screenshot.png");

// The tray's "live" green (TrayIcon.cpp).
const QColor kLiveGreen(0x2e, 0x7d, 0x32);

struct Tool {
    const char* program;
    const char* package;
};
constexpr Tool kTools[] = {
    {"Xvfb", "xvfb"}, {"trayer", "trayer"}, {"xwininfo", "x11-utils"}, {"import", "imagemagick"}};

QString missingTools() {
    QStringList missing;
    for (const Tool& tool : kTools) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool.program)).isEmpty()) {
            missing << QStringLiteral("%1 (Debian package %2)").arg(tool.program, tool.package);
        }
    }
    return missing.join(QStringLiteral(", "));
}

// Xvfb on a display number it picks itself (-displayfd), so parallel runs never collide, and
// trayer on that display. Both are killed when this goes out of scope.
class XSession {
public:
    ~XSession() {
        // SIGTERM first: Xvfb then removes its lock and socket files, which a SIGKILL leaves behind.
        for (QProcess* process : {&m_trayer, &m_xvfb}) {
            if (process->state() != QProcess::NotRunning) {
                process->terminate();
                if (!process->waitForFinished(3000)) {
                    process->kill();
                    process->waitForFinished(3000);
                }
            }
        }
    }

    bool start(QString& error) {
        m_xvfb.start(QStringLiteral("Xvfb"),
                     {"-displayfd", "1", "-screen", "0", "640x240x24", "-nolisten", "tcp"});
        for (int i = 0; i < 100 && !m_xvfb.canReadLine(); ++i) {
            m_xvfb.waitForReadyRead(100);
            if (m_xvfb.state() == QProcess::NotRunning) {
                break;
            }
        }
        const QString number = QString::fromLatin1(m_xvfb.readLine()).trimmed();
        if (number.isEmpty()) {
            error = QStringLiteral("Xvfb did not start: %1")
                        .arg(QString::fromLocal8Bit(m_xvfb.readAllStandardError()));
            return false;
        }
        m_display = QLatin1Char(':') + number;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DISPLAY"), m_display);
        m_trayer.setProcessEnvironment(env);
        m_trayer.setProcessChannelMode(QProcess::MergedChannels);
        // On a loaded machine trayer has been seen to miss its first start; it gets a second one.
        for (int attempt = 1; attempt <= 2; ++attempt) {
            m_trayer.start(QStringLiteral("trayer"), {"--edge", "top", "--align", "right", "--widthtype",
                                                      "request", "--height", "32", "--SetDockType", "true"});
            if (pollUntil([&] { return tree().contains(QStringLiteral("(\"panel\" \"trayer\")")); }, 10)) {
                return true;
            }
            error = QStringLiteral("trayer did not show its panel on %1 (%2, exit code %3): %4")
                        .arg(m_display, m_trayer.state() == QProcess::NotRunning
                                            ? QStringLiteral("ended")
                                            : QStringLiteral("still running"))
                        .arg(m_trayer.exitCode())
                        .arg(QString::fromLocal8Bit(m_trayer.readAll()));
            m_trayer.kill();
            m_trayer.waitForFinished(3000);
        }
        return false;
    }

    QString display() const { return m_display; }

    QString tree() const {
        return run(QStringLiteral("xwininfo"), {"-display", m_display, "-root", "-tree"});
    }

    bool screenshot(const QString& path) const {
        QFile::remove(path);
        run(QStringLiteral("import"), {"-display", m_display, "-window", "root", path});
        return QFile::exists(path);
    }

private:
    static QString run(const QString& program, const QStringList& args) {
        QProcess process;
        process.start(program, args);
        process.waitForFinished(10000);
        return QString::fromLocal8Bit(process.readAllStandardOutput());
    }

    QProcess m_xvfb;
    QProcess m_trayer;
    QString m_display;
};

// Where X placed kiwoomd's icon window inside trayer's panel (screen coordinates), if it did.
// xwininfo -tree indents children under their parent: "0x400006 "kiwoomd": ("kiwoomd" "kiwoomd")
// 22x30+0+0  +777+1" somewhere below the line of the panel.
std::optional<QRect> embeddedIcon(const QString& tree) {
    const QStringList lines = tree.split(QLatin1Char('\n'));
    const auto indentOf = [](const QString& line) {
        int n = 0;
        while (n < line.size() && line[n] == QLatin1Char(' ')) {
            ++n;
        }
        return n;
    };
    const QRegularExpression geometry(
        QStringLiteral("(\\d+)x(\\d+)[+-]\\d+[+-]\\d+\\s+\\+(-?\\d+)\\+(-?\\d+)"));
    for (int i = 0; i < lines.size(); ++i) {
        if (!lines[i].contains(QStringLiteral("(\"panel\" \"trayer\")"))) {
            continue;
        }
        const int panelIndent = indentOf(lines[i]);
        for (int j = i + 1;
             j < lines.size() && (lines[j].trimmed().isEmpty() || indentOf(lines[j]) > panelIndent); ++j) {
            if (!lines[j].contains(QStringLiteral("\"kiwoomd\": (\"kiwoomd\" \"kiwoomd\")"))) {
                continue;
            }
            const auto match = geometry.match(lines[j]);
            if (match.hasMatch()) {
                return QRect(match.captured(3).toInt(), match.captured(4).toInt(), match.captured(1).toInt(),
                             match.captured(2).toInt());
            }
        }
    }
    return std::nullopt;
}

int pixelsNear(const QImage& image, const QRect& area, const QColor& colour) {
    int count = 0;
    const QRect inside = area.intersected(image.rect());
    for (int y = inside.top(); y <= inside.bottom(); ++y) {
        for (int x = inside.left(); x <= inside.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) <= 12 && std::abs(c.green() - colour.green()) <= 12 &&
                std::abs(c.blue() - colour.blue()) <= 12) {
                ++count;
            }
        }
    }
    return count;
}

TEST(TrayEndToEnd, TheIconSitsInTheSystemTrayTurnsLiveAndTheApiKeepsServing) {
    const QString missing = missingTools();
    ASSERT_TRUE(missing.isEmpty()) << "the tray test needs " << missing.toStdString()
                                   << "; scripts/install-deps.sh installs them";
    XSession x;
    QString error;
    ASSERT_TRUE(x.start(error)) << error.toStdString();

    // A plain X session: no offscreen platform from the test's environment, and no D-Bus session,
    // so Qt uses the XEmbed tray (trayer) rather than looking for a StatusNotifier host.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name :
         {"QT_QPA_PLATFORM", "QT_QPA_PLATFORMTHEME", "DBUS_SESSION_BUS_ADDRESS", "WAYLAND_DISPLAY"}) {
        env.remove(QString::fromLatin1(name));
    }
    env.insert(QStringLiteral("DISPLAY"), x.display());
    QTemporaryDir config; // "Start at login" reads its entry from here, not from the user's desktop
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    DaemonProcess daemon({"--interval", "5"}, {}, DaemonProcess::Display::FromEnvironment, env);
    const int port = daemon.waitForPort();
    ASSERT_GT(port, 0) << daemon.output().toStdString();

    ASSERT_TRUE(pollUntil([&] { return daemon.output().contains("tray icon shown"); }, 40))
        << daemon.output().toStdString();
    std::optional<QRect> icon;
    ASSERT_TRUE(pollUntil([&] { return (icon = embeddedIcon(x.tree())).has_value(); }, 10))
        << "no kiwoomd window inside trayer's panel:\n"
        << x.tree().toStdString();
    EXPECT_GE(icon->width(), 16);
    EXPECT_GE(icon->height(), 16);

    // Within seconds the emulator's first ranking arrives and the icon turns green. The panel may
    // still grow and move while it takes in the icon, so the icon's place is read again each time.
    const bool live = pollUntil(
        [&] {
            if (const auto now = embeddedIcon(x.tree())) {
                icon = now;
            }
            return x.screenshot(kScreenshot) && pixelsNear(QImage(kScreenshot), *icon, kLiveGreen) >= 20;
        },
        20);
    EXPECT_TRUE(live) << "the icon at " << icon->x() << "," << icon->y() << " never showed the live colour; "
                      << "see " << kScreenshot.toStdString() << "\n"
                      << daemon.output().toStdString();
    ASSERT_TRUE(QFile::exists(kScreenshot));

    httplib::Client client("127.0.0.1", port);
    EXPECT_EQ(getJson(client, "/api/health")["status"], "ok");
    EXPECT_EQ(getJson(client, "/api/status")["polling_paused"], false);
    EXPECT_EQ(daemon.terminate(), 0) << daemon.output().toStdString();
}

} // namespace
