#pragma once
// The session's published status. Thread-safe: the session thread replaces the whole value,
// readers on any thread get an immutable snapshot.

#include "kiwoomd/core/SessionStatus.h"

#include <memory>
#include <mutex>

namespace kiwoomd {

using SessionStatusPtr = std::shared_ptr<const SessionStatus>;

class StatusBoard {
public:
    StatusBoard();

    void publish(SessionStatus status);
    SessionStatusPtr current() const;

private:
    mutable std::mutex m_mutex;
    SessionStatusPtr m_status;
};

} // namespace kiwoomd
