#include "ApiServer.h"

#include "ComponentSettings.h"
#include "WebAssets.h"

#include <spdlog/spdlog.h>

namespace kiwoomd::app {
namespace {

std::shared_ptr<const http::AssetSource> webAssets(const std::optional<QString>& webRoot) {
    if (!webRoot) {
        return embeddedWebAssets();
    }
    spdlog::info("serving the dashboard from {}", webRoot->toStdString());
    return webAssetsFromFolder(*webRoot);
}

} // namespace

ApiServer::ApiServer(const Config& config, const SnapshotCache& cache, const StatusBoard& board,
                     const Clock& clock, http::EventStreamHub& streams, KiwoomSession& session,
                     http::GuardSettings guard, const std::optional<QString>& webRoot)
    : m_host(config.server.host)
    , m_port(config.server.port)
    , m_commands(session)
    , m_router(cache, board, clock, defaultMarket(config), KIWOOMD_VERSION, std::move(guard),
               http::RouterParts{&streams, &m_transportStats, webAssets(webRoot), &m_commands})
    , m_server(m_router, transportSettings(config), &streams, &m_transportStats) {
    m_router.setPort(m_port);
}

bool ApiServer::start() {
    if (!m_server.start(m_host, m_port)) {
        spdlog::critical("{}", m_server.error());
        return false;
    }
    m_router.setPort(m_server.port()); // the real one when the config asked for any free port
    return true;
}

QString ApiServer::baseUrl() const {
    const QString host = QString::fromStdString(m_host);
    return QStringLiteral("http://%1:%2")
        .arg(host.contains(':') ? QStringLiteral("[%1]").arg(host) : host)
        .arg(m_server.port());
}

} // namespace kiwoomd::app
