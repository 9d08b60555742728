// kiwoomd supervises kiwoomd-host: a host that is killed, stopped, loses its session, misbehaves
// on the socket or stops answering pings is ended and replaced, while the daemon keeps answering
// over HTTP; and no host outlives its daemon. The real kiwoomd runs with the real kiwoomd-host
// (emulator) or with fake_kiwoomd_host (FakeHost.cpp), which misbehaves as FAKE_HOST_MODE says.
// POSIX only (signals, /proc), like the failures it provokes.
#include "e2e/DaemonProcess.h"

#include <QFileInfo>
#include <QProcess>

#include <cerrno>
#include <csignal>
#include <sys/types.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <fstream>
#include <iterator>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace {

using kiwoomd::test::DaemonProcess;
using kiwoomd::test::getJson;
using kiwoomd::test::pollUntil;

// A second between polls, quick logins and a reconnect backoff of 1-2 s: a replaced host is
// serving again within seconds.
QString writeQuickConfig(const QTemporaryDir& dir) {
    const QString path = dir.filePath("quick.json");
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArrayLiteral(R"({
  "polling": {"interval_seconds": 1, "request_timeout_seconds": 2, "stale_after_intervals": 3,
              "limit_windows": [{"max_requests": 5, "seconds": 1}]},
  "connection": {"reconnect_min_seconds": 1, "reconnect_max_seconds": 2, "maintenance_windows": []},
  "feeds": [{"id": "kospi", "inputs": {"시장구분": "001"}, "max_pages": 1},
            {"id": "kosdaq", "inputs": {"시장구분": "101"}, "max_pages": 1}],
  "emulator": {"login_delay_ms": 100, "min_latency_ms": 10, "max_latency_ms": 50,
               "limit_windows": [{"max_requests": 5, "seconds": 1}]}
})"));
    return path;
}

// A process has ended when it is gone, or is a zombie: a host is kiwoomd's child, never this
// test's, so its reaping is not ours to wait for (an orphan's reaper may be slow in a container).
bool processHasEnded(qint64 pid) {
    if (::kill(static_cast<pid_t>(pid), 0) != 0) {
        return errno == ESRCH;
    }
    std::ifstream statFile("/proc/" + std::to_string(pid) + "/stat");
    std::string stat;
    std::getline(statFile, stat);
    const auto nameEnd = stat.rfind(')'); // "pid (comm) state ...", comm may hold spaces
    return nameEnd != std::string::npos && nameEnd + 2 < stat.size() && stat[nameEnd + 2] == 'Z';
}

bool isHostProcess(qint64 pid) {
    std::ifstream cmdlineFile("/proc/" + std::to_string(pid) + "/cmdline");
    const std::string cmdline((std::istreambuf_iterator<char>(cmdlineFile)),
                              std::istreambuf_iterator<char>());
    return cmdline.find("kiwoomd-host") != std::string::npos ||
           cmdline.find("fake_kiwoomd_host") != std::string::npos;
}

// The executable a process runs, resolved ("" once it has gone).
QString executableOf(qint64 pid) {
    return QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid)).canonicalFilePath();
}

// Kills the hosts a test has touched if they are still there when it ends (stopped, orphaned or
// hung), so that a failing test leaves nothing behind; a pid that names another process by then
// is left alone.
class HostReaper {
public:
    ~HostReaper() {
        for (const qint64 pid : m_pids) {
            if (!processHasEnded(pid) && isHostProcess(pid)) {
                ADD_FAILURE() << "host " << pid << " was still running at the end of the test";
                ::kill(static_cast<pid_t>(pid), SIGKILL); // SIGKILL ends a stopped process too
                ::kill(static_cast<pid_t>(pid), SIGCONT);
            }
        }
    }
    void watch(qint64 pid) { m_pids.insert(pid); }

private:
    std::set<qint64> m_pids;
};

// Asks the daemon for `path` every 200 ms on a thread of its own, with a client of its own, and
// counts every answer that is missing or not 200: the daemon must answer all along.
class Poller {
public:
    Poller(int port, std::string path)
        : m_thread([this, port, path = std::move(path)] { run(port, path); }) {}
    ~Poller() { stop(); }
    Poller(const Poller&) = delete;
    Poller& operator=(const Poller&) = delete;

