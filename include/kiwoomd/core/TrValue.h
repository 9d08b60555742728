#pragma once
// Parsers for the fixed-width text values GetCommData returns. Every function accepts the raw
// field (padding included) and answers std::nullopt for anything it cannot read exactly, so a
// garbage value becomes "unknown", never a wrong number. Pure functions, any thread.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiwoomd {

// 전일대비기호 as documented: 1 upper limit, 2 up, 3 unchanged, 4 lower limit, 5 down.
enum class Direction { UpperLimit, Up, Unchanged, LowerLimit, Down };

std::string_view directionName(Direction direction);

// Kiwoom pads with spaces; some builds also leave NULs from the fixed-width buffer.
constexpr bool isFieldPadding(char16_t c) {
    return c == u' ' || c == u'\t' || c == u'\0' || c == u'\r' || c == u'\n';
}
std::string_view trimField(std::string_view raw);

// "+8571012", "-335", "42": an optional single sign then digits. Rejects "", "+", "--335",
// "1,000", "12a" and values beyond int64.
std::optional<std::int64_t> parseSignedInteger(std::string_view raw);

// A price field: the sign is the direction against the reference price, not a negative price
// ("-27950" is a price of 27,950 that is down), so the magnitude and the sign come apart.
struct SignedPrice {
    std::int64_t absolute = 0;
    int sign = 0; // -1 down, 0 no sign, +1 up
};
std::optional<SignedPrice> parseSignedPrice(std::string_view raw);

// "+1.22", "-0.36", "0.00", "+1842.00": a signed decimal, parsed without the C locale.
std::optional<double> parseRate(std::string_view raw);

// Plain digit volumes; a leading '+' is tolerated, a '-' is not (volumes cannot be negative).
std::optional<std::int64_t> parseVolume(std::string_view raw);

std::optional<Direction> parseDirectionSign(std::string_view raw);

// Direction from the sign field when it is readable, else from the price's own sign.
std::optional<Direction> resolveDirection(std::optional<Direction> fromSignField, int priceSign);

// Stock codes arrive as "005930", "A005930" (prefixed) or "005930_NX" / "005930_AL" (venue suffix).
struct StockCode {
    std::string code;  // six characters, digits or capital letters
    std::string venue; // "", "NXT" or "SOR" (the smart-routed combined quote)
};
std::optional<StockCode> parseStockCode(std::string_view raw);

} // namespace kiwoomd
