#pragma once
// Case-insensitive text in HTTP: header names, tokens such as "gzip" or "close", market names.
// ASCII only, whatever the locale (RFC 9110 §5.1); other bytes are left as they are.

#include <algorithm>
#include <string>
#include <string_view>

namespace kiwoomd::http {

constexpr char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string asciiLower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](char c) { return asciiLower(c); });
    return text;
}

inline bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](char x, char y) { return asciiLower(x) == asciiLower(y); });
}

} // namespace kiwoomd::http
