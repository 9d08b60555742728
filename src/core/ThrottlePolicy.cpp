#include "kiwoomd/core/ThrottlePolicy.h"

#include <algorithm>

namespace kiwoomd {

using std::chrono::milliseconds;

const std::vector<milliseconds>& kiwoomThrottleSteps() {
    static const std::vector<milliseconds> steps = {std::chrono::seconds(17), std::chrono::seconds(90),
                                                    std::chrono::seconds(180)};
    return steps;
}

milliseconds throttleWait(int consecutiveThrottles, const std::vector<milliseconds>& steps) {
    if (consecutiveThrottles < 1 || steps.empty()) {
        return milliseconds(0);
    }
    const auto index = std::min(static_cast<std::size_t>(consecutiveThrottles), steps.size()) - 1;
    return steps[index];
}

milliseconds withJitter(milliseconds wait, double fraction, double sample) {
    const double extra = std::max(0.0, fraction) * std::clamp(sample, 0.0, 1.0);
    return milliseconds(static_cast<long long>(static_cast<double>(wait.count()) * (1.0 + extra)));
}

milliseconds ThrottleBackoff::next(double jitterSample) {
    const auto wait = std::min(throttleWait(++m_consecutive), m_cap);
    return withJitter(wait, 0.2, jitterSample);
}

} // namespace kiwoomd
