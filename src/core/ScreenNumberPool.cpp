#include "kiwoomd/core/ScreenNumberPool.h"

#include <algorithm>
#include <cstdio>

namespace kiwoomd {

ScreenNumberPool::ScreenNumberPool(int first, int capacity)
    : m_first(std::clamp(first, 1, 9999))
    , m_capacity(std::clamp(capacity, 1, std::min(kMaxInUse, 10000 - m_first))) {}

std::optional<std::string> ScreenNumberPool::acquire() {
    for (int number = m_first; number < m_first + m_capacity; ++number) {
        if (m_used.insert(number).second) {
            char text[8];
            std::snprintf(text, sizeof text, "%04d", number);
            return std::string(text);
        }
    }
    return std::nullopt;
}

void ScreenNumberPool::release(const std::string& screen) {
    // Exactly four digits, as acquire() hands out; anything else is not one of ours.
    if (screen.size() != 4 ||
        !std::all_of(screen.begin(), screen.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return;
    }
    m_used.erase(std::stoi(screen));
}

std::string ScreenNumberPool::exchange(const std::string& screen) {
    // Taken before the old one is given back, so the fresh number cannot be the old one.
    const auto fresh = acquire();
    if (!fresh) {
        return screen;
    }
    release(screen);
    return *fresh;
}

} // namespace kiwoomd
