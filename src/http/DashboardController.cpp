#include "kiwoomd/http/DashboardController.h"

#include "kiwoomd/http/ApiError.h"
#include "kiwoomd/http/SnapshotBodies.h"

namespace kiwoomd::http {

bool isSafeAssetPath(const std::string& path) {
    if (path.empty() || path.front() != '/' || path.size() > 512 ||
        path.find_first_of(std::string("\\\0", 2)) != std::string::npos) {
        return false;
    }
    std::size_t start = 1;
    while (start < path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos) {
            end = path.size();
        }
        // Empty segments ("//"), ".", "..", and dot files (".git", ".env") never name an asset.
        if (end == start || path[start] == '.') {
            return false;
        }
        start = end + 1;
    }
    return true;
}

DashboardController::DashboardController(std::shared_ptr<const AssetSource> assets)
    : m_assets(std::move(assets)) {}

ApiResponse DashboardController::get(const ApiRequest& request) const {
    const std::string path = request.path == "/" ? "/index.html" : request.path;
    std::optional<StaticAsset> asset;
    if (m_assets && isSafeAssetPath(path)) {
        asset = m_assets->find(path);
    }
    if (!asset) {
        throw ApiError(ApiErrorKind::NotFound, "not_found", "no endpoint at " + request.path);
    }
    ApiResponse response = representation(
        request, asset->body, asset->etag, asset->gzipBody != nullptr, [&asset] { return asset->gzipBody; },
        std::move(asset->contentType));
    response.headers.emplace_back("Content-Security-Policy", kDashboardContentSecurityPolicy);
    response.headers.emplace_back("X-Frame-Options", "DENY");
    response.headers.emplace_back("Referrer-Policy", "no-referrer");
    response.headers.emplace_back("Cross-Origin-Opener-Policy", "same-origin");
    response.headers.emplace_back("Cross-Origin-Resource-Policy", "same-origin");
    return response;
}

} // namespace kiwoomd::http
