#pragma once
// GET / and the dashboard's files: what an AssetSource holds, with ETag, gzip and the security
// headers a page needs (a Content-Security-Policy that allows only the page's own files, no
// framing, no referrer). Paths that try to leave the asset root (.., hidden segments, backslash)
// get 404, and there is no directory listing.
// Thread: any HTTP worker thread.

#include "kiwoomd/http/ApiTypes.h"
#include "kiwoomd/http/AssetSource.h"

#include <memory>

namespace kiwoomd::http {

inline constexpr char kDashboardContentSecurityPolicy[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

class DashboardController {
public:
    explicit DashboardController(std::shared_ptr<const AssetSource> assets);
    ApiResponse get(const ApiRequest& request) const;

private:
    std::shared_ptr<const AssetSource> m_assets;
};

// Whether a URL path may name an asset: starts with '/', no "." or ".." segment, no hidden file,
// no backslash, NUL or empty segment.
bool isSafeAssetPath(const std::string& path);

} // namespace kiwoomd::http
