#include "kiwoomd/core/JsonText.h"

#include <nlohmann/json.hpp>

#include <array>
#include <charconv>
#include <cmath>

namespace kiwoomd::json_text {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD"; // U+FFFD in UTF-8

// The length of the UTF-8 sequence that starts with `lead`, 0 when no sequence starts with it.
int sequenceLength(unsigned char lead) {
    if (lead < 0x80) {
        return 1;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
        return 2;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        return 4;
    }
    return 0; // a continuation byte, an overlong lead (C0, C1), or beyond U+10FFFF
}

// Whether `byte` may stand at `position` (1-based) of the sequence led by `lead` (RFC 3629 §4:
// no overlong forms, no surrogates, nothing beyond U+10FFFF).
bool continues(unsigned char lead, int position, unsigned char byte) {
    if (position == 1) {
        switch (lead) {
        case 0xE0:
            return byte >= 0xA0 && byte <= 0xBF;
        case 0xED:
            return byte >= 0x80 && byte <= 0x9F;
        case 0xF0:
            return byte >= 0x90 && byte <= 0xBF;
        case 0xF4:
            return byte >= 0x80 && byte <= 0x8F;
        default:
            break;
        }
    }
    return byte >= 0x80 && byte <= 0xBF;
}

void appendEscaped(std::string& out, unsigned char c) {
    switch (c) {
    case '\b':
        out += "\\b";
        return;
    case '\t':
        out += "\\t";
        return;
    case '\n':
        out += "\\n";
        return;
    case '\f':
        out += "\\f";
        return;
    case '\r':
        out += "\\r";
        return;
    case '"':
        out += "\\\"";
        return;
    case '\\':
        out += "\\\\";
        return;
    default:
        break;
    }
    if (c <= 0x1F) {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0x0F];
        return;
    }
    out += static_cast<char>(c);
}

bool isPlain(unsigned char c) {
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

} // namespace

void appendString(std::string& out, std::string_view text) {
    out += '"';
    std::size_t i = 0;
    while (i < text.size()) {
        // Runs of plain ASCII, most of every body, go in whole.
        std::size_t run = i;
        while (run < text.size() && isPlain(static_cast<unsigned char>(text[run]))) {
            ++run;
        }
        if (run > i) {
            out.append(text.data() + i, run - i);
            i = run;
            continue;
        }
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80) {
            appendEscaped(out, lead);
            ++i;
            continue;
        }
        const int length = sequenceLength(lead);
        if (length == 0) {
            out += kReplacement; // a byte that starts nothing: replaced, and passed
            ++i;
            continue;
        }
        int valid = 1;
        while (valid < length && i + valid < text.size() &&
               continues(lead, valid, static_cast<unsigned char>(text[i + valid]))) {
            ++valid;
        }
        if (valid == length) {
            out.append(text.data() + i, static_cast<std::size_t>(length));
        } else {
            // A sequence cut short: one replacement for it, then the byte that broke it is read
            // again on its own (it may start something valid), as nlohmann's replace mode does.
            out += kReplacement;
        }
        i += static_cast<std::size_t>(valid);
    }
    out += '"';
}

void appendDouble(std::string& out, double value) {
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    // nlohmann's own shortest round-trip formatting (Grisu2, ".0" on integral values), so the
    // text is the same as its dump().
    std::array<char, 64> buffer{};
    char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    out.append(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
}

void appendInteger(std::string& out, std::int64_t value) {
    std::array<char, 24> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    out.append(buffer.data(), static_cast<std::size_t>(result.ptr - buffer.data()));
}

void appendUnsigned(std::string& out, std::uint64_t value) {
    std::array<char, 24> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    out.append(buffer.data(), static_cast<std::size_t>(result.ptr - buffer.data()));
}

void appendKey(std::string& out, std::string_view key) {
    // Keys are the API's own names (JsonKeys.h, the TR catalogue): plain ASCII, nothing to escape.
    out += '"';
    out.append(key.data(), key.size());
    out += "\":";
}

} // namespace kiwoomd::json_text
