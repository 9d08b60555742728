#include "kiwoomd/core/StatusBoard.h"

namespace kiwoomd {

StatusBoard::StatusBoard()
    : m_status(std::make_shared<const SessionStatus>()) {}

void StatusBoard::publish(SessionStatus status) {
    auto next = std::make_shared<const SessionStatus>(std::move(status));
    const SessionStatusPtr published = next;
    {
        std::lock_guard lock(m_mutex);
        m_status.swap(next);
    }
    if (m_listener) {
        m_listener(published);
    }
}

SessionStatusPtr StatusBoard::current() const {
    std::lock_guard lock(m_mutex);
    return m_status;
}

} // namespace kiwoomd
