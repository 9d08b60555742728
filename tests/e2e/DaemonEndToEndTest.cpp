// Starts the real kiwoomd binary as a user would (--simulate --headless) and talks to it over
// HTTP. The port is chosen by the daemon (--port 0) and read from its log, so runs never race
// for a port.
#include "e2e/DaemonProcess.h"

namespace {

using kiwoomd::test::DaemonProcess;
using kiwoomd::test::getJson;

// Writes `text` to a temporary beside `path` and renames it over, as many editors save.
void saveAsAnEditorDoes(const QString& path, const QByteArray& text) {
    QFile file(path + ".tmp");
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(text);
    file.close();
    QFile::remove(path);
    ASSERT_TRUE(QFile::rename(path + ".tmp", path));
}

TEST(DaemonEndToEnd, ServesAWellFormedMovingRankingWithinSeconds) {
    DaemonProcess daemon({"--interval", "2"});
    const int port = daemon.waitForPort();
    ASSERT_GT(port, 0) << daemon.output().toStdString();
    httplib::Client client("127.0.0.1", port);

    EXPECT_EQ(getJson(client, "/api/health")["status"], "ok");

    nlohmann::json ranking;
    for (int i = 0; i < 100; ++i) {
        ranking = getJson(client, "/api/volume-ranking");
        if (ranking["version"].get<int>() >= 1) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ASSERT_GE(ranking["version"].get<int>(), 1) << "no data within ten seconds";
    EXPECT_EQ(ranking["feed"], "kospi");
    EXPECT_EQ(ranking["stale"], false);
    EXPECT_TRUE(ranking["last_update"].get<std::string>().size() == 25 &&
                ranking["last_update"].get<std::string>().substr(19) == "+09:00");
    const auto& rows = ranking["data"];
    ASSERT_GE(rows.size(), 20u);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& row = rows[i];
        EXPECT_EQ(row["rank"], static_cast<int>(i + 1));
        EXPECT_EQ(row["code"].get<std::string>().size(), 6u);
        EXPECT_FALSE(row["name"].get<std::string>().empty());
        EXPECT_GT(row["price"].get<long long>(), 0);
        for (const char* key :
             {"direction", "change", "change_rate", "prev_volume", "volume", "surge_volume", "surge_rate"}) {
            EXPECT_TRUE(row.contains(key)) << key;
        }
    }

    // The market moves: a later poll brings a new version with different numbers.
    const auto firstVersion = ranking["version"].get<int>();
    nlohmann::json later;
    for (int i = 0; i < 150; ++i) {
        later = getJson(client, "/api/volume-ranking");
        if (later["version"].get<int>() > firstVersion) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ASSERT_GT(later["version"].get<int>(), firstVersion);
    EXPECT_NE(later["data"], ranking["data"]);

    EXPECT_EQ(getJson(client, "/api/volume-ranking?market=kosdaq")["market"], "kosdaq");
    EXPECT_EQ(getJson(client, "/api/volume-ranking?market=nyse", 400)["error"]["code"], "unknown_market");
    EXPECT_EQ(getJson(client, "/api/status")["connection"], "connected");
    EXPECT_EQ(getJson(client, "/nope", 404)["error"]["code"], "not_found");
    const auto rebound =
        client.Get("/api/volume-ranking", {{"Host", "attacker.example:" + std::to_string(port)}});
    ASSERT_TRUE(rebound);
    EXPECT_EQ(rebound->status, 403) << "a DNS-rebinding page is refused";
    const auto crossSite = client.Get("/api/volume-ranking", {{"Origin", "https://attacker.example"}});
    ASSERT_TRUE(crossSite);
    EXPECT_EQ(crossSite->status, 403);
    const auto metrics = client.Get("/metrics");
    ASSERT_TRUE(metrics);
    EXPECT_EQ(metrics->status, 200);
    EXPECT_NE(metrics->body.find("kiwoomd_tr_requests_total{tr=\"opt10023\",result=\"0\"}"),
              std::string::npos);
    EXPECT_NE(metrics->body.find("kiwoomd_http_requests_total{route=\"/api/volume-ranking\",status=\"200\"}"),
              std::string::npos);

    EXPECT_EQ(daemon.terminate(), 0) << daemon.output().toStdString();
    EXPECT_EQ(daemon.exitStatus(), QProcess::NormalExit);
    EXPECT_TRUE(daemon.output().contains("stopped"));
}

TEST(DaemonEndToEnd, AFeedDefinedOnlyInConfigIsServedEndToEnd) {
    QTemporaryDir dir;
    const QString path = dir.filePath("feeds.json");
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    // KOSDAQ surge rate over 5 minutes, prices of 5,000 won and up; and KOSDAQ by today's volume.
    file.write(R"({"feeds": [
        {"id": "kosdaq-5min", "inputs": {"시장구분": "101", "정렬구분": "2", "시간구분": "1", "시간": "5",
                                         "가격구분": "6"}},
        {"id": "kosdaq-volume", "tr": "opt10030", "inputs": {"시장구분": "101"}, "max_pages": 1}]})");
    file.close();
    DaemonProcess daemon({"--config", path});
    const int port = daemon.waitForPort();
    ASSERT_GT(port, 0) << daemon.output().toStdString();
    httplib::Client client("127.0.0.1", port);
    ASSERT_TRUE(kiwoomd::test::pollUntil(
        [&] { return getJson(client, "/api/feeds/kosdaq-volume")["version"].get<int>() >= 1; }, 10));
    const auto feeds = getJson(client, "/api/feeds");
    ASSERT_EQ(feeds["feeds"].size(), 2u);
    EXPECT_EQ(feeds["feeds"][0]["inputs"]["시간"], "5");
    const auto volume = getJson(client, "/api/feeds/kosdaq-volume");
    EXPECT_EQ(volume["tr"], "opt10030");
    ASSERT_FALSE(volume["data"].empty());
    EXPECT_TRUE(volume["data"][0].contains("turnover_ratio"));
    ASSERT_TRUE(kiwoomd::test::pollUntil(
        [&] { return getJson(client, "/api/volume-ranking?market=kosdaq")["version"].get<int>() >= 1; }, 30));
    const auto rate = getJson(client, "/api/volume-ranking?market=kosdaq");
    EXPECT_EQ(rate["feed"], "kosdaq-5min");
    for (const auto& row : rate["data"]) {
        EXPECT_GE(row["price"].get<long long>(), 5000);
    }
    EXPECT_EQ(daemon.terminate(), 0);
}

