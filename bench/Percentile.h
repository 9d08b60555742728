#pragma once
// The nearest-rank percentile every benchmark client reports, so their figures are comparable.

#include <algorithm>
#include <cstddef>
#include <vector>

namespace kiwoomd::bench {

// `fraction` 0.5 is the median, 0.99 the p99; an empty list gives T{}. Takes a copy, so callers
// keep their order.
template <typename T> T percentile(std::vector<T> values, double fraction) {
    if (values.empty()) {
        return T{};
    }
    const auto rank = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1) + 0.5);
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(rank), values.end());
    return values[rank];
}

} // namespace kiwoomd::bench
