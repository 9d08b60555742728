#include "kiwoomd/core/FeedSnapshot.h"

#include "kiwoomd/core/RankingJson.h"

#include <cstdint>
#include <cstdio>

namespace kiwoomd {
namespace {

// FNV-1a, 64 bit: a cheap fingerprint of the body. Not a defence against anything; it only has
// to change when the bytes change, which a version alone does not (stale flips keep the version).
std::uint64_t fingerprint(const std::string& bytes) {
    std::uint64_t hash = 14695981039346656037ull;
    for (const unsigned char c : bytes) {
        hash = (hash ^ c) * 1099511628211ull;
    }
    return hash;
}

} // namespace

std::string entityTagFor(std::uint64_t version, const std::string& body) {
    char tag[64];
    std::snprintf(tag, sizeof tag, "\"%llu-%016llx\"", static_cast<unsigned long long>(version),
                  static_cast<unsigned long long>(fingerprint(body)));
    return tag;
}

FeedSnapshotPtr freezeSnapshot(FeedSnapshot snapshot) {
    // replace: a name with broken UTF-8 from the control must not make the whole body unserializable.
    snapshot.body = snapshotToJson(snapshot).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    snapshot.etag = entityTagFor(snapshot.version, snapshot.body);
    return std::make_shared<const FeedSnapshot>(std::move(snapshot));
}

} // namespace kiwoomd