    void stop() {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        if (m_thread.joinable()) {
            m_thread.join();
        }
    }
    int asked() const { return m_asked; }
    int failed() const { return m_failed; }
    std::string firstFailure() {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_firstFailure;
    }

private:
    void run(int port, const std::string& path) {
        httplib::Client client("127.0.0.1", port);
        client.set_connection_timeout(2);
        client.set_read_timeout(5);
        std::unique_lock<std::mutex> lock(m_mutex);
        while (!m_stopping) {
            lock.unlock();
            const auto response = client.Get(path.c_str());
            lock.lock();
            ++m_asked;
            if (!response || response->status != 200) {
                ++m_failed;
                if (m_firstFailure.empty()) {
                    m_firstFailure = path + ": " +
                                     (response ? std::to_string(response->status) + " " + response->body
                                               : "no answer (" + httplib::to_string(response.error()) + ")");
                }
            }
            m_wake.wait_for(lock, std::chrono::milliseconds(200), [this] { return m_stopping; });
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::atomic<int> m_asked{0};
    std::atomic<int> m_failed{0};
    std::string m_firstFailure;
    std::thread m_thread; // last: starts once everything it uses exists
};

bool contains(const nlohmann::json& text, const std::string& part) {
    return text.is_string() && text.get<std::string>().find(part) != std::string::npos;
}

// An integer of /api/status's "host" object, 0 when the daemon did not say.
qint64 hostField(const nlohmann::json& status, const char* key) {
    const auto host = status.find("host");
    if (host == status.end() || !host->is_object()) {
        return 0;
    }
    const auto value = host->find(key);
    return value != host->end() && value->is_number_integer() ? value->get<qint64>() : 0;
}

class HostSupervisionEndToEnd : public ::testing::Test {
protected:
    void start(const QStringList& extraArgs = {},
               const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment()) {
        QStringList args = {"--config", writeQuickConfig(m_configDir)};
        args << extraArgs;
        m_daemon =
            std::make_unique<DaemonProcess>(args, QString(), DaemonProcess::Display::Headless, environment);
        m_port = m_daemon->waitForPort();
        ASSERT_GT(m_port, 0) << m_daemon->output().toStdString();
        m_client = std::make_unique<httplib::Client>("127.0.0.1", m_port);
    }

    void startWithFakeHost(const QString& mode) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("FAKE_HOST_MODE", mode);
        start({"--host-program", QStringLiteral(FAKE_HOST_BINARY)}, environment);
    }

    nlohmann::json status() { return getJson(*m_client, "/api/status"); }
    nlohmann::json ranking() { return getJson(*m_client, "/api/volume-ranking"); }
    nlohmann::json host() { return status()["host"]; }
    qint64 hostPid() { return hostField(status(), "pid"); }
    std::string log() { return m_daemon->output().toStdString(); }

    // Waits until a host is logged in and has served a fresh ranking; its pid, or 0.
    qint64 waitForServingHost(int seconds = 10) {
        qint64 pid = 0;
        const bool serving = pollUntil(
            [&] {
                const auto s = status();
                const auto r = ranking();
                pid = hostField(s, "pid");
                return pid != 0 && s["connection"] == "connected" && r["stale"] == false &&
                       r["version"].get<int>() > 0;
            },
            seconds);
        EXPECT_TRUE(serving) << log();
        if (serving) {
            m_reaper.watch(pid);
        }
        return serving ? pid : 0;
    }

    // Waits for a host other than `previous` that serves data newer than any from `previous`:
    // the version is read once the new host is there, and the data must move past it.
    bool waitForFreshDataFromANewHost(qint64 previous, int seconds) {
        int versionWhenReplaced = -1;
        return pollUntil(
            [&] {
                const auto s = status();
                const qint64 pid = hostField(s, "pid");
                if (pid != 0 && pid != previous) {
                    m_reaper.watch(pid);
                }
                const auto r = ranking();
                if (versionWhenReplaced < 0) {
                    if (pid != 0 && pid != previous) {
                        versionWhenReplaced = r["version"].get<int>();
                    }
                    return false;
                }
                return pid != 0 && pid != previous && s["connection"] == "connected" && r["stale"] == false &&
                       r["version"].get<int>() > versionWhenReplaced;
            },
            seconds);
    }

    // A misbehaving host: ended with `why` in host.last_exit and replaced (host.restarts reaches
    // `restarts`) while /api/health answers 200 all along.
    void expectEndedAndReplaced(const std::string& why, int restarts, int seconds) {
        Poller health(m_port, "/api/health");
        nlohmann::json s;
        EXPECT_TRUE(pollUntil(
            [&] {
                s = status();
                if (hostField(s, "pid") != 0) {
                    m_reaper.watch(hostField(s, "pid"));
                }
                return hostField(s, "restarts") >= restarts && contains(s["host"]["last_exit"], why);
            },
            seconds))
            << s["host"].dump() << "\n"
            << log();
        health.stop();
        EXPECT_EQ(health.failed(), 0) << health.firstFailure();
        EXPECT_GT(health.asked(), 0);
        EXPECT_TRUE(log().find("ending the control's host") != std::string::npos) << log();
    }

    void TearDown() override {
        if (m_client && m_daemon->process().state() != QProcess::NotRunning) {
            EXPECT_EQ(getJson(*m_client, "/api/health")["status"], "ok");
            EXPECT_EQ(m_daemon->terminate(), 0) << log();
        }
    }

    HostReaper m_reaper; // first: its check runs after the daemon has gone
    QTemporaryDir m_configDir;
    std::unique_ptr<DaemonProcess> m_daemon;
    std::unique_ptr<httplib::Client> m_client;
    int m_port = 0;
};

// --- the real host ----------------------------------------------------------------------------

TEST_F(HostSupervisionEndToEnd, AKilledHostIsReplacedAndDataTurnsFreshWhileTheRankingKeepsAnswering) {
    ASSERT_NO_FATAL_FAILURE(start());
    const qint64 first = waitForServingHost();
    ASSERT_GT(first, 0);
    EXPECT_EQ(executableOf(first), QFileInfo(QStringLiteral(KIWOOMD_HOST_BINARY)).canonicalFilePath())
        << "host.pid names the real kiwoomd-host";
    Poller rankingPoller(m_port, "/api/volume-ranking");
    ASSERT_EQ(::kill(static_cast<pid_t>(first), SIGKILL), 0);
    EXPECT_TRUE(waitForFreshDataFromANewHost(first, 30)) << host().dump() << "\n" << log();
    rankingPoller.stop();
    EXPECT_EQ(rankingPoller.failed(), 0) << rankingPoller.firstFailure();
    EXPECT_GT(rankingPoller.asked(), 0) << "polled all through the recovery";
    EXPECT_TRUE(processHasEnded(first));
    const auto h = host();
    EXPECT_GE(hostField(status(), "restarts"), 1);
    EXPECT_EQ(h["state"], "running");
    EXPECT_TRUE(contains(h["last_exit"], "crashed") || contains(h["last_exit"], "closed its connection"))
        << h.dump();
}

TEST_F(HostSupervisionEndToEnd, AStoppedHostIsTakenAsHungKilledAndReplaced) {
    ASSERT_NO_FATAL_FAILURE(start());
    const qint64 first = waitForServingHost();
    ASSERT_GT(first, 0);
    ASSERT_EQ(::kill(static_cast<pid_t>(first), SIGSTOP), 0);
    Poller health(m_port, "/api/health");
    EXPECT_TRUE(pollUntil(
        [&] {
            const qint64 pid = hostPid();
            return pid != 0 && pid != first;
        },
        60))
        << host().dump() << "\n"
        << log();
    EXPECT_TRUE(pollUntil([&] { return processHasEnded(first); }, 5)) << "the stopped host is gone";
    EXPECT_TRUE(contains(host()["last_exit"], "no ping")) << host().dump();
    EXPECT_TRUE(waitForFreshDataFromANewHost(first, 20)) << log();
    health.stop();
    EXPECT_EQ(health.failed(), 0) << health.firstFailure();
}

TEST_F(HostSupervisionEndToEnd, ALostSessionIsRecoveredThroughANewHost) {
    ASSERT_NO_FATAL_FAILURE(start({"--sim-fault", "disconnect@5"}));
    const qint64 first = waitForServingHost(5);
    ASSERT_GT(first, 0);
    ASSERT_TRUE(pollUntil([&] { return status()["connection"] != "connected"; }, 15)) << log();
    EXPECT_EQ(ranking()["stale"], true);
    // The outage refuses logins for 20 s: several hosts may try before one gets through.
    EXPECT_TRUE(waitForFreshDataFromANewHost(first, 45)) << host().dump() << "\n" << log();
    EXPECT_TRUE(processHasEnded(first));
    EXPECT_GE(hostField(status(), "restarts"), 1);
    EXPECT_TRUE(log().find("lost its session") != std::string::npos) << log();
}

TEST_F(HostSupervisionEndToEnd, SigtermToKiwoomdLeavesNoHostRunning) {
    ASSERT_NO_FATAL_FAILURE(start());
    const qint64 pid = waitForServingHost();
    ASSERT_GT(pid, 0);
    EXPECT_EQ(m_daemon->terminate(), 0) << log();
    EXPECT_TRUE(pollUntil([&] { return processHasEnded(pid); }, 3)) << "host " << pid << " outlived kiwoomd";
}

TEST_F(HostSupervisionEndToEnd, AHostWhoseKiwoomdWasKilledExitsByItself) {
    ASSERT_NO_FATAL_FAILURE(start());
    const qint64 pid = waitForServingHost();
    ASSERT_GT(pid, 0);
    m_daemon->killHard(); // SIGKILL: kiwoomd cannot tell its host anything
    EXPECT_TRUE(pollUntil([&] { return processHasEnded(pid); }, 5)) << "host " << pid << " was orphaned";
}

// --- misbehaving hosts (fake_kiwoomd_host) ----------------------------------------------------

TEST_F(HostSupervisionEndToEnd, AHostSendingGarbageIsEndedAndReplaced) {
    ASSERT_NO_FATAL_FAILURE(startWithFakeHost("garbage"));
    expectEndedAndReplaced("protocol does not allow", 2, 20);
}

TEST_F(HostSupervisionEndToEnd, AHostSendingALineLongerThanTheLimitIsEndedAndReplaced) {
    ASSERT_NO_FATAL_FAILURE(startWithFakeHost("oversized"));
    expectEndedAndReplaced("longer than 4194304 bytes", 2, 20);
}

TEST_F(HostSupervisionEndToEnd, AHostOfAnotherProtocolVersionIsEndedAndReplaced) {
    ASSERT_NO_FATAL_FAILURE(startWithFakeHost("wrong-version"));
    expectEndedAndReplaced("protocol version 999", 2, 20);
}

TEST_F(HostSupervisionEndToEnd, AHostNamingAnUnknownBackendIsEndedAndReplaced) {
    ASSERT_NO_FATAL_FAILURE(startWithFakeHost("unknown-backend"));
    expectEndedAndReplaced("'backend' must be one of activex, emulator, replay, rest", 2, 20);
}

TEST_F(HostSupervisionEndToEnd, ASilentHostIsEndedAfterItsStartTimeoutAndReplaced) {
    ASSERT_NO_FATAL_FAILURE(startWithFakeHost("silent"));
    expectEndedAndReplaced("did not answer within 20 s", 1, 35);
}

TEST_F(HostSupervisionEndToEnd, AHostThatAnswersNoPingIsEndedAsHungAndReplaced) {
    ASSERT_NO_FATAL_FAILURE(startWithFakeHost("no-pongs"));
    ASSERT_TRUE(pollUntil([&] { return status()["connection"] == "connected"; }, 10))
        << "the fake host logs in\n"
        << log();
    expectEndedAndReplaced("no ping", 1, 40);
}

// --- the host's own command line ---------------------------------------------------------------

// kiwoomd passes its log_level on as the config names it; a word outside them must stop the host
// with the list, not silence it (spdlog reads an unknown level as "off").
TEST(HostCommandLine, AnUnknownLogLevelEndsTheHostWithTheLevelsItTakes) {
    QProcess host;
    host.start(QStringLiteral(KIWOOMD_HOST_BINARY),
               {"--connect", "kiwoomd-nobody-listens", "--simulate", "--log-level", "loud"});
    ASSERT_TRUE(host.waitForFinished(10000)) << "the host did not exit";
    EXPECT_EQ(host.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(host.exitCode(), 2);
    const std::string err = host.readAllStandardError().toStdString();
    EXPECT_NE(
        err.find("--log-level must be one of trace, debug, info, warn, error, critical, off, not 'loud'"),
        std::string::npos)
        << err;
}

TEST(HostCommandLine, EveryLevelKiwoomdPassesOnIsTaken) {
    for (const char* level : {"trace", "debug", "info", "warn", "error", "critical", "off"}) {
        QProcess host;
        host.start(QStringLiteral(KIWOOMD_HOST_BINARY),
                   {"--connect", "kiwoomd-nobody-listens", "--simulate", "--log-level", level});
        ASSERT_TRUE(host.waitForFinished(20000)) << level;
        // Past the options: it fails only at reaching kiwoomd, which nobody runs here.
        EXPECT_EQ(host.exitCode(), 1) << level << ": " << host.readAllStandardError().toStdString();
    }
}

} // namespace
