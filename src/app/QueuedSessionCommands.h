#pragma once
// The HTTP API's session commands (POST /api/control/...), carried to the session's thread: each
// call queues the work on the main thread's event loop and returns at once, so an HTTP worker
// never touches the session (or the control) itself.
// Thread: called from HTTP worker threads; the work runs on the main thread.

#include "kiwoomd/http/ControlController.h"
#include "kiwoomd/kiwoom/KiwoomSession.h"

namespace kiwoomd::app {

class QueuedSessionCommands final : public http::SessionCommands {
public:
    explicit QueuedSessionCommands(KiwoomSession& session)
        : m_session(session) {}

    void pollNow() override;
    void setPollingPaused(bool paused) override;
    void reconnect() override;

private:
    KiwoomSession& m_session;
};

} // namespace kiwoomd::app