TEST(DaemonEndToEnd, ARecordedSessionReplaysToTheSameRanking) {
    QTemporaryDir dir;
    const QString recording = dir.filePath("session.jsonl");
    nlohmann::json recorded;
    {
        DaemonProcess live({"--record", recording});
        const int port = live.waitForPort();
        ASSERT_GT(port, 0) << live.output().toStdString();
        httplib::Client client("127.0.0.1", port);
        ASSERT_TRUE(kiwoomd::test::pollUntil(
            [&] { return getJson(client, "/api/volume-ranking")["version"].get<int>() >= 1; }, 10));
        recorded = getJson(client, "/api/volume-ranking");
        EXPECT_EQ(live.terminate(), 0);
    }
    QTemporaryDir replayData;
    DaemonProcess replayed(QStringList{"--replay", recording}, replayData.path());
    const int port = replayed.waitForPort();
    ASSERT_GT(port, 0) << replayed.output().toStdString();
    httplib::Client client("127.0.0.1", port);
    ASSERT_TRUE(kiwoomd::test::pollUntil(
        [&] { return getJson(client, "/api/volume-ranking")["version"].get<int>() >= 1; }, 10));
    const auto again = getJson(client, "/api/volume-ranking");
    EXPECT_EQ(again["data"], recorded["data"]);
    EXPECT_EQ(getJson(client, "/api/status")["backend"], "replay");
    EXPECT_EQ(replayed.terminate(), 0);
}

TEST(DaemonEndToEnd, EditingTheConfigWhileRunningAppliesValidEditsAndRejectsBadOnes) {
    QTemporaryDir dir;
    const QString path = dir.filePath("kiwoomd.json");
    const auto writeConfig = [&](const QByteArray& text) { saveAsAnEditorDoes(path, text); };
    writeConfig(R"({"feeds": [{"id": "kospi", "inputs": {"시장구분": "001"}, "max_pages": 1}]})");
    DaemonProcess daemon({"--config", path});
    const int port = daemon.waitForPort();
    ASSERT_GT(port, 0) << daemon.output().toStdString();
    httplib::Client client("127.0.0.1", port);
    ASSERT_EQ(getJson(client, "/api/feeds")["feeds"].size(), 1u);

    writeConfig(R"({"feeds": [{"id": "kospi", "inputs": {"시장구분": "001"}, "max_pages": 1},
                              {"id": "kosdaq", "inputs": {"시장구분": "101"}, "max_pages": 1}]})");
    ASSERT_TRUE(
        kiwoomd::test::pollUntil([&] { return getJson(client, "/api/feeds")["feeds"].size() == 2; }, 10))
        << daemon.output().toStdString();
    ASSERT_TRUE(kiwoomd::test::pollUntil(
        [&] { return getJson(client, "/api/feeds/kosdaq")["version"].get<int>() >= 1; }, 10));

    writeConfig(R"({"feeds": [{"id": "kosdaq", "inputs": {"시장구분": "002"}}]})");
    ASSERT_TRUE(
        kiwoomd::test::pollUntil([&] { return daemon.output().contains("config edit rejected"); }, 10));
    EXPECT_TRUE(daemon.output().contains("feeds[0].inputs.시장구분"));
    EXPECT_EQ(getJson(client, "/api/feeds")["feeds"].size(), 2u) << "the previous configuration stays";
    EXPECT_EQ(daemon.terminate(), 0);
}

