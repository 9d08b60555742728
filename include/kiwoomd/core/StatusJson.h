#pragma once
// JSON form of the session status (the body of GET /api/status). Pure function.

#include "kiwoomd/core/SessionStatus.h"

#include <nlohmann/json.hpp>

namespace kiwoomd {

nlohmann::ordered_json sessionStatusToJson(const SessionStatus& status, Timestamp now);
// One feed's state, as listed in /api/status and /api/feeds.
nlohmann::ordered_json feedStatusToJson(const FeedStatus& feed, Timestamp now);

} // namespace kiwoomd
