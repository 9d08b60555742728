#pragma once
// Kiwoom's REST API as a Source: no Windows, no OCX. A login is a token (au10001), renewed before
// it expires and revoked at the end; a page is one POST of the TR's api-id, continued with the
// cont-yn / next-key headers of the answer before it. Throttling (1700, HTTP 429) and the error
// codes come back as the session's result codes, so pacing, paging, parsing and freshness stay
// the session's, written once for every source. HTTPS through Qt Network with certificate
// verification always on; `caFile` adds one trusted CA, nothing turns checking off.
// The keys and the token never reach a log line, an answer, a recording or a message.
// Thread: the Qt main thread (QNetworkAccessManager's).

#include "kiwoomd/core/Config.h"
#include "kiwoomd/core/Scheduler.h"
#include "kiwoomd/core/TrCatalogue.h"
#include "kiwoomd/kiwoom/Source.h"

#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <QUrl>

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>

class QNetworkReply;

namespace kiwoomd {

struct RestKeys {
    std::string appKey;
    std::string secretKey;
};

struct RestSettings {
    QUrl baseUrl;   // https://api.kiwoom.com, https://mockapi.kiwoom.com, or rest.base_url
    QString caFile; // PEM; empty: the system's CAs only
    RestServer server = RestServer::Live;
    std::chrono::milliseconds renewBefore{std::chrono::minutes(10)}; // before expires_dt
    std::chrono::milliseconds callTimeout{std::chrono::seconds(20)}; // any one HTTP exchange
};

class RestSource final : public Source {
    Q_OBJECT

public:
    RestSource(RestSettings settings, RestKeys keys, Scheduler& scheduler, QObject* parent = nullptr);
    ~RestSource() override;

    // Empty when ready; otherwise why not (e.g. the CA file holds no certificate).
    QString setupError() const { return m_setupError; }

    Backend backend() const override { return Backend::Rest; }
    void logIn() override;
    void logOut() override;
    void request(const PageRequest& request) override;
    void releaseScreen(const std::string& screenNo) override;
    // Revokes the token, waiting a little for the server; for the daemon's exit.
    void shutDown() override;

private:
    using Done = std::function<void(int code, const QString& reason)>;

    QNetworkRequest jsonRequest(const std::string& path) const;
    void issueToken(Done done);
    void revokeToken();
    void scheduleRenewal();
    void renew();
    void send(const PageRequest& request, const tr::RestTrSpec& spec, bool retried);
    void onAnswer(QNetworkReply* reply, const PageRequest& request, const tr::RestTrSpec& spec, bool retried);
    void fail(const PageRequest& request, int code, const std::string& why);

    RestSettings m_settings;
    RestKeys m_keys;
    Scheduler& m_scheduler;
    QString m_setupError;
    QNetworkAccessManager m_network;
    QSslConfiguration m_ssl;
    std::string m_token;
    std::optional<Timestamp> m_expiresAt;
    bool m_loggedIn = false;
    std::uint64_t m_generation = 0; // a login's answers; a logout or new login voids older ones
    std::map<std::string, std::string> m_nextKeys;    // by request name: the continuation's next-key
    std::map<std::string, QNetworkReply*> m_inFlight; // by screen
    ScheduledTask m_renewTask;
};

} // namespace kiwoomd
