#pragma once
// A feed: one TR polled with fixed inputs, served under an id. Plain data.

#include <string>
#include <utility>
#include <vector>

namespace kiwoomd {

struct FeedDefinition {
    std::string id;     // "kospi"
    std::string market; // the API's market name: "kospi", "kosdaq", "all"
    std::string trCode; // "opt10023"
    // Inputs by their Kiwoom names, in the order SetInputValue is called (the TR's documented order).
    std::vector<std::pair<std::string, std::string>> inputs;
    int maxPages = 2; // continuation pages followed per poll (each page is one TR query)
    int priority = 0; // lower goes first when requests queue for the pacer
};

// The default feeds: opt10023 for KOSPI (001), KOSDAQ (101) and the whole market (000), sorted
// by surge amount against the previous day, with the TR's default filters.
std::vector<FeedDefinition> defaultFeeds();

// The market name for a 시장구분 value ("001" -> "kospi"), or "" for an unknown value.
std::string marketNameForCode(const std::string& marketCode);

} // namespace kiwoomd
