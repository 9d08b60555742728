#include "kiwoomd/kiwoom/emulator/EmulatedMarket.h"
#include "kiwoomd/kiwoom/emulator/TrTextFormat.h"

#include <gtest/gtest.h>

#include <set>

namespace kiwoomd::emulator {
namespace {

TEST(EmulatedMarket, UniverseHasAtLeastThreeHundredIssuesWithUniqueCodes) {
    const EmulatedMarket market(42);
    EXPECT_GE(market.stocks().size(), 300u);
    std::set<std::string> codes;
    for (const auto& s : market.stocks()) {
        EXPECT_EQ(s.listing.code.size(), 6u);
        codes.insert(s.listing.code);
    }
    EXPECT_EQ(codes.size(), market.stocks().size());
}

TEST(EmulatedMarket, WellKnownIssuesKeepTheirRealCodesAndNames) {
    const EmulatedMarket market(42);
    ASSERT_NE(market.find("005930"), nullptr);
    EXPECT_EQ(market.find("005930")->listing.name, "삼성전자");
    EXPECT_EQ(market.find("000660")->listing.name, "SK하이닉스");
    EXPECT_EQ(market.find("247540")->listing.exchange, Exchange::Kosdaq);
}

TEST(EmulatedMarket, GeneratedIssuesAreRecognisable) {
    const EmulatedMarket market(42);
    int generated = 0;
    for (const auto& s : market.stocks()) {
        if (s.listing.generated) {
            ++generated;
            EXPECT_EQ(s.listing.code.rfind("99", 0), 0u) << s.listing.code;
            EXPECT_EQ(s.listing.name.rfind("가상", 0), 0u) << s.listing.name;
        }
    }
    EXPECT_GT(generated, 0);
}

TEST(EmulatedMarket, SameSeedGivesTheSameMarket) {
    EmulatedMarket a(7);
    EmulatedMarket b(7);
    for (int i = 0; i < 50; ++i) {
        a.tick();
        b.tick();
    }
    for (std::size_t i = 0; i < a.stocks().size(); ++i) {
        EXPECT_EQ(a.stocks()[i].price, b.stocks()[i].price);
        EXPECT_EQ(a.stocks()[i].volume, b.stocks()[i].volume);
    }
}

TEST(EmulatedMarket, PricesStayWithinDailyLimitsAndOnTheTickGrid) {
    EmulatedMarket market(3);
    for (int i = 0; i < 400; ++i) {
        market.tick();
    }
    for (const auto& s : market.stocks()) {
        EXPECT_LE(s.price, s.upperLimit()) << s.listing.code;
        EXPECT_GE(s.price, s.lowerLimit()) << s.listing.code;
        EXPECT_EQ(s.price % krxTickSize(s.price), 0) << s.listing.code << " " << s.price;
        EXPECT_LE(static_cast<double>(s.upperLimit()), s.prevClose * 1.3 + 1e-9);
    }
}

TEST(EmulatedMarket, VolumesOnlyGrow) {
    EmulatedMarket market(5);
    std::vector<std::int64_t> before;
    for (const auto& s : market.stocks()) {
        before.push_back(s.volume);
    }
    market.tick();
    for (std::size_t i = 0; i < before.size(); ++i) {
        EXPECT_GE(market.stocks()[i].volume, before[i]);
    }
}

TEST(EmulatedMarket, SurgeRankingFiltersByMarketAndSortsBySurge) {
    const EmulatedMarket market(11);
    SurgeQuery query;
    query.marketCode = "101";
    const auto entries = market.volumeSurge(query);
    ASSERT_FALSE(entries.empty());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        EXPECT_EQ(entries[i].stock->listing.exchange, Exchange::Kosdaq);
        EXPECT_GT(entries[i].surgeVolume, 0);
        if (i > 0) {
            EXPECT_GE(entries[i - 1].surgeVolume, entries[i].surgeVolume);
        }
    }
    query.sortBy = "2";
    const auto byRate = market.volumeSurge(query);
    for (std::size_t i = 1; i < byRate.size(); ++i) {
        EXPECT_GE(byRate[i - 1].surgeRate, byRate[i].surgeRate);
    }
}

TEST(EmulatedMarket, MinimumVolumeAndPriceBandFilter) {
    const EmulatedMarket market(11);
    SurgeQuery query;
    query.marketCode = "000";
    query.minVolume = 1000 * 1000;
    query.priceBand = "2";
    for (const auto& e : market.volumeSurge(query)) {
        EXPECT_GE(e.stock->volume, 1000 * 1000);
        EXPECT_GE(e.stock->price, 50000);
    }
}

TEST(TrTextFormat, FieldsLookLikeTheControlsOutput) {
    EXPECT_EQ(padNumber("+74000"), "              +74000");
    EXPECT_EQ(padText("005930"), "005930              ");
    EXPECT_EQ(signedInteger(8571012), "+8571012");
    EXPECT_EQ(signedInteger(-335), "-335");
    EXPECT_EQ(signedRate(1.2249), "+1.22");
    EXPECT_EQ(signedRate(-0.36), "-0.36");
    EXPECT_EQ(signedRate(0.0), "0.00");
    EXPECT_EQ(directionPrice(27950, 28000), "-27950");
    EXPECT_EQ(directionPrice(28000, 28000), "28000");
}

TEST(TrTextFormat, KrxTickSizesFollowThePriceBands) {
    EXPECT_EQ(krxTickSize(1999), 1);
    EXPECT_EQ(krxTickSize(4999), 5);
    EXPECT_EQ(krxTickSize(19990), 10);
    EXPECT_EQ(krxTickSize(49950), 50);
    EXPECT_EQ(krxTickSize(199900), 100);
    EXPECT_EQ(krxTickSize(499500), 500);
    EXPECT_EQ(krxTickSize(905000), 1000);
}

} // namespace
} // namespace kiwoomd::emulator
