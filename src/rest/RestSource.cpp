#include "kiwoomd/rest/RestSource.h"

#include "kiwoomd/core/KiwoomErrors.h"
#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/core/RestMessages.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QTimer>

#include <spdlog/spdlog.h>

namespace kiwoomd {
namespace {

using std::chrono::milliseconds;

constexpr char kTokenPath[] = "/oauth2/token";
constexpr char kRevokePath[] = "/oauth2/revoke";
constexpr milliseconds kRenewRetry{60000};
constexpr milliseconds kShortestRenewal{30000};

QByteArray bytes(const std::string& text) {
    return QByteArray(text.data(), static_cast<int>(text.size()));
}

int httpStatus(QNetworkReply* reply) {
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

// Why an exchange failed, for the log: Qt's error text names the host and the TLS problem, never
// a header or a body, so no key and no token can be in it.
std::string networkError(QNetworkReply* reply) {
    return reply->errorString().toStdString();
}

} // namespace

RestSource::RestSource(RestSettings settings, RestKeys keys, Scheduler& scheduler, QObject* parent)
    : Source(parent)
    , m_settings(std::move(settings))
    , m_keys(std::move(keys))
    , m_scheduler(scheduler)
    , m_ssl(QSslConfiguration::defaultConfiguration())
    , m_renewTask(scheduler) {
    if (!m_settings.caFile.isEmpty()) {
        const auto extra = QSslCertificate::fromPath(m_settings.caFile, QSsl::Pem);
        if (extra.isEmpty()) {
            m_setupError = QStringLiteral("rest.ca_file %1 holds no PEM certificate").arg(m_settings.caFile);
        }
        auto trusted = m_ssl.caCertificates();
        trusted.append(extra);
        m_ssl.setCaCertificates(trusted);
    }
    // Verification is never turned off: only the trusted set grows by the configured CA.
    m_ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
}

RestSource::~RestSource() {
    for (auto& [screen, reply] : m_inFlight) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

QNetworkRequest RestSource::jsonRequest(const std::string& path) const {
    QUrl url = m_settings.baseUrl;
    url.setPath(url.path() + QString::fromStdString(path));
    QNetworkRequest request(url);
    request.setSslConfiguration(m_ssl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json;charset=UTF-8"));
    request.setTransferTimeout(static_cast<int>(m_settings.callTimeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    return request;
}

void RestSource::issueToken(Done done) {
    QNetworkReply* reply = m_network.post(jsonRequest(kTokenPath),
                                          bytes(rest::tokenRequestBody(m_keys.appKey, m_keys.secretKey)));
    const std::uint64_t generation = m_generation;
    connect(reply, &QNetworkReply::finished, this, [this, reply, generation, done = std::move(done)] {
        reply->deleteLater();
        if (generation != m_generation) {
            return; // a logout came in between
        }
        const QByteArray body = reply->readAll();
        if (reply->error() != QNetworkReply::NoError && httpStatus(reply) == 0) {
            done(kiwoom_error::kServerConnectionFailed,
                 QString::fromStdString("cannot reach the token endpoint: " + networkError(reply)));
            return;
        }
        std::string error;
        const auto answer = rest::parseTokenAnswer(std::string_view(body.constData(), body.size()), error);
        if (!answer) {
            done(kiwoom_error::kReceiveFailed,
                 QString::fromStdString("token answer (HTTP " + std::to_string(httpStatus(reply)) +
                                        ") unusable: " + error));
            return;
        }
        if (answer->returnCode != 0) {
            done(answer->returnCode,
                 QString::fromStdString(
                     kiwoom_error::describeWithCode(answer->returnCode) +
                     (answer->returnMessage.empty() ? std::string() : ": " + answer->returnMessage)));
            return;
        }
        m_token = answer->token;
        m_expiresAt = answer->expiresAt;
        scheduleRenewal();
        done(0, QString());
    });
}

void RestSource::scheduleRenewal() {
    if (!m_expiresAt) {
        m_renewTask.stop(); // no expiry given: a 401 or 8005 will ask for a new one
        return;
    }
    const auto untilExpiry = std::chrono::duration_cast<milliseconds>(*m_expiresAt - m_scheduler.now());
    milliseconds wait = untilExpiry - m_settings.renewBefore;
    if (wait < kShortestRenewal) {
        wait = std::max(untilExpiry / 2, kShortestRenewal);
    }
    spdlog::info("REST token valid until {}; renewing it in {} s", toKstIso8601(*m_expiresAt),
                 std::chrono::duration_cast<std::chrono::seconds>(wait).count());
    m_renewTask.start(wait, [this] { renew(); });
}

void RestSource::renew() {
    issueToken([this](int code, const QString& reason) {
        if (code == 0) {
            spdlog::info("REST token renewed");
            return;
        }
        if (m_expiresAt && m_scheduler.now() >= *m_expiresAt) {
            m_loggedIn = false;
            emit lost(code,
                      QStringLiteral("the REST token expired and could not be renewed: %1").arg(reason));
            return;
        }
        spdlog::warn("renewing the REST token failed: {}; trying again in {} s", reason.toStdString(),
                     kRenewRetry.count() / 1000);
        m_renewTask.start(kRenewRetry, [this] { renew(); });
    });
}

void RestSource::logIn() {
    ++m_generation;
    m_loggedIn = false;
    m_nextKeys.clear();
    if (!m_setupError.isEmpty()) {
        emit loginFailed(kiwoom_error::kFail, m_setupError);
        return;
    }
    spdlog::info("requesting a REST token from {}", m_settings.baseUrl.toString().toStdString());
    issueToken([this](int code, const QString& reason) {
        if (code != 0) {
            emit loginFailed(code, reason);
            return;
        }
        m_loggedIn = true;
        emit loggedIn(LoginInfo{m_settings.server == RestServer::Mock ? ServerKind::Mock : ServerKind::Real,
                                std::string()});
    });
}

void RestSource::revokeToken() {
    if (m_token.empty()) {
        return;
    }
    QNetworkReply* reply = m_network.post(
        jsonRequest(kRevokePath), bytes(rest::revokeRequestBody(m_keys.appKey, m_keys.secretKey, m_token)));
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    m_token.clear();
    m_expiresAt.reset();
}

void RestSource::logOut() {
    ++m_generation;
    m_loggedIn = false;
    m_renewTask.stop();
    for (auto& [screen, reply] : m_inFlight) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    m_inFlight.clear();
    revokeToken();
}

void RestSource::shutDown() {
    const bool hadToken = !m_token.empty();
    logOut();
    if (!hadToken) {
        return;
    }
    // Give the revoke a moment to reach the server; the daemon is exiting either way.
    QEventLoop wait;
    QTimer::singleShot(2000, &wait, &QEventLoop::quit);
    connect(&m_network, &QNetworkAccessManager::finished, &wait, &QEventLoop::quit);
    wait.exec();
}

void RestSource::request(const PageRequest& request) {
    const tr::RestTrSpec* spec = tr::findRestTr(request.trCode);
    if (!spec) {
        fail(request, kiwoom_error::kRequestInputError,
             "Kiwoom's REST API has no counterpart of " + request.trCode);
        return;
    }
    if (!m_loggedIn) {
        fail(request, kiwoom_error::kSocketClosed, "not logged in");
        return;
    }
    send(request, *spec, false);
}

void RestSource::send(const PageRequest& request, const tr::RestTrSpec& spec, bool retried) {
    QNetworkRequest http = jsonRequest(spec.path);
    http.setRawHeader("api-id", bytes(spec.apiId));
    http.setRawHeader("authorization", bytes("Bearer " + m_token));
    if (request.prevNext != 0) {
        const auto key = m_nextKeys.find(request.rqName);
        http.setRawHeader("cont-yn", "Y");
        http.setRawHeader("next-key", key == m_nextKeys.end() ? QByteArray() : bytes(key->second));
    }
    QNetworkReply* reply = m_network.post(http, bytes(rest::rankingRequestBody(spec, request.inputs)));
    m_inFlight[request.screenNo] = reply;
    const std::uint64_t generation = m_generation;
    connect(reply, &QNetworkReply::finished, this, [this, reply, request, &spec, retried, generation] {
        reply->deleteLater();
        const auto it = m_inFlight.find(request.screenNo);
        if (it != m_inFlight.end() && it->second == reply) {
            m_inFlight.erase(it);
        }
        if (generation == m_generation) {
            onAnswer(reply, request, spec, retried);
        }
    });
}

void RestSource::onAnswer(QNetworkReply* reply, const PageRequest& request, const tr::RestTrSpec& spec,
                          bool retried) {
    const int status = httpStatus(reply);
    const QByteArray body = reply->readAll();
    if (status == 0) {
        fail(request, kiwoom_error::kServerConnectionFailed, "no answer: " + networkError(reply));
        return;
    }
    std::string error;
    const auto answer =
        rest::parseRankingAnswer(spec, std::string_view(body.constData(), body.size()), error);
    int code = answer ? answer->returnCode : 0;
    if (status == 429) {
        code = kiwoom_error::kRestThrottled;
    }
    const bool staleToken = status == 401 || kiwoom_error::isStaleToken(code);
    if (staleToken && !retried) {
        // As the official client does: a new token, then the same request once more.
        spdlog::info("{}: the REST token was refused; issuing a new one and asking once more",
                     request.rqName);
        issueToken([this, request, &spec](int tokenCode, const QString& reason) {
            if (tokenCode != 0) {
                fail(request, tokenCode, "a new token could not be issued: " + reason.toStdString());
                return;
            }
            send(request, spec, true);
        });
        return;
    }
    if (staleToken) {
        fail(request, code != 0 ? code : kiwoom_error::kRestTokenInvalid,
             "the new token was refused as well");
        return;
    }
    if (code != 0) {
        if (answer && !answer->returnMessage.empty()) {
            emit serverMessage(QString::fromStdString(request.rqName), QString::fromStdString(request.trCode),
                               QString::fromStdString(request.screenNo),
                               QString::fromStdString(answer->returnMessage));
        }
        fail(request, code, answer ? answer->returnMessage : "HTTP " + std::to_string(status));
        return;
    }
    if (!answer || status != 200) {
        fail(request, kiwoom_error::kReceiveFailed,
             "HTTP " + std::to_string(status) + (answer ? std::string() : ", " + error));
        return;
    }
    TrPage page;
    page.rqName = request.rqName;
    page.trCode = request.trCode;
    page.screenNo = request.screenNo;
    if (const tr::TrSpec* trSpec = tr::findTr(request.trCode)) {
        page.recordName = trSpec->recordName;
    }
    page.rows = std::move(answer->rows);
    page.more = reply->rawHeader("cont-yn").trimmed() == "Y";
    const QByteArray nextKey = reply->rawHeader("next-key").trimmed();
    if (page.more && !nextKey.isEmpty()) {
        m_nextKeys[request.rqName] = nextKey.toStdString();
    } else {
        m_nextKeys.erase(request.rqName);
        page.more = page.more && !nextKey.isEmpty(); // "more" without a key cannot be followed
    }
    emit requestSent(QString::fromStdString(request.rqName), 0);
    emit pageArrived(page);
}

void RestSource::fail(const PageRequest& request, int code, const std::string& why) {
    spdlog::warn("{} {} (REST): {}: {}", request.rqName, request.trCode, kiwoom_error::describeWithCode(code),
                 why);
    m_nextKeys.erase(request.rqName);
    emit requestSent(QString::fromStdString(request.rqName), code);
}

void RestSource::releaseScreen(const std::string& screenNo) {
    const auto it = m_inFlight.find(screenNo);
    if (it == m_inFlight.end()) {
        return;
    }
    QNetworkReply* reply = it->second;
    m_inFlight.erase(it);
    reply->disconnect(this); // its answer, if it still comes, is no one's
    reply->abort();
    reply->deleteLater();
}

} // namespace kiwoomd
