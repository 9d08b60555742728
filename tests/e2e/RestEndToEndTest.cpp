// The real kiwoomd on Kiwoom's REST API (--source rest), against tests/rest/kiwoom_rest_server.py:
// a local HTTPS stand-in written from the documented shapes (au10001, au10002, ka10023 with
// cont-yn/next-key), with a CA and a server certificate for 127.0.0.1 made at test time with the
// openssl CLI. Each test switches the server into one failure and checks that the failure shows
// in /api/status and that kiwoomd recovers once the server behaves again. Fast settings come from
// a config file, so the suite runs in about a minute.
#include "e2e/DaemonProcess.h"

#include <QDirIterator>
#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace {

using kiwoomd::test::DaemonProcess;
using kiwoomd::test::getJson;
using kiwoomd::test::pollUntil;
using nlohmann::json;

const QString kRankingPath = QStringLiteral("/api/dostk/rkinfo");
const QString kTokenPath = QStringLiteral("/oauth2/token");
const QString kRevokePath = QStringLiteral("/oauth2/revoke");
constexpr int kAllRows = 45;       // the server's ranking: 30 rows, then 15 on the continuation page
constexpr int kRequestTimeout = 3; // polling.request_timeout_seconds; the slow scenario waits 20 s

// Runs a program to its end; false (with its output in the failure) when it fails.
bool runTool(const QString& program, const QStringList& args, const QString& workDir) {
    QProcess process;
    process.setWorkingDirectory(workDir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    const bool finished = process.waitForFinished(30000);
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        ADD_FAILURE() << program.toStdString() << " " << args.join(' ').toStdString() << ": "
                      << process.readAll().toStdString();
        return false;
    }
    return true;
}

