#pragma once
// POST /api/control/{refresh|pause|resume|reconnect}: the API's only requests that change
// anything, the HTTP twins of the tray's actions. Each needs the API token and a same-origin
// request (RequestGuard::checkStateChange) and answers 202 at once; the session carries it out
// on its own thread.
// Thread: any HTTP worker thread.

#include "kiwoomd/http/ApiTypes.h"

#include <string>

namespace kiwoomd::http {

// What the API may ask of the session. The app's implementation hands each call to the session's
// thread and returns at once. Thread-safe.
class SessionCommands {
public:
    virtual ~SessionCommands() = default;
    virtual void pollNow() = 0;                     // fetch every feed now
    virtual void setPollingPaused(bool paused) = 0; // stop or resume sending TR requests
    virtual void reconnect() = 0;                   // log in again now
};

inline constexpr char kControlPrefix[] = "/api/control/";

class ControlController {
public:
    explicit ControlController(SessionCommands* commands);
    // `action` is the path after /api/control/.
    ApiResponse post(const ApiRequest& request, const std::string& action) const;

private:
    SessionCommands* m_commands;
};

} // namespace kiwoomd::http
