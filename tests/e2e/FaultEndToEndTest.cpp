// Every emulator fault, survived by the real binary: it keeps serving, marks staleness honestly,
// recovers when the fault ends and never serves a wrong number. Fast settings come from a config
// file so that each run takes seconds.
#include "e2e/DaemonProcess.h"

#include <set>

namespace {

using kiwoomd::test::DaemonProcess;
using kiwoomd::test::getJson;
using kiwoomd::test::pollUntil;

// One page per feed, a second between polls, only the official 5-a-second limit, quick logins
// and reconnects: the whole fault story fits in a few seconds.
QString writeFastConfig(const QTemporaryDir& dir, int requestTimeoutSeconds = 2) {
    const QString path = dir.filePath("fast.json");
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    const auto text = QStringLiteral(R"({
  "polling": {"interval_seconds": 1, "request_timeout_seconds": %1, "stale_after_intervals": 3,
              "max_throttle_backoff_seconds": 2,
              "limit_windows": [{"max_requests": 5, "seconds": 1}]},
  "connection": {"reconnect_min_seconds": 1, "reconnect_max_seconds": 2, "maintenance_windows": []},
  "feeds": [{"id": "kospi", "inputs": {"시장구분": "001"}, "max_pages": 1},
            {"id": "kosdaq", "inputs": {"시장구분": "101"}, "max_pages": 1}],
  "emulator": {"login_delay_ms": 100, "min_latency_ms": 10, "max_latency_ms": 50,
               "limit_windows": [{"max_requests": 5, "seconds": 1}]}
})")
                          .arg(requestTimeoutSeconds);
    file.write(text.toUtf8());
    return path;
}

// Every row is well formed: a number is a number, and anything unreadable is null *and* named.
void expectHonestRows(const nlohmann::json& ranking) {
    int previousRank = 0;
    for (const auto& row : ranking["data"]) {
        EXPECT_GT(row["rank"].get<int>(), previousRank);
        previousRank = row["rank"].get<int>();
        EXPECT_EQ(row["code"].get<std::string>().size(), 6u);
        EXPECT_GT(row["price"].get<long long>(), 0);
        std::set<std::string> invalid;
        if (row.contains("invalid_fields")) {
            for (const auto& f : row["invalid_fields"]) {
                invalid.insert(f.get<std::string>());
            }
        }
        for (const char* key :
             {"change", "change_rate", "prev_volume", "volume", "surge_volume", "surge_rate"}) {
            if (row[key].is_null()) {
                EXPECT_EQ(invalid.count(key), 1u) << key << " is null but not listed as invalid";
            } else {
                EXPECT_TRUE(row[key].is_number()) << key;
                EXPECT_EQ(invalid.count(key), 0u) << key << " is listed as invalid but has a value";
            }
        }
        if (!row["volume"].is_null()) {
            EXPECT_GE(row["volume"].get<long long>(), 0);
        }
    }
}

class FaultEndToEnd : public ::testing::Test {
protected:
    void startWith(const QStringList& faults, int requestTimeoutSeconds = 2) {
        QStringList args = {"--config", writeFastConfig(m_configDir, requestTimeoutSeconds)};
        for (const auto& fault : faults) {
            args << "--sim-fault" << fault;
        }
        m_daemon = std::make_unique<DaemonProcess>(args);
        const int port = m_daemon->waitForPort();
        ASSERT_GT(port, 0) << m_daemon->output().toStdString();
        m_client = std::make_unique<httplib::Client>("127.0.0.1", port);
    }

    nlohmann::json ranking() {
        auto json = getJson(*m_client, "/api/volume-ranking");
        expectHonestRows(json);
        return json;
    }
    nlohmann::json status() { return getJson(*m_client, "/api/status"); }

    bool freshRankingNewerThan(int version, int seconds) {
        return pollUntil(
            [&] {
                const auto r = ranking();
                return r["stale"] == false && r["version"].get<int>() > version;
            },
            seconds);
    }

    void TearDown() override {
        if (m_daemon) {
            EXPECT_EQ(getJson(*m_client, "/api/health")["status"], "ok");
            EXPECT_EQ(m_daemon->terminate(), 0) << m_daemon->output().toStdString();
        }
    }

    QTemporaryDir m_configDir;
    std::unique_ptr<DaemonProcess> m_daemon;
    std::unique_ptr<httplib::Client> m_client;
};

TEST_F(FaultEndToEnd, DisconnectMarksDataStaleAndKeepsServing) {
    startWith({"disconnect@3+4"});
    ASSERT_TRUE(freshRankingNewerThan(0, 3));
    ASSERT_TRUE(pollUntil([&] { return status()["connection"] != "connected"; }, 6));
    const auto during = ranking();
    EXPECT_EQ(during["stale"], true);
    EXPECT_FALSE(during["data"].empty()) << "the last ranking is still served";
    EXPECT_TRUE(m_daemon->output().contains("connection lost: -106"));
}

