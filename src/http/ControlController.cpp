#include "kiwoomd/http/ControlController.h"

#include "kiwoomd/core/JsonKeys.h"
#include "kiwoomd/http/ApiError.h"

#include <nlohmann/json.hpp>

namespace kiwoomd::http {

ControlController::ControlController(SessionCommands* commands)
    : m_commands(commands) {}

ApiResponse ControlController::post(const ApiRequest& /*request*/, const std::string& action) const {
    if (!m_commands) {
        throw ApiError(ApiErrorKind::NotFound, "not_found", "no endpoint at /api/control/" + action);
    }
    if (action == "refresh") {
        m_commands->pollNow();
    } else if (action == "pause") {
        m_commands->setPollingPaused(true);
    } else if (action == "resume") {
        m_commands->setPollingPaused(false);
    } else if (action == "reconnect") {
        m_commands->reconnect();
    } else {
        throw ApiError(ApiErrorKind::NotFound, "not_found",
                       "no action '" + action + "'; use refresh, pause, resume or reconnect");
    }
    // 202: the session does it on its own thread, after this answer (RFC 9110 §15.3.3).
    const nlohmann::ordered_json body = {{json::kAccepted, action}};
    return ApiResponse::json(body.dump(), 202);
}

} // namespace kiwoomd::http