TEST(DaemonEndToEnd, AnEditOfRestartOnlyKeysIsNamedInOneWarningWhileTheLiveKeysApply) {
    QTemporaryDir dir;
    const QString path = dir.filePath("kiwoomd.json");
    const auto writeConfig = [&](const QByteArray& text) { saveAsAnEditorDoes(path, text); };
    writeConfig(R"({"polling": {"interval_seconds": 60}})");
    DaemonProcess daemon({"--config", path});
    const int port = daemon.waitForPort();
    ASSERT_GT(port, 0) << daemon.output().toStdString();
    httplib::Client client("127.0.0.1", port);

    // --port 0 keeps winning over the file's port, so server.port is not among the changes.
    writeConfig(R"({"polling": {"interval_seconds": 30}, "server": {"port": 1, "max_connections": 8},
                    "tray": {"language": "en"}})");
    ASSERT_TRUE(kiwoomd::test::pollUntil(
        [&] {
            return daemon.output().contains(
                "server.max_connections, tray.language take effect at the next start");
        },
        10))
        << daemon.output().toStdString();
    ASSERT_TRUE(kiwoomd::test::pollUntil(
        [&] { return getJson(client, "/api/status")["poll_interval_seconds"] == 30; }, 10));
    EXPECT_EQ(daemon.terminate(), 0);
}

TEST(DaemonEndToEnd, BrokenConfigStopsTheStartWithAClearMessage) {
    QTemporaryDir dir;
    const QString path = dir.filePath("bad.json");
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"feeds": [{"id": "x", "inputs": {"시장구분": "002"}}]})");
    file.close();
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(KIWOOMD_BINARY), {"--headless", "--config", path, "--data-dir", dir.path()});
    ASSERT_TRUE(process.waitForFinished(10000));
    EXPECT_EQ(process.exitCode(), 2);
    const QString output = QString::fromUtf8(process.readAll());
    EXPECT_TRUE(output.contains("feeds[0].inputs.시장구분")) << output.toStdString();
    EXPECT_TRUE(output.contains("\"002\"")) << output.toStdString();
}

TEST(DaemonEndToEnd, PortInUseIsReportedAndExitsNonZero) {
    DaemonProcess first;
    const int port = first.waitForPort();
    ASSERT_GT(port, 0);
    QTemporaryDir dir;
    QProcess second;
    second.setProcessChannelMode(QProcess::MergedChannels);
    second.start(QStringLiteral(KIWOOMD_BINARY),
                 {"--simulate", "--headless", "--port", QString::number(port), "--data-dir", dir.path()});
    ASSERT_TRUE(second.waitForFinished(10000));
    EXPECT_EQ(second.exitCode(), 1);
    EXPECT_TRUE(QString::fromUtf8(second.readAll()).contains(QString::number(port)));
}

TEST(DaemonEndToEnd, NonLoopbackAddressIsRefused) {
    QTemporaryDir dir;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(KIWOOMD_BINARY),
                  {"--simulate", "--headless", "--host", "0.0.0.0", "--data-dir", dir.path()});
    ASSERT_TRUE(process.waitForFinished(10000));
    EXPECT_EQ(process.exitCode(), 2);
    EXPECT_TRUE(QString::fromUtf8(process.readAll()).contains("loopback"));
}

TEST(DaemonEndToEnd, VersionAndHelpExitZero) {
    QProcess process;
    process.start(QStringLiteral(KIWOOMD_BINARY), {"--version"});
    ASSERT_TRUE(process.waitForFinished(10000));
    EXPECT_EQ(process.exitCode(), 0);
    EXPECT_TRUE(QString::fromUtf8(process.readAllStandardOutput()).startsWith("kiwoomd "));
    QProcess help;
    help.start(QStringLiteral(KIWOOMD_BINARY), {"--help"});
    ASSERT_TRUE(help.waitForFinished(10000));
    EXPECT_EQ(help.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(help.exitCode(), 0);
    EXPECT_TRUE(QString::fromUtf8(help.readAllStandardOutput()).contains("--simulate"));
}

} // namespace
