#pragma once
// Runs the real kiwoomd binary for end-to-end tests: --simulate (unless the test names --replay or
// --source) --headless on a port the daemon picks itself (--port 0, read back from its log), in a
// temporary data dir.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <thread>

namespace kiwoomd::test {

class DaemonProcess {
public:
    // Headless by default; the tray test passes a display of its own in `environment` instead.
    enum class Display { Headless, FromEnvironment };

    explicit DaemonProcess(QStringList extraArgs = {}, QString dataDir = {},
                           Display display = Display::Headless,
                           QProcessEnvironment environment = QProcessEnvironment::systemEnvironment())
        : m_dataDirPath(std::move(dataDir)) {
        if (m_dataDirPath.isEmpty()) {
            m_dataDirPath = m_ownDataDir.path();
        }
        QStringList args = {"--port", "0", "--data-dir", m_dataDirPath, "--seed", "7"};
        if (display == Display::Headless) {
            args.prepend("--headless");
        }
        if (!extraArgs.contains("--replay") && !extraArgs.contains("--source")) {
            args.prepend("--simulate"); // a replay, or a chosen source, is a backend of its own
        }
        args << extraArgs;
        m_process.setProcessEnvironment(environment);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral(KIWOOMD_BINARY), args);
    }

    ~DaemonProcess() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Reads the log until the daemon says where it serves; 0 when it never does.
    int waitForPort() {
        const QRegularExpression serving(QStringLiteral("serving http://127\\.0\\.0\\.1:(\\d+)/"));
        for (int i = 0; i < 100; ++i) {
            m_process.waitForReadyRead(100);
            m_output += QString::fromUtf8(m_process.readAll());
            const auto match = serving.match(m_output);
            if (match.hasMatch()) {
                m_port = match.captured(1).toInt();
                return m_port;
            }
            if (m_process.state() == QProcess::NotRunning) {
                break;
            }
        }
        return 0;
    }

    int terminate() {
        m_process.terminate(); // SIGTERM, as a service manager or Ctrl+C would
        EXPECT_TRUE(m_process.waitForFinished(10000));
        m_output += QString::fromUtf8(m_process.readAll());
        return m_process.exitCode();
    }

    void killHard() {
        m_process.kill(); // SIGKILL: no chance to clean up
        m_process.waitForFinished(5000);
    }

    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }
    QProcess& process() { return m_process; }
    // Everything the daemon has logged so far (QProcess only reads the pipe when asked to wait).
    const QString& output() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.waitForReadyRead(100);
        }
        m_output += QString::fromUtf8(m_process.readAll());
        return m_output;
    }
    QString dataDir() const { return m_dataDirPath; }
    int port() const { return m_port; }

private:
    QTemporaryDir m_ownDataDir;
    QString m_dataDirPath;
    QProcess m_process;
    QString m_output;
    int m_port = 0;
};

inline nlohmann::json getJson(httplib::Client& client, const std::string& path, int expectedStatus = 200) {
    const auto response = client.Get(path.c_str());
    if (!response) {
        ADD_FAILURE() << "no answer for " << path;
        return {};
    }
    EXPECT_EQ(response->status, expectedStatus) << path << ": " << response->body;
    EXPECT_EQ(response->get_header_value("Content-Type"), "application/json; charset=utf-8");
    return nlohmann::json::parse(response->body);
}

// Polls until `done` holds, up to `seconds` of wall time (the daemon runs in real time).
inline bool pollUntil(const std::function<bool()>& done, int seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        if (done()) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return done();
}

} // namespace kiwoomd::test
