#include "kiwoomd/core/TrValue.h"

#include <gtest/gtest.h>

namespace kiwoomd {
namespace {

TEST(TrValue, PaddingAndNulsAreTrimmed) {
    EXPECT_EQ(trimField("   +74000   "), "+74000");
    EXPECT_EQ(trimField(std::string_view("005930\0\0", 8)), "005930");
    EXPECT_EQ(trimField("    "), "");
}

TEST(TrValue, SignedPriceIsAbsoluteWithDirection) {
    const auto down = parseSignedPrice("          -27950");
    ASSERT_TRUE(down);
    EXPECT_EQ(down->absolute, 27950);
    EXPECT_EQ(down->sign, -1);
    const auto up = parseSignedPrice("+74000");
    ASSERT_TRUE(up);
    EXPECT_EQ(up->absolute, 74000);
    EXPECT_EQ(up->sign, 1);
    const auto flat = parseSignedPrice("49450");
    ASSERT_TRUE(flat);
    EXPECT_EQ(flat->absolute, 49450);
    EXPECT_EQ(flat->sign, 0);
}

TEST(TrValue, UnreadablePricesAreRejectedNotGuessed) {
    for (const char* raw :
         {"", "   ", "+", "-", "--335", "+-5", "12a", "1,000", "12.5", "99999999999999999999"}) {
        EXPECT_FALSE(parseSignedPrice(raw)) << "'" << raw << "'";
    }
}

TEST(TrValue, RatesKeepTheirSignAndDecimals) {
    EXPECT_DOUBLE_EQ(*parseRate("+1.22"), 1.22);
    EXPECT_DOUBLE_EQ(*parseRate("  -0.36 "), -0.36);
    EXPECT_DOUBLE_EQ(*parseRate("0.00"), 0.0);
    EXPECT_DOUBLE_EQ(*parseRate("+1842.00"), 1842.0);
    EXPECT_DOUBLE_EQ(*parseRate("-4.69"), -4.69);
    EXPECT_DOUBLE_EQ(*parseRate("7"), 7.0);
}

TEST(TrValue, RatesParseToTheNearestDoubleSoTheyPrintBackExactly) {
    // 4 + 0.69 would be 4.6899999999999995; the parser must give the double nearest 4.69.
    EXPECT_EQ(*parseRate("-4.69"), -4.69);
    EXPECT_EQ(*parseRate("+12.34"), 12.34);
}

TEST(TrValue, MalformedRatesAreRejected) {
    for (const char* raw : {"", "+", ".5", "5.", "1.2.3", "--1.0", "+-1.2", "N/A", "1.2345678"}) {
        EXPECT_FALSE(parseRate(raw)) << "'" << raw << "'";
    }
}

TEST(TrValue, VolumesArePlainDigitsAndNeverNegative) {
    EXPECT_EQ(parseVolume("   1365762"), 1365762);
    EXPECT_EQ(parseVolume("+8571012"), 8571012);
    EXPECT_FALSE(parseVolume("-5"));
    EXPECT_FALSE(parseVolume(""));
    EXPECT_FALSE(parseVolume("12 34"));
}

TEST(TrValue, SignedIntegersKeepTheirSign) {
    EXPECT_EQ(parseSignedInteger("+8571012"), 8571012);
    EXPECT_EQ(parseSignedInteger("-335"), -335);
    EXPECT_EQ(parseSignedInteger("0"), 0);
    EXPECT_FALSE(parseSignedInteger("--335"));
}

TEST(TrValue, ChangeSignFieldMapsToDirections) {
    EXPECT_EQ(parseDirectionSign("1"), Direction::UpperLimit);
    EXPECT_EQ(parseDirectionSign(" 2 "), Direction::Up);
    EXPECT_EQ(parseDirectionSign("3"), Direction::Unchanged);
    EXPECT_EQ(parseDirectionSign("4"), Direction::LowerLimit);
    EXPECT_EQ(parseDirectionSign("5"), Direction::Down);
    EXPECT_FALSE(parseDirectionSign("6"));
    EXPECT_FALSE(parseDirectionSign("22"));
    EXPECT_FALSE(parseDirectionSign(""));
}

TEST(TrValue, DirectionFallsBackToThePriceSignWhenTheSignFieldIsUnreadable) {
    EXPECT_EQ(resolveDirection(std::nullopt, -1), Direction::Down);
    EXPECT_EQ(resolveDirection(std::nullopt, 1), Direction::Up);
    EXPECT_EQ(resolveDirection(Direction::LowerLimit, -1), Direction::LowerLimit);
    EXPECT_FALSE(resolveDirection(std::nullopt, 0));
}

TEST(TrValue, StockCodesAreNormalisedAndKeepTheirVenue) {
    EXPECT_EQ(parseStockCode("005930")->code, "005930");
    EXPECT_EQ(parseStockCode("A005930")->code, "005930");
    const auto nxt = parseStockCode("005930_NX");
    ASSERT_TRUE(nxt);
    EXPECT_EQ(nxt->code, "005930");
    EXPECT_EQ(nxt->venue, "NXT");
    EXPECT_EQ(parseStockCode("005930_AL")->venue, "SOR");
    EXPECT_EQ(parseStockCode("0015N0")->code, "0015N0"); // newer codes carry letters
}

TEST(TrValue, MalformedStockCodesAreRejected) {
    for (const char* raw : {"", "5930", "0059300", "005930_XX", "00593a", "B005930"}) {
        EXPECT_FALSE(parseStockCode(raw)) << "'" << raw << "'";
    }
}

// Found by tests/fuzz/FuzzTrValue: only the whole part was checked against overflow, so six
// decimals on a 13-digit whole part overflowed int64 (undefined behaviour) instead of being refused.
TEST(TrValue, RatesThatOverflowSixtyFourBitsWithTheirDecimalsAreRejected) {
    EXPECT_FALSE(parseRate("9223372036854.999999"));
    EXPECT_FALSE(parseRate("-9223372036854.775808"));
    EXPECT_FALSE(parseRate("92233720368547758.08"));
    EXPECT_DOUBLE_EQ(*parseRate("9223372036854.775807"), 9223372036854.775807);
    EXPECT_DOUBLE_EQ(*parseRate("+92233720368547758.07"), 92233720368547758.07);
}

} // namespace
} // namespace kiwoomd
