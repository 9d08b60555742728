// Fuzzes the TR value parsers (TrValue.h) with one raw GetCommData field per input: none may
// crash, and what they accept must match the documented grammar (checked here by an independent,
// deliberately naive reading of the same text).

#include "FuzzCheck.h"

#include "kiwoomd/core/TrValue.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>

using namespace kiwoomd;

namespace {

bool isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
}

bool allDigits(std::string_view text) {
    for (const char c : text) {
        if (!isAsciiDigit(c)) {
            return false;
        }
    }
    return !text.empty();
}

// [+-]?digits with the magnitude within int64, read with 128-bit arithmetic.
bool fitsSignedGrammar(std::string_view text, bool allowMinus) {
    if (!text.empty() && (text.front() == '+' || (allowMinus && text.front() == '-'))) {
        text.remove_prefix(1);
    }
    if (!allDigits(text)) {
        return false;
    }
    __int128 value = 0;
    for (const char c : text) {
        value = value * 10 + (c - '0');
        if (value > std::numeric_limits<std::int64_t>::max()) {
            return false;
        }
    }
    return true;
}

void checkTrim(std::string_view raw) {
    const std::string_view trimmed = trimField(raw);
    FUZZ_CHECK(trimmed.size() <= raw.size());
    if (!trimmed.empty()) {
        FUZZ_CHECK(trimmed.data() >= raw.data() &&
                   trimmed.data() + trimmed.size() <= raw.data() + raw.size());
        FUZZ_CHECK(trimField(trimmed) == trimmed);
    }
}

void checkIntegers(std::string_view raw) {
    const std::string_view text = trimField(raw);
    const auto integer = parseSignedInteger(raw);
    FUZZ_CHECK(integer.has_value() == fitsSignedGrammar(text, true));
    if (integer) {
        // What the parser read prints back and reads again as the same number.
        FUZZ_CHECK(parseSignedInteger(std::to_string(*integer)) == integer);
        FUZZ_CHECK(*integer != std::numeric_limits<std::int64_t>::min());
    }

    const auto price = parseSignedPrice(raw);
    FUZZ_CHECK(price.has_value() == integer.has_value());
    if (price) {
        FUZZ_CHECK(price->absolute >= 0);
        FUZZ_CHECK(price->sign >= -1 && price->sign <= 1);
        FUZZ_CHECK(price->absolute == (*integer < 0 ? -*integer : *integer));
        FUZZ_CHECK(price->absolute != 0 || price->sign == 0);
        FUZZ_CHECK(price->sign == 0 || text.front() == (price->sign < 0 ? '-' : '+'));
    }

    const auto volume = parseVolume(raw);
    FUZZ_CHECK(volume.has_value() == fitsSignedGrammar(text, false));
    if (volume) {
        FUZZ_CHECK(*volume >= 0);
        FUZZ_CHECK(volume == integer);
    }
}

void checkRate(std::string_view raw) {
    const auto rate = parseRate(raw);
    std::string_view text = trimField(raw);
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        text.remove_prefix(1);
    }
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction =
        dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
    const bool grammar =
        allDigits(whole) && (dot == std::string_view::npos || (allDigits(fraction) && fraction.size() <= 6));
    if (!grammar) {
        FUZZ_CHECK(!rate);
        return;
    }
    if (whole.size() <= 12) {
        // Small enough that no overflow rule applies: the grammar alone decides.
        FUZZ_CHECK(rate.has_value());
    }
    if (rate) {
        FUZZ_CHECK(std::isfinite(*rate));
        const std::string copy(trimField(raw));
        const double reference = std::strtod(copy.c_str(), nullptr);
        FUZZ_CHECK(std::fabs(*rate - reference) <= 1e-12 * std::fabs(reference) + 1e-12);
    }
}

void checkDirection(std::string_view raw) {
    const auto fromSign = parseDirectionSign(raw);
    const std::string_view text = trimField(raw);
    FUZZ_CHECK(fromSign.has_value() == (text.size() == 1 && text.front() >= '1' && text.front() <= '5'));
    for (const int priceSign : {-1, 0, 1}) {
        const auto resolved = resolveDirection(fromSign, priceSign);
        if (fromSign) {
            FUZZ_CHECK(resolved == fromSign);
        } else {
            FUZZ_CHECK(resolved.has_value() == (priceSign != 0));
        }
        if (resolved) {
            const std::string_view name = directionName(*resolved);
            FUZZ_CHECK(name == "upper_limit" || name == "up" || name == "unchanged" ||
                       name == "lower_limit" || name == "down");
        }
    }
}

void checkStockCode(std::string_view raw) {
    const auto code = parseStockCode(raw);
    if (!code) {
        return;
    }
    FUZZ_CHECK(code->code.size() == 6);
    for (const char c : code->code) {
        FUZZ_CHECK(isAsciiDigit(c) || (c >= 'A' && c <= 'Z'));
    }
    FUZZ_CHECK(code->venue.empty() || code->venue == "NXT" || code->venue == "SOR");
    // The normalized form is itself a valid code, read back unchanged and without a venue.
    const auto again = parseStockCode(code->code);
    FUZZ_CHECK(again && again->code == code->code && again->venue.empty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view raw(reinterpret_cast<const char*>(data), size);
    checkTrim(raw);
    checkIntegers(raw);
    checkRate(raw);
    checkDirection(raw);
    checkStockCode(raw);
    return 0;
}
