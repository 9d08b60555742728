#include "kiwoomd/core/TrValue.h"

#include <limits>

namespace kiwoomd {
namespace {

bool isPadding(char c) {
    return isFieldPadding(static_cast<char16_t>(static_cast<unsigned char>(c)));
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

std::optional<std::int64_t> parseDigits(std::string_view digits) {
    if (digits.empty()) {
        return std::nullopt;
    }
    std::int64_t value = 0;
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    for (const char c : digits) {
        if (!isDigit(c)) {
            return std::nullopt;
        }
        const int digit = c - '0';
        if (value > (kMax - digit) / 10) {
            return std::nullopt;
        }
        value = value * 10 + digit;
    }
    return value;
}

// Splits an optional leading sign off; answers the sign (-1, 0, +1) and the rest.
int takeSign(std::string_view& text) {
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        const int sign = text.front() == '-' ? -1 : 1;
        text.remove_prefix(1);
        return sign;
    }
    return 0;
}

} // namespace

std::string_view directionName(Direction direction) {
    switch (direction) {
    case Direction::UpperLimit:
        return "upper_limit";
    case Direction::Up:
        return "up";
    case Direction::Unchanged:
        return "unchanged";
    case Direction::LowerLimit:
        return "lower_limit";
    case Direction::Down:
        return "down";
    }
    return "unchanged";
}

std::string_view trimField(std::string_view raw) {
    while (!raw.empty() && isPadding(raw.front())) {
        raw.remove_prefix(1);
    }
    while (!raw.empty() && isPadding(raw.back())) {
        raw.remove_suffix(1);
    }
    return raw;
}

std::optional<std::int64_t> parseSignedInteger(std::string_view raw) {
    std::string_view text = trimField(raw);
    const int sign = takeSign(text);
    const auto magnitude = parseDigits(text);
    if (!magnitude) {
        return std::nullopt;
    }
    return sign < 0 ? -*magnitude : *magnitude;
}

std::optional<SignedPrice> parseSignedPrice(std::string_view raw) {
    std::string_view text = trimField(raw);
    const int sign = takeSign(text);
    const auto magnitude = parseDigits(text);
    if (!magnitude) {
        return std::nullopt;
    }
    return SignedPrice{*magnitude, *magnitude == 0 ? 0 : sign};
}

std::optional<double> parseRate(std::string_view raw) {
    std::string_view text = trimField(raw);
    const int sign = takeSign(text);
    const auto dot = text.find('.');
    const std::string_view wholePart = text.substr(0, dot);
    const auto whole = parseDigits(wholePart);
    if (!whole) {
        return std::nullopt;
    }
    std::int64_t scaled = *whole;
    std::int64_t scale = 1;
    if (dot != std::string_view::npos) {
        const std::string_view fraction = text.substr(dot + 1);
        // Kiwoom sends two decimals; more than six would be a different kind of field.
        if (fraction.empty() || fraction.size() > 6) {
            return std::nullopt;
        }
        const auto fractionDigits = parseDigits(fraction);
        if (!fractionDigits) {
            return std::nullopt;
        }
        for (std::size_t i = 0; i < fraction.size(); ++i) {
            scale *= 10;
        }
        // whole * scale + fraction must fit: checking the whole part alone let
        // "9223372036854.999999" overflow (found by tests/fuzz/FuzzTrValue).
        if (scaled > (std::numeric_limits<std::int64_t>::max() - *fractionDigits) / scale) {
            return std::nullopt;
        }
        scaled = scaled * scale + *fractionDigits;
    }
    // One division of two exact integers: "4.69" becomes the double nearest 4.69, which prints
    // back as 4.69 (adding 0.69 to 4 would not).
    const double value = static_cast<double>(scaled) / static_cast<double>(scale);
    return sign < 0 ? -value : value;
}

std::optional<std::int64_t> parseVolume(std::string_view raw) {
    std::string_view text = trimField(raw);
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
    }
    return parseDigits(text);
}

std::optional<Direction> parseDirectionSign(std::string_view raw) {
    const std::string_view text = trimField(raw);
    if (text.size() != 1) {
        return std::nullopt;
    }
    switch (text.front()) {
    case '1':
        return Direction::UpperLimit;
    case '2':
        return Direction::Up;
    case '3':
        return Direction::Unchanged;
    case '4':
        return Direction::LowerLimit;
    case '5':
        return Direction::Down;
    default:
        return std::nullopt;
    }
}

std::optional<Direction> resolveDirection(std::optional<Direction> fromSignField, int priceSign) {
    if (fromSignField) {
        return fromSignField;
    }
    if (priceSign > 0) {
        return Direction::Up;
    }
    if (priceSign < 0) {
        return Direction::Down;
    }
    return std::nullopt;
}

std::optional<StockCode> parseStockCode(std::string_view raw) {
    std::string_view text = trimField(raw);
    StockCode out;
    if (const auto underscore = text.find('_'); underscore != std::string_view::npos) {
        const std::string_view suffix = text.substr(underscore + 1);
        if (suffix == "NX") {
            out.venue = "NXT";
        } else if (suffix == "AL") {
            out.venue = "SOR";
        } else {
            return std::nullopt;
        }
        text = text.substr(0, underscore);
    }
    if (text.size() == 7 && text.front() == 'A') {
        text.remove_prefix(1);
    }
    if (text.size() != 6) {
        return std::nullopt;
    }
    for (const char c : text) {
        if (!isDigit(c) && !(c >= 'A' && c <= 'Z')) {
            return std::nullopt;
        }
    }
    out.code = std::string(text);
    return out;
}

} // namespace kiwoomd