// A CA and a server certificate for IP 127.0.0.1 signed by it, in a temporary directory.
struct TestCertificates {
    TestCertificates() {
        const QString dir = m_dir.path();
        const QStringList ecKey = {"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"};
        QFile extensions(m_dir.filePath("server.ext"));
        if (!extensions.open(QIODevice::WriteOnly)) {
            return;
        }
        extensions.write("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                         "keyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n");
        extensions.close();
        ok = runTool("openssl",
                     QStringList{"req", "-x509"} + ecKey +
                         QStringList{"-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj",
                                     "/CN=kiwoomd REST test CA"},
                     dir) &&
             runTool("openssl",
                     QStringList{"req"} + ecKey +
                         QStringList{"-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"},
                     dir) &&
             runTool("openssl",
                     {"x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                      "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "server.ext"},
                     dir);
    }
    QString path(const QString& name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    bool ok = false;
};

// tests/rest/kiwoom_rest_server.py on a free port, and a client for its /_test/ endpoints.
class RestTestServer {
public:
    RestTestServer(const TestCertificates& certificates, const QString& appKey, const QString& secretKey,
                   const QStringList& extraArgs) {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start("python3",
                        QStringList{KIWOOM_REST_SERVER_SCRIPT, "--port", "0", "--cert",
                                    certificates.path("server.pem"), "--key", certificates.path("server.key"),
                                    "--appkey", appKey, "--secretkey", secretKey} +
                            extraArgs);
        for (int i = 0; i < 100 && m_port == 0; ++i) {
            if (m_process.canReadLine() || m_process.waitForReadyRead(100)) {
                const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
                if (line.startsWith("listening on ")) {
                    m_port = line.mid(QStringLiteral("listening on ").size()).toInt();
                }
            }
            if (m_process.state() == QProcess::NotRunning) {
                break;
            }
        }
        m_ssl = QSslConfiguration::defaultConfiguration();
        m_ssl.setCaCertificates(QSslCertificate::fromPath(certificates.path("ca.pem")));
    }
    ~RestTestServer() {
        m_process.kill(); // slow-scenario threads may still sleep; nothing to save
        m_process.waitForFinished(5000);
    }

    int port() const { return m_port; }
    QString url() const { return QStringLiteral("https://127.0.0.1:%1").arg(m_port); }

    void setScenario(const std::string& name) {
        const json answer =
            call("POST", "/_test/scenario", QByteArray::fromStdString(json{{"name", name}}.dump()));
        ASSERT_EQ(answer.value("scenario", ""), name) << answer.dump();
    }
    void expireTokens() { call("POST", "/_test/expire-tokens", "{}"); }
    json log() { return call("GET", "/_test/log", {}); }
    // The data requests, token requests, ... seen so far, in order.
    std::vector<json> requestsTo(const QString& path) {
        std::vector<json> matching;
        const json all = log(); // kept alive while its requests are read
        for (const auto& request : all["requests"]) {
            if (request["path"] == path.toStdString()) {
                matching.push_back(request);
            }
        }
        return matching;
    }

private:
    json call(const QByteArray& verb, const QString& path, const QByteArray& body) {
        QNetworkAccessManager manager;
        QNetworkRequest request(QUrl(url() + path));
        request.setSslConfiguration(m_ssl);
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply* reply = manager.sendCustomRequest(request, verb, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        loop.exec();
        const QByteArray answer = reply->isFinished() ? reply->readAll() : QByteArray();
        const QString error = reply->errorString();
        const bool failed = !reply->isFinished() || reply->error() != QNetworkReply::NoError;
        reply->abort();
        reply->deleteLater();
        if (failed) {
            ADD_FAILURE() << "test server " << path.toStdString() << ": " << error.toStdString();
            return json::object();
        }
        return json::parse(answer.toStdString(), nullptr, false);
    }

    QProcess m_process;
    QSslConfiguration m_ssl;
    int m_port = 0;
};

QString randomSecret(const char* prefix) {
    return QString::fromLatin1(prefix) + QUuid::createUuid().toString(QUuid::Id128);
}

// One feed of two pages, a poll a second, a generous pacing window, quick reconnects, a market
// that never closes (the REST server answers at any hour) and short timeouts and backoffs.
QString writeFastConfig(const QTemporaryDir& dir) {
    const QString path = dir.filePath("rest-fast.json");
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral(R"({
  "polling": {"interval_seconds": 1, "request_timeout_seconds": %1, "stale_after_intervals": 3,
              "max_throttle_backoff_seconds": 2,
              "limit_windows": [{"max_requests": 20, "seconds": 1}]},
  "connection": {"reconnect_min_seconds": 1, "reconnect_max_seconds": 4, "maintenance_windows": []},
  "market": {"calendar": "always-open"},
  "feeds": [{"id": "kospi", "inputs": {"시장구분": "001"}, "max_pages": 5}]
})")
                   .arg(kRequestTimeout)
                   .toUtf8());
    return path;
}

class RestEndToEnd : public ::testing::Test {
protected:
    // Starts the test server (with `serverArgs`, e.g. a scenario) and kiwoomd on it; the keys
    // reach kiwoomd through its environment only.
    void start(const QStringList& serverArgs = {}, const QStringList& daemonArgs = {}) {
        ASSERT_TRUE(m_certificates.ok);
        m_server = std::make_unique<RestTestServer>(m_certificates, m_appKey, m_secretKey, serverArgs);
        ASSERT_GT(m_server->port(), 0) << "the test server did not start";
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("KIWOOM_APPKEY", m_appKey);
        environment.insert("KIWOOM_SECRETKEY", m_secretKey);
        const QStringList args = QStringList{"--source",       "rest",
                                             "--rest-url",     m_server->url(),
                                             "--rest-ca-file", m_certificates.path("ca.pem"),
                                             "--config",       writeFastConfig(m_configDir)} +
                                 daemonArgs;
        m_daemon =
            std::make_unique<DaemonProcess>(args, QString(), DaemonProcess::Display::Headless, environment);
        const int port = m_daemon->waitForPort();
        ASSERT_GT(port, 0) << m_daemon->output().toStdString();
        m_client = std::make_unique<httplib::Client>("127.0.0.1", port);
    }

    json ranking() { return getJson(*m_client, "/api/volume-ranking"); }
    json status() { return getJson(*m_client, "/api/status"); }
    json feedStatus() { return status()["feeds"][0]; }
    int version() { return ranking()["version"].get<int>(); }

    bool completeRankingNewerThan(int version, int seconds) {
        return pollUntil(
            [&] {
                const auto r = ranking();
                return r["version"].get<int>() > version && r["row_count"] == kAllRows && r["stale"] == false;
            },
            seconds);
    }
    bool feedErrorShows(int seconds) {
        return pollUntil([&] { return !feedStatus()["last_error"].is_null(); }, seconds);
    }
    std::string explain() { return m_daemon ? m_daemon->output().toStdString() : std::string(); }

