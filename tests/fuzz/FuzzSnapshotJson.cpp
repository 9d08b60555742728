// Fuzzes the saved-snapshot reader (snapshotFromJson in RankingJson.cpp) with the text of a
// <data-dir>/snapshots/<feed>.json file. A file the reader accepts is served after a restart, so it
// must never crash the reader, and what it accepts must serialize and read back to the same ranking.

#include "FuzzCheck.h"

#include "kiwoomd/core/FeedSnapshot.h"
#include "kiwoomd/core/RankingJson.h"

#include <cstdint>
#include <string>

using namespace kiwoomd;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::string error;
    const auto snapshot = snapshotFromJson(text, error);
    if (!snapshot) {
        FUZZ_CHECK(!error.empty());
        return 0;
    }
    const FeedSnapshotPtr frozen = freezeSnapshot(*snapshot);
    const auto again = snapshotFromJson(frozen->body, error);
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(again->feedId == snapshot->feedId && again->market == snapshot->market);
    FUZZ_CHECK(again->version == snapshot->version && again->fetchedAt == snapshot->fetchedAt);
    FUZZ_CHECK(again->rows == snapshot->rows);
    return 0;
}
