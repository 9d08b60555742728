#include "kiwoomd/core/LogText.h"

namespace kiwoomd {
namespace {

void appendHexEscape(std::string& out, unsigned char byte) {
    static constexpr char kDigits[] = "0123456789abcdef";
    out += "\\x";
    out += kDigits[byte >> 4];
    out += kDigits[byte & 0x0f];
}

// The length of the valid UTF-8 sequence at text[at], or 0 (RFC 3629 §4: no overlongs, no
// surrogates, nothing above U+10FFFF).
std::size_t utf8SequenceLength(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
    const unsigned char lead = byte(0);
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        low = lead == 0xe0 ? 0xa0 : 0x80;
        high = lead == 0xed ? 0x9f : 0xbf;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        low = lead == 0xf0 ? 0x90 : 0x80;
        high = lead == 0xf4 ? 0x8f : 0xbf;
    } else {
        return 0;
    }
    if (at + length > text.size() || byte(1) < low || byte(1) > high) {
        return 0;
    }
    for (std::size_t i = 2; i < length; ++i) {
        if (byte(i) < 0x80 || byte(i) > 0xbf) {
            return 0;
        }
    }
    // U+0080..U+009F (C1 controls) are as dangerous on a terminal as ESC.
    if (length == 2 && lead == 0xc2 && byte(1) <= 0x9f) {
        return 0;
    }
    return length;
}

} // namespace

std::string escapeForLog(std::string_view text, std::size_t maxBytes) {
    const bool cut = text.size() > maxBytes;
    const std::string_view shown = cut ? text.substr(0, maxBytes) : text;
    std::string out;
    out.reserve(shown.size() + 8);
    for (std::size_t at = 0; at < shown.size();) {
        const auto c = static_cast<unsigned char>(shown[at]);
        if (c == '\\') {
            out += "\\\\";
            ++at;
        } else if (c == '\r') {
            out += "\\r";
            ++at;
        } else if (c == '\n') {
            out += "\\n";
            ++at;
        } else if (c == '\t') {
            out += "\\t";
            ++at;
        } else if (c < 0x20 || c == 0x7f) {
            appendHexEscape(out, c);
            ++at;
        } else if (c < 0x80) {
            out += static_cast<char>(c);
            ++at;
        } else if (const std::size_t length = utf8SequenceLength(shown, at); length > 0) {
            out.append(shown.data() + at, length);
            at += length;
        } else {
            appendHexEscape(out, c);
            ++at;
        }
    }
    if (cut) {
        out += "...";
    }
    return out;
}

} // namespace kiwoomd