    void TearDown() override {
        if (m_daemon && m_client) {
            EXPECT_EQ(getJson(*m_client, "/api/health")["status"], "ok");
            EXPECT_EQ(m_daemon->terminate(), 0) << explain();
        }
    }

    TestCertificates m_certificates;
    QTemporaryDir m_configDir;
    const QString m_appKey = randomSecret("appkey-");
    const QString m_secretKey = randomSecret("secretkey-");
    std::unique_ptr<RestTestServer> m_server;
    std::unique_ptr<DaemonProcess> m_daemon;
    std::unique_ptr<httplib::Client> m_client;
};

TEST_F(RestEndToEnd, ServesTheDocumentedExampleRowsExactly) {
    start();
    ASSERT_TRUE(completeRankingNewerThan(0, 10)) << explain();
    const auto r = ranking();
    EXPECT_EQ(r["row_count"], kAllRows) << "both pages";
    ASSERT_EQ(r["data"].size(), static_cast<size_t>(kAllRows));
    // cur_prc "-74000", pred_pre_sig "5", pred_pre "-500", flu_rt "-0.67", "+005000" padded.
    EXPECT_EQ(r["data"][0], json::parse(R"({"rank":1,"code":"005930","name":"삼성전자","price":74000,
        "direction":"down","change":-500,"change_rate":-0.67,"prev_volume":5000,"volume":15000,
        "surge_volume":10000,"surge_rate":200.0})"));
    // "000660_NX": the code without the suffix, the venue kept as docs/api.md names it.
    EXPECT_EQ(r["data"][1], json::parse(R"({"rank":2,"code":"000660","name":"SK하이닉스","price":183000,
        "direction":"up","change":3000,"change_rate":1.67,"prev_volume":2000000,"volume":6000000,
        "surge_volume":4000000,"surge_rate":200.0,"venue":"NXT"})"));
    EXPECT_EQ(r["data"][2], json::parse(R"({"rank":3,"code":"035420","name":"NAVER","price":210000,
        "direction":"unchanged","change":0,"change_rate":0.0,"prev_volume":300000,"volume":750000,
        "surge_volume":450000,"surge_rate":150.0})"));
    EXPECT_EQ(r["data"][3], json::parse(R"({"rank":4,"code":"005380","name":"현대차","price":241500,
        "direction":"down","change":-170,"change_rate":-0.07,"prev_volume":400000,"volume":900000,
        "surge_volume":500000,"surge_rate":125.0})"));
    EXPECT_EQ(r["data"][4]["direction"], "upper_limit");
    EXPECT_EQ(r["data"][44]["code"], "990045") << "the last row of the continuation page";

    const auto s = status();
    EXPECT_EQ(s["backend"], "rest");
    EXPECT_TRUE(s["feeds"][0]["last_error"].is_null()) << s.dump();
    EXPECT_TRUE(s["login_error"].is_null()) << s.dump();

    // The wire: a token, then ka10023 with the documented headers and body, then the
    // continuation page with the next-key of the first answer.
    const auto tokens = m_server->requestsTo(kTokenPath);
    ASSERT_FALSE(tokens.empty());
    EXPECT_EQ(tokens[0]["body"]["grant_type"], "client_credentials");
    const auto pages = m_server->requestsTo(kRankingPath);
    ASSERT_GE(pages.size(), 2u);
    for (const auto& page : pages) {
        EXPECT_EQ(page["return_code"], 0) << page.dump();
        EXPECT_EQ(page["headers"].value("api-id", ""), "ka10023");
        EXPECT_EQ(page["headers"].value("authorization", "").rfind("Bearer ", 0), 0u);
        EXPECT_EQ(page["headers"].value("content-type", ""), "application/json;charset=UTF-8");
    }
    EXPECT_EQ(pages[0]["body"], json::parse(R"({"mrkt_tp":"001","sort_tp":"1","tm_tp":"2","trde_qty_tp":"5",
        "tm":"","stk_cnd":"0","pric_tp":"0","stex_tp":"1"})"))
        << "the feed's defaults; 거래소구분 blank is KRX, which the REST API spells 1";
    EXPECT_NE(pages[0]["headers"].value("cont-yn", "N"), "Y") << "a first page is no continuation";
    EXPECT_EQ(pages[1]["headers"].value("cont-yn", ""), "Y");
    EXPECT_EQ(pages[1]["headers"].value("next-key", ""), pages[0]["response_headers"]["next-key"]);
}

TEST_F(RestEndToEnd, DataKeepsComingWhileTokensExpireEveryFewSeconds) {
    start({"--scenario", "token-expiry", "--token-seconds", "3"});
    ASSERT_TRUE(completeRankingNewerThan(0, 10)) << explain();
    const int first = version();
    std::this_thread::sleep_for(std::chrono::seconds(10));
    EXPECT_GE(version(), first + 4) << "a poll a second, tokens renewed or re-issued on the way\n"
                                    << explain();
    EXPECT_GE(m_server->requestsTo(kTokenPath).size(), 3u);
    ASSERT_TRUE(completeRankingNewerThan(version(), 5)) << explain();
    EXPECT_TRUE(feedStatus()["last_error"].is_null()) << feedStatus().dump();
}

// The official client re-issues the token and retries once on return_code 8005 or HTTP 401.
void expectReissueAndOneRetry(const std::vector<json>& log) {
    // Find the first 8005 answer, then expect a token request and a good retry after it.
    const auto stale =
        std::find_if(log.begin(), log.end(), [](const json& r) { return r.value("return_code", 0) == 8005; });
    ASSERT_NE(stale, log.end()) << "no request with the stale token";
    const auto reissue =
        std::find_if(stale, log.end(), [](const json& r) { return r["path"] == "/oauth2/token"; });
    ASSERT_NE(reissue, log.end()) << "no token re-issued after 8005";
    EXPECT_EQ(reissue->value("return_code", -1), 0);
    const auto retry =
        std::find_if(reissue, log.end(), [](const json& r) { return r["path"] == "/api/dostk/rkinfo"; });
    ASSERT_NE(retry, log.end()) << "the request was not retried";
    EXPECT_EQ(retry->value("return_code", -1), 0) << retry->dump();
    EXPECT_NE(retry->at("headers").value("authorization", ""),
              stale->at("headers").value("authorization", ""));
    const auto stalesInARow =
        std::count_if(stale, reissue, [](const json& r) { return r.value("return_code", 0) == 8005; });
    EXPECT_EQ(stalesInARow, 1) << "one retry, after the re-issue; not the stale token again";
}

class RestStaleToken : public RestEndToEnd, public ::testing::WithParamInterface<int> {};

TEST_P(RestStaleToken, StaleTokenIsReissuedAndTheRequestRetriedOnce) {
    start({"--stale-token-http", QString::number(GetParam())});
    ASSERT_TRUE(completeRankingNewerThan(0, 10)) << explain();
    const int before = version();
    const size_t seen = m_server->log()["requests"].size();
    m_server->expireTokens();
    ASSERT_TRUE(completeRankingNewerThan(before + 1, 10)) << explain();
    const auto all = m_server->log()["requests"];
    expectReissueAndOneRetry(std::vector<json>(all.begin() + static_cast<long>(seen), all.end()));
    EXPECT_TRUE(status()["login_error"].is_null());
}

INSTANTIATE_TEST_SUITE_P(HttpStatus, RestStaleToken, ::testing::Values(200, 401),
                         [](const ::testing::TestParamInfo<int>& status) {
                             return "Http" + std::to_string(status.param);
                         });

TEST_F(RestEndToEnd, ThrottlingIsCountedAndWaitedOutThenFreshDataArrives) {
    start({"--throttle-count", "3"});
    ASSERT_TRUE(completeRankingNewerThan(0, 10)) << explain();
    m_server->setScenario("throttle"); // return_code 1700 with HTTP 429, three times
    ASSERT_TRUE(pollUntil([&] { return status()["requests"]["throttled"].get<int>() > 0; }, 8)) << explain();
    const int during = version();
    ASSERT_TRUE(completeRankingNewerThan(during, 15)) << explain();
    const auto requests = status()["requests"];
    EXPECT_GE(requests["throttled"].get<int>(), 1);
    EXPECT_LE(requests["throttled"].get<int>(), 3) << "each 1700 is counted once";
    EXPECT_TRUE(pollUntil([&] { return feedStatus()["last_error"].is_null(); }, 5));
}

TEST_F(RestEndToEnd, UnregisteredIpIsExplainedAndNotRetriedInATightLoop) {
    start({"--scenario", "ip-not-registered"});
    ASSERT_TRUE(pollUntil([&] { return !status()["login_error"].is_null(); }, 10)) << explain();
    const auto error = status()["login_error"];
    EXPECT_EQ(error["kiwoom_code"], 8010) << error.dump();
    const std::string meaning = error["meaning"].is_string() ? error["meaning"].get<std::string>() : "";
    const QString text = QString::fromStdString(meaning + " " + error["message"].get<std::string>());
    EXPECT_TRUE(text.contains("IP", Qt::CaseInsensitive) &&
                text.contains("not registered", Qt::CaseInsensitive))
        << text.toStdString();
    EXPECT_NE(status()["connection"], "connected");
    EXPECT_TRUE(ranking()["data"].empty());

    const size_t tokensBefore = m_server->requestsTo(kTokenPath).size();
    std::this_thread::sleep_for(std::chrono::seconds(10));
    const size_t tokensIn10s = m_server->requestsTo(kTokenPath).size() - tokensBefore;
    EXPECT_LE(tokensIn10s, 6u) << "token requests in 10 s: backoff, not a tight loop";
    EXPECT_TRUE(m_server->requestsTo(kRankingPath).empty()) << "no data request without a token";
    EXPECT_TRUE(explain().find("8010") != std::string::npos) << "the log names the code";

    m_server->setScenario("normal"); // the IP got registered
    ASSERT_TRUE(completeRankingNewerThan(0, 15)) << explain();
    EXPECT_TRUE(status()["login_error"].is_null());
}

TEST_F(RestEndToEnd, KeyOfTheOtherServerIsExplainedAsALiveMockMismatch) {
    start({"--appkey", "an-app-key-of-the-other-server"}); // the server's last --appkey wins
    ASSERT_TRUE(pollUntil([&] { return !status()["login_error"].is_null(); }, 10)) << explain();
    const auto error = status()["login_error"];
    EXPECT_EQ(error["kiwoom_code"], 8030) << error.dump();
    EXPECT_TRUE(
        error["meaning"].is_string() &&
        QString::fromStdString(error["meaning"].get<std::string>()).contains("mock", Qt::CaseInsensitive))
        << error.dump();
    EXPECT_TRUE(m_server->requestsTo(kRankingPath).empty());
}

TEST_F(RestEndToEnd, MalformedAnswerIsAnErrorAndThePreviousRankingStays) {
    start();
    ASSERT_TRUE(completeRankingNewerThan(0, 10)) << explain();
    const auto before = ranking();
    m_server->setScenario("malformed");
    ASSERT_TRUE(feedErrorShows(8)) << explain();
    const auto during = ranking();
    EXPECT_EQ(during["data"], before["data"]) << "the previous ranking is kept, not emptied";
    EXPECT_EQ(during["version"], before["version"]);
    m_server->setScenario("normal");
    ASSERT_TRUE(completeRankingNewerThan(before["version"].get<int>(), 10)) << explain();
    EXPECT_TRUE(pollUntil([&] { return feedStatus()["last_error"].is_null(); }, 5));
}

TEST_F(RestEndToEnd, EmptyAnswerKeepsTheLastRanking) {
    start();
    ASSERT_TRUE(completeRankingNewerThan(0, 10)) << explain();
    const auto before = ranking();
    const size_t seen = m_server->requestsTo(kRankingPath).size();
    m_server->setScenario("empty");
    ASSERT_TRUE(pollUntil([&] { return m_server->requestsTo(kRankingPath).size() >= seen + 3; }, 8));
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // the last answer is handled
    const auto during = ranking();
    EXPECT_EQ(during["row_count"], kAllRows);
    EXPECT_EQ(during["data"], before["data"]);
    m_server->setScenario("normal");
    ASSERT_TRUE(completeRankingNewerThan(during["version"].get<int>(), 10)) << explain();
}

TEST_F(RestEndToEnd, SlowAnswerTimesOutThenPollingRecovers) {
    start();
    ASSERT_TRUE(completeRankingNewerThan(0, 10)) << explain();
    const int before = version();
    m_server->setScenario("slow"); // answers after 20 s, far beyond the 3 s request timeout
    ASSERT_TRUE(
        pollUntil([&] { return status()["requests"]["timed_out"].get<int>() > 0; }, 3 * kRequestTimeout + 3))
        << explain();
    EXPECT_FALSE(ranking()["data"].empty());
    m_server->setScenario("normal");
    ASSERT_TRUE(completeRankingNewerThan(before, 4 * kRequestTimeout + 5)) << explain();
}

TEST_F(RestEndToEnd, ResetConnectionIsAnErrorThenPollingRecovers) {
    start();
    ASSERT_TRUE(completeRankingNewerThan(0, 10)) << explain();
    const auto before = ranking();
    m_server->setScenario("reset"); // the server closes each data connection without an answer
    ASSERT_TRUE(feedErrorShows(8)) << explain();
    EXPECT_EQ(ranking()["data"], before["data"]);
    m_server->setScenario("normal");
    ASSERT_TRUE(completeRankingNewerThan(before["version"].get<int>(), 10)) << explain();
}

// Every place a secret could leak to: the console, the log file, the data dir, the API and a
// recording. Tokens expire every 3 s so that several are issued; each must stay inside kiwoomd.
TEST_F(RestEndToEnd, NoKeyOrTokenAppearsInLogsApiOrRecording) {
    QTemporaryDir recordDir;
    const QString recording = recordDir.filePath("rest.jsonl");
    start({"--scenario", "token-expiry", "--token-seconds", "3"},
          {"--record", recording, "--log-level", "trace"});
    ASSERT_TRUE(completeRankingNewerThan(0, 10)) << explain();
    m_server->expireTokens(); // a stale-token retry too
    std::this_thread::sleep_for(std::chrono::seconds(7));
    ASSERT_TRUE(completeRankingNewerThan(0, 5)) << explain();

    std::vector<std::pair<std::string, std::string>> outputs; // where, text
    outputs.emplace_back("/api/status", m_client->Get("/api/status")->body);
    outputs.emplace_back("/metrics", m_client->Get("/metrics")->body);
    outputs.emplace_back("/api/volume-ranking", m_client->Get("/api/volume-ranking")->body);
    const QString dataDir = m_daemon->dataDir();
    EXPECT_EQ(m_daemon->terminate(), 0);
    m_client.reset(); // stopped: TearDown has nothing left to do
    outputs.emplace_back("stdout/stderr", m_daemon->output().toStdString());
    // The log file, snapshots and anything else kiwoomd wrote, and the recording.
    QStringList files = {recording};
    QDirIterator it(dataDir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files << it.next();
    }
    bool sawLogFile = false;
    for (const auto& path : files) {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
        outputs.emplace_back(path.toStdString(), file.readAll().toStdString());
        sawLogFile = sawLogFile || path.endsWith(".log");
    }
    EXPECT_TRUE(sawLogFile) << "kiwoomd writes <data-dir>/logs/kiwoomd.log";
    EXPECT_GT(QFileInfo(recording).size(), 0) << "the recording has the exchanges";

    const auto log = m_server->log();
    std::vector<std::string> secrets = {m_appKey.toStdString(), m_secretKey.toStdString()};
    for (const auto& token : log["issued_tokens"]) {
        secrets.push_back(token.get<std::string>());
    }
    EXPECT_GE(secrets.size(), 4u) << "several tokens were issued";
    for (const auto& [where, text] : outputs) {
        for (const auto& secret : secrets) {
            EXPECT_EQ(text.find(secret), std::string::npos)
                << where << " contains a secret: " << secret.substr(0, 12) << "...";
        }
    }

    // At exit the token in use is revoked (au10002) with the keys.
    const auto revokes = m_server->requestsTo(kRevokePath);
    ASSERT_FALSE(revokes.empty()) << "no revoke at exit";
    EXPECT_EQ(revokes.back()["body"].value("appkey", ""), m_appKey.toStdString());
    EXPECT_EQ(revokes.back()["return_code"], 0);
}

TEST(RestEndToEndKeys, MissingKeysStopTheStartSayingWhich) {
    TestCertificates certificates;
    ASSERT_TRUE(certificates.ok);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove("KIWOOM_APPKEY");
    environment.remove("KIWOOM_SECRETKEY");
    DaemonProcess daemon({"--source", "rest", "--rest-url", "https://127.0.0.1:9", "--rest-ca-file",
                          certificates.path("ca.pem")},
                         QString(), DaemonProcess::Display::Headless, environment);
    ASSERT_TRUE(daemon.process().waitForFinished(10000)) << daemon.output().toStdString();
    EXPECT_EQ(daemon.process().exitCode(), 2) << daemon.output().toStdString();
    EXPECT_TRUE(daemon.output().contains("KIWOOM_APPKEY")) << daemon.output().toStdString();
}

} // namespace
