// Fuzzes the reader of the server's messages (ServerMessage.cpp) with one OnReceiveMsg text per
// input. No text may crash it; a code it reads is negative and is exactly the number written in
// the parentheses that close the message.

#include "FuzzCheck.h"

#include "kiwoomd/core/ServerMessage.h"

#include <cstdint>
#include <string>
#include <string_view>

using namespace kiwoomd;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view message(reinterpret_cast<const char*>(data), size);
    const std::optional<int> code = refusalCode(message);
    if (!code) {
        return 0;
    }
    FUZZ_CHECK(*code < 0);
    const std::size_t close = message.find_last_of(')');
    const std::size_t open = message.find_last_of('(');
    FUZZ_CHECK(close != std::string_view::npos && open != std::string_view::npos && open < close);
    // Only spaces may follow the closing parenthesis.
    FUZZ_CHECK(message.find_first_not_of(" \t\r\n", close + 1) == std::string_view::npos);
    // Inside: a minus, the digits of the code, and spaces.
    std::string inside;
    for (const char c : message.substr(open + 1, close - open - 1)) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
            inside += c;
        }
    }
    FUZZ_CHECK(inside == std::to_string(*code));
    return 0;
}
