#pragma once
// Where the dashboard's files come from: compiled into the executable (MemoryAssets, filled from
// Qt resources by the app) or a folder on disk for development (DirectoryAssets, --web-root).
// Thread-safe: find() is const and called from any HTTP worker.

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kiwoomd::http {

struct StaticAsset {
    std::shared_ptr<const std::string> body;
    std::shared_ptr<const std::string> gzipBody; // null when not worth it or not made
    std::string contentType;
    std::string etag;
};

class AssetSource {
public:
    virtual ~AssetSource() = default;
    // The file at a URL path such as "/index.html" or "/js/table.js", or nothing. The path is
    // checked by the caller: it starts with '/', and has no "..", "." segments, backslash or NUL.
    virtual std::optional<StaticAsset> find(const std::string& path) const = 0;
};

// The content type for a file name, by extension; "application/octet-stream" when unknown.
std::string contentTypeFor(const std::string& path);

// Files held in memory, tagged and compressed once when built.
class MemoryAssets final : public AssetSource {
public:
    // (URL path, contents) pairs, e.g. {"/index.html", "<!doctype html>..."}.
    explicit MemoryAssets(const std::vector<std::pair<std::string, std::string>>& files);
    std::optional<StaticAsset> find(const std::string& path) const override;
    std::size_t size() const { return m_assets.size(); }

private:
    std::map<std::string, StaticAsset, std::less<>> m_assets;
};

// Files read from a folder at each request, so edits show on reload. Symbolic links or anything
// else that resolves outside the folder are refused.
class DirectoryAssets final : public AssetSource {
public:
    explicit DirectoryAssets(std::filesystem::path root);
    std::optional<StaticAsset> find(const std::string& path) const override;

private:
    std::filesystem::path m_root; // canonical
};

} // namespace kiwoomd::http
