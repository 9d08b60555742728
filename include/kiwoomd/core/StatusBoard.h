#pragma once
// The session's published status. Thread-safe: the session thread replaces the whole value,
// readers on any thread get an immutable snapshot.

#include "kiwoomd/core/SessionStatus.h"

#include <functional>
#include <memory>
#include <mutex>

namespace kiwoomd {

using SessionStatusPtr = std::shared_ptr<const SessionStatus>;

class StatusBoard {
public:
    StatusBoard();

    // Told about every new status on the publisher's thread, with no lock held. Set it before the
    // first publish.
    using Listener = std::function<void(const SessionStatusPtr& status)>;
    void setListener(Listener listener) { m_listener = std::move(listener); }

    void publish(SessionStatus status);
    SessionStatusPtr current() const;

private:
    mutable std::mutex m_mutex;
    SessionStatusPtr m_status;
    Listener m_listener;
};

} // namespace kiwoomd
