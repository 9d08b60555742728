#include "kiwoomd/core/ServerMessage.h"

namespace kiwoomd {
namespace {

// Kiwoom's codes have at most four digits (-10 .. -500 documented); more is not a code.
constexpr std::size_t kMaxCodeDigits = 6;

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trimmedRight(std::string_view text) {
    while (!text.empty() && isSpace(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

} // namespace

std::optional<int> refusalCode(std::string_view message) {
    std::string_view rest = trimmedRight(message);
    if (rest.empty() || rest.back() != ')') {
        return std::nullopt;
    }
    rest = trimmedRight(rest.substr(0, rest.size() - 1));
    std::size_t start = rest.size();
    while (start > 0 && rest[start - 1] >= '0' && rest[start - 1] <= '9') {
        --start;
    }
    const std::string_view digits = rest.substr(start);
    // Kiwoom writes its codes without leading zeros: "(-06)" is not one of them.
    if (digits.empty() || digits.size() > kMaxCodeDigits || (digits.size() > 1 && digits.front() == '0')) {
        return std::nullopt;
    }
    int value = 0;
    for (const char c : digits) {
        value = value * 10 + (c - '0');
    }
    rest = trimmedRight(rest.substr(0, start));
    if (value == 0 || rest.empty() || rest.back() != '-') {
        return std::nullopt;
    }
    rest = trimmedRight(rest.substr(0, rest.size() - 1));
    if (rest.empty() || rest.back() != '(') {
        return std::nullopt;
    }
    return -value;
}

} // namespace kiwoomd