TEST_F(FaultEndToEnd, DisconnectRecoversWithFreshDataThroughAFreshHost) {
    startWith({"disconnect@3+4"});
    const auto firstPid = status()["host"]["pid"].get<long long>();
    ASSERT_TRUE(freshRankingNewerThan(0, 3));
    ASSERT_TRUE(pollUntil([&] { return status()["connection"] != "connected"; }, 6));
    const int versionDuring = ranking()["version"].get<int>();
    ASSERT_TRUE(freshRankingNewerThan(versionDuring, 15)) << m_daemon->output().toStdString();
    const auto s = status();
    EXPECT_EQ(s["connection"], "connected");
    EXPECT_GE(s["reconnect_count"].get<int>(), 1);
    // The control of the drop cannot log in again (as the real one): a new host process did.
    EXPECT_NE(s["host"]["pid"].get<long long>(), firstPid);
    EXPECT_GE(s["host"]["restarts"].get<int>(), 1);
    // The drop (-106), or a login refused while the server was away (-101) after it.
    const int code = s["last_error"]["kiwoom_code"].get<int>();
    EXPECT_TRUE(code == -106 || code == -101) << code;
}

TEST_F(FaultEndToEnd, BlankPaddingRowsLeaveTheRankingAsItWas) {
    startWith({"blank-rows"});
    ASSERT_TRUE(freshRankingNewerThan(0, 5));
    const auto r = ranking();
    ASSERT_FALSE(r["data"].empty());
    int expectedRank = 1;
    for (const auto& row : r["data"]) {
        EXPECT_EQ(row["rank"].get<int>(), expectedRank++);
    }
    const auto s = status(); // kept: a range-for over a temporary's member would dangle
    for (const auto& feed : s["feeds"]) {
        EXPECT_EQ(feed["skipped_rows"], 0) << feed["id"];
    }
}

TEST_F(FaultEndToEnd, ServerRefusalIsSurvivedAndTheRankingResumes) {
    startWith({"server-refuse@2+3"});
    ASSERT_TRUE(freshRankingNewerThan(0, 2));
    const int version = ranking()["version"].get<int>();
    // The refusal arrives as a server message ending in (-200): a throttle, taken at once rather
    // than at the request's timeout.
    ASSERT_TRUE(pollUntil([&] { return status()["requests"]["throttled"].get<int>() > 0; }, 8));
    EXPECT_EQ(status()["requests"]["timed_out"].get<int>(), 0);
    EXPECT_TRUE(freshRankingNewerThan(version, 15)) << m_daemon->output().toStdString();
}

TEST_F(FaultEndToEnd, LoginThatAlwaysFailsIsExplainedAndRetried) {
    startWith({"login-fail"});
    ASSERT_TRUE(pollUntil([&] { return !status()["login_error"].is_null(); }, 5));
    const auto s = status();
    EXPECT_EQ(s["connection"], "waiting_to_reconnect");
    EXPECT_EQ(s["login_error"]["kiwoom_code"], -100);
    EXPECT_EQ(s["login_error"]["meaning"], "user information exchange failed");
    EXPECT_FALSE(s["next_reconnect_at"].is_null());
    const auto r = ranking();
    EXPECT_TRUE(r["data"].empty());
    EXPECT_EQ(r["stale"], true);
}

TEST_F(FaultEndToEnd, ThrottleStormIsWaitedOutWithBackoff) {
    startWith({"throttle@2+4"});
    ASSERT_TRUE(freshRankingNewerThan(0, 3));
    ASSERT_TRUE(pollUntil([&] { return status()["requests"]["throttled"].get<int>() > 0; }, 6));
    const int throttledDuringStorm = status()["requests"]["throttled"].get<int>();
    const int version = ranking()["version"].get<int>();
    ASSERT_TRUE(freshRankingNewerThan(version, 20)) << m_daemon->output().toStdString();
    EXPECT_LT(throttledDuringStorm, 20) << "backoff, not hammering";
}

TEST_F(FaultEndToEnd, DroppedAnswersTimeOutAndPollingGoesOn) {
    startWith({"drop@2+4"});
    ASSERT_TRUE(freshRankingNewerThan(0, 3));
    ASSERT_TRUE(pollUntil([&] { return status()["requests"]["timed_out"].get<int>() > 0; }, 8));
    const int version = ranking()["version"].get<int>();
    ASSERT_TRUE(freshRankingNewerThan(version, 15));
}

TEST_F(FaultEndToEnd, SlowAnswersStillArrive) {
    startWith({"slow@2+6"}, 8);
    ASSERT_TRUE(freshRankingNewerThan(0, 3));
    const int version = ranking()["version"].get<int>();
    // Answers now take 2-5 s each; they still arrive and are used.
    ASSERT_TRUE(pollUntil([&] { return ranking()["version"].get<int>() > version; }, 12));
    EXPECT_EQ(status()["requests"]["timed_out"], 0);
}

