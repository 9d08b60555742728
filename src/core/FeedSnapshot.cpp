#include "kiwoomd/core/FeedSnapshot.h"

#include "kiwoomd/core/RankingJson.h"

namespace kiwoomd {

FeedSnapshotPtr freezeSnapshot(FeedSnapshot snapshot) {
    // replace: a name with broken UTF-8 from the control must not make the whole body unserializable.
    snapshot.body = snapshotToJson(snapshot).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return std::make_shared<const FeedSnapshot>(std::move(snapshot));
}

} // namespace kiwoomd
