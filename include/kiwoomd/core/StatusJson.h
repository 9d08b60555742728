#pragma once
// JSON form of the session status (the body of GET /api/status). Pure function.

#include "kiwoomd/core/SessionStatus.h"

#include <nlohmann/json.hpp>

namespace kiwoomd {

nlohmann::ordered_json sessionStatusToJson(const SessionStatus& status, Timestamp now);

} // namespace kiwoomd
