#pragma once
// Screen numbers for TR requests: 4-digit strings, never "0000", at most 200 in use at once
// (the control's limit, shared/kiwoom-openapi.md). Not thread-safe; the session's thread owns it.

#include <optional>
#include <set>
#include <string>

namespace kiwoomd {

class ScreenNumberPool {
public:
    static constexpr int kMaxInUse = 200;

    explicit ScreenNumberPool(int first = 1001, int capacity = kMaxInUse);

    // The lowest free number, or nullopt when all are in use.
    std::optional<std::string> acquire();
    void release(const std::string& screen);
    // A fresh number in place of `screen`, which goes back to the pool (after a request timed out
    // on it, so that nothing still bound to the old screen mixes in). The fresh number is never
    // `screen` itself; with none free, `screen` is kept and returned.
    std::string exchange(const std::string& screen);
    std::size_t inUse() const { return m_used.size(); }

private:
    int m_first;
    int m_capacity;
    std::set<int> m_used;
};

} // namespace kiwoomd
