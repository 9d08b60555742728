#include "kiwoomd/core/FeedSnapshot.h"

#include "kiwoomd/core/RankingJson.h"

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace kiwoomd {
namespace {

// A cheap 64-bit fingerprint of the body, eight bytes a step (a 40 KB body is fingerprinted on every
// update, on the session's thread). Not a defence against anything: it only has to change when
// the bytes change, which a version alone does not (stale flips keep the version).
std::uint64_t fingerprint(const std::string& bytes) {
    constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ull; // 2^64 / golden ratio
    std::uint64_t hash = 14695981039346656037ull ^ bytes.size();
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, bytes.data() + i, 8);
        hash = (hash ^ word) * kMultiplier;
        hash ^= hash >> 29;
    }
    for (; i < bytes.size(); ++i) {
        hash = (hash ^ static_cast<unsigned char>(bytes[i])) * kMultiplier;
        hash ^= hash >> 29;
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
    snapshot.body = snapshotBody(snapshot);
    snapshot.etag = entityTagFor(snapshot.version, snapshot.body);
    return std::make_shared<const FeedSnapshot>(std::move(snapshot));
}

} // namespace kiwoomd
