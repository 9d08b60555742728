#pragma once
// "polling.interval_seconds": "auto": the shortest poll interval that a source's limit windows
// sustain for every feed, all pages included, with a reserve left for retries and the user's
// "refresh now". A window of N requests per L seconds sustains one request every L / N seconds,
// so R requests per poll need an interval of at least R × L / N; the strictest window decides.

#include "kiwoomd/core/FeedDefinition.h"
#include "kiwoomd/core/RequestLimiter.h"

#include <chrono>
#include <vector>

namespace kiwoomd {

// The share of every window that the interval leaves unused.
inline constexpr double kPollBudgetReserve = 0.05;

// Requests one poll of `feeds` may send at most: every feed's page limit.
int requestsPerPoll(const std::vector<FeedDefinition>& feeds);

// The interval the windows (each lengthened by `margin`, as the pacer lengthens them) sustain
// exactly, with no reserve: the budget's optimum.
std::chrono::milliseconds sustainableInterval(const std::vector<FeedDefinition>& feeds,
                                              const std::vector<LimitWindow>& windows,
                                              std::chrono::milliseconds margin);

// The optimum with kPollBudgetReserve left over, rounded up to whole seconds, at least 1 s.
std::chrono::seconds autoPollInterval(const std::vector<FeedDefinition>& feeds,
                                      const std::vector<LimitWindow>& windows,
                                      std::chrono::milliseconds margin);

} // namespace kiwoomd
