#include "kiwoomd/core/FeedDefinition.h"

#include "kiwoomd/core/TrCatalogue.h"

namespace kiwoomd {
namespace {

FeedDefinition volumeSurgeFeed(const std::string& id, const std::string& marketCode) {
    FeedDefinition feed;
    feed.id = id;
    feed.market = id;
    feed.trCode = tr::kVolumeSurgeTr;
    const tr::TrSpec* spec = tr::findTr(tr::kVolumeSurgeTr);
    for (const auto& input : spec->inputs) {
        feed.inputs.emplace_back(input.name,
                                 input.name == tr::input::kMarket ? marketCode : input.defaultValue);
    }
    return feed;
}

} // namespace

std::vector<FeedDefinition> defaultFeeds() {
    return {
        volumeSurgeFeed("kospi", tr::kMarketKospi),
        volumeSurgeFeed("kosdaq", tr::kMarketKosdaq),
        volumeSurgeFeed("all", tr::kMarketAll),
    };
}

std::string marketNameForCode(const std::string& marketCode) {
    if (marketCode == tr::kMarketKospi) {
        return "kospi";
    }
    if (marketCode == tr::kMarketKosdaq) {
        return "kosdaq";
    }
    if (marketCode == tr::kMarketAll) {
        return "all";
    }
    return "";
}

} // namespace kiwoomd
