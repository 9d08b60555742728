#include "kiwoomd/http/AssetSource.h"

#include "kiwoomd/core/FeedSnapshot.h"
#include "kiwoomd/http/Negotiation.h"

#include <fstream>
#include <sstream>

namespace kiwoomd::http {
namespace {

constexpr std::size_t kMaxAssetBytes = 8 * 1024 * 1024;

bool compressible(const std::string& contentType) {
    return contentType.rfind("text/", 0) == 0 || contentType.find("javascript") != std::string::npos ||
           contentType.find("json") != std::string::npos || contentType.find("svg") != std::string::npos;
}

StaticAsset makeAsset(const std::string& path, std::string contents, bool withGzip) {
    StaticAsset asset;
    asset.contentType = contentTypeFor(path);
    asset.etag = entityTagFor(contents.size(), contents);
    asset.body = std::make_shared<const std::string>(std::move(contents));
    if (withGzip && compressible(asset.contentType) && asset.body->size() > 512) {
        asset.gzipBody = gzipCompress(*asset.body);
    }
    return asset;
}

} // namespace

std::string contentTypeFor(const std::string& path) {
    static const std::map<std::string, std::string> types = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".json", "application/json; charset=utf-8"},
        {".webmanifest", "application/manifest+json"},
        {".txt", "text/plain; charset=utf-8"},
        {".woff2", "font/woff2"},
    };
    const auto dot = path.find_last_of('.');
    const auto slash = path.find_last_of('/');
    if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) {
        const auto it = types.find(path.substr(dot));
        if (it != types.end()) {
            return it->second;
        }
    }
    return "application/octet-stream";
}

MemoryAssets::MemoryAssets(const std::vector<std::pair<std::string, std::string>>& files) {
    for (const auto& [path, contents] : files) {
        m_assets[path] = makeAsset(path, contents, true);
    }
}

std::optional<StaticAsset> MemoryAssets::find(const std::string& path) const {
    const auto it = m_assets.find(path);
    if (it == m_assets.end()) {
        return std::nullopt;
    }
    return it->second;
}

DirectoryAssets::DirectoryAssets(std::filesystem::path root) {
    std::error_code error;
    m_root = std::filesystem::weakly_canonical(root, error);
    if (error) {
        m_root = std::move(root);
    }
}

std::optional<StaticAsset> DirectoryAssets::find(const std::string& path) const {
    std::error_code error;
    const auto file =
        std::filesystem::weakly_canonical(m_root / std::filesystem::u8path(path.substr(1)), error);
    if (error) {
        return std::nullopt;
    }
    // Whatever the path says, the file it resolves to must lie inside the root.
    const auto relative = file.lexically_relative(m_root);
    if (relative.empty() || *relative.begin() == ".." || !std::filesystem::is_regular_file(file, error)) {
        return std::nullopt;
    }
    const auto size = std::filesystem::file_size(file, error);
    if (error || size > kMaxAssetBytes) {
        return std::nullopt;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream contents;
    contents << in.rdbuf();
    return makeAsset(path, contents.str(), false);
}

} // namespace kiwoomd::http