TEST_F(FaultEndToEnd, MalformedValuesAreFlaggedNeverGuessed) {
    startWith({"malformed"});
    ASSERT_TRUE(pollUntil(
        [&] {
            const auto s = status();
            int skipped = 0;
            for (const auto& feed : s["feeds"]) {
                skipped += feed["skipped_rows"].get<int>();
            }
            bool flagged = false;
            const auto current = ranking(); // keep the document alive while iterating its rows
            for (const auto& row : current["data"]) {
                flagged = flagged || row.contains("invalid_fields");
            }
            return flagged || skipped > 0;
        },
        8));
}

TEST_F(FaultEndToEnd, EmptyPagesNeverReplaceTheLastRanking) {
    startWith({"empty@2+4"});
    ASSERT_TRUE(freshRankingNewerThan(0, 3));
    ASSERT_TRUE(pollUntil(
        [&] {
            const auto error = status()["feeds"][0]["last_error"];
            return !error.is_null() && error["message"] == "the server returned no rows";
        },
        6));
    EXPECT_FALSE(ranking()["data"].empty());
    const int version = ranking()["version"].get<int>();
    ASSERT_TRUE(freshRankingNewerThan(version, 15));
}

TEST(VersionUpdateEndToEnd, TheHostIsReplacedAndAFreshOneLogsInOnceTheUpdateIsDone) {
    DaemonProcess daemon({"--sim-fault", "version-update+2"});
    const int port = daemon.waitForPort();
    ASSERT_GT(port, 0);
    httplib::Client client("127.0.0.1", port);
    ASSERT_TRUE(pollUntil(
        [&] {
            const auto status = getJson(client, "/api/status");
            return status["login_error"].is_object() && status["login_error"]["kiwoom_code"] == -102;
        },
        10))
        << daemon.output().toStdString();
    ASSERT_TRUE(pollUntil([&] { return getJson(client, "/api/status")["connection"] == "connected"; }, 40))
        << daemon.output().toStdString();
    const auto status = getJson(client, "/api/status");
    EXPECT_GE(status["host"]["restarts"].get<int>(), 1) << "the login after the update ran in a fresh host";
    EXPECT_TRUE(daemon.output().contains("update itself")) << daemon.output().toStdString();
    EXPECT_EQ(daemon.terminate(), 0) << "kiwoomd never exits for an update";
}

TEST(RestartEndToEnd, AfterSigkillThePreviousRowsAreServedStaleAtOnce) {
    QTemporaryDir dataDir;
    QTemporaryDir configDir;
    const QString config = writeFastConfig(configDir);
    nlohmann::json before;
    {
        DaemonProcess first({"--config", config}, dataDir.path());
        const int port = first.waitForPort();
        ASSERT_GT(port, 0) << first.output().toStdString();
        httplib::Client client("127.0.0.1", port);
        // Generous: on a loaded machine the host's start and login alone can take seconds.
        ASSERT_TRUE(
            pollUntil([&] { return getJson(client, "/api/volume-ranking")["version"].get<int>() >= 2; }, 20))
            << first.output().toStdString();
        before = getJson(client, "/api/volume-ranking");
        first.killHard();
    }
    // The same data dir, and this time the login never succeeds.
    DaemonProcess second({"--config", config, "--sim-fault", "login-fail"}, dataDir.path());
    const int port = second.waitForPort();
    ASSERT_GT(port, 0) << second.output().toStdString();
    httplib::Client client("127.0.0.1", port);
    const auto after = getJson(client, "/api/volume-ranking");
    EXPECT_EQ(after["stale"], true);
    ASSERT_FALSE(after["data"].empty()) << second.output().toStdString();
    // At least the rows saved before the kill (a save may have landed after our read).
    EXPECT_GE(after["version"].get<int>(), before["version"].get<int>());
    EXPECT_EQ(after["data"][0]["code"].get<std::string>().size(), 6u);
    EXPECT_EQ(getJson(client, "/api/status")["feeds"][0]["restored"], true);
    EXPECT_EQ(second.terminate(), 0);
}

TEST(RestartEndToEnd, ACorruptSavedSnapshotIsMovedAsideNotFatal) {
    QTemporaryDir dataDir;
    QDir(dataDir.path()).mkpath("snapshots");
    QFile corrupt(QDir(dataDir.path()).filePath("snapshots/kospi.json"));
    ASSERT_TRUE(corrupt.open(QIODevice::WriteOnly));
    corrupt.write(R"({"feed":"kospi","market":"kospi","tr":"opt10023","row_count":)");
    corrupt.close();
    DaemonProcess daemon({}, dataDir.path());
    ASSERT_GT(daemon.waitForPort(), 0) << daemon.output().toStdString();
    EXPECT_TRUE(daemon.output().contains("moved aside"));
    const QStringList aside =
        QDir(QDir(dataDir.path()).filePath("snapshots")).entryList({"kospi.json.corrupt-*"});
    EXPECT_EQ(aside.size(), 1);
    EXPECT_EQ(daemon.terminate(), 0);
}

} // namespace
