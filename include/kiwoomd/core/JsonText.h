#pragma once
// JSON text written straight into a string, byte for byte as nlohmann::json's
// dump(-1, ' ', false, error_handler_t::replace) writes the same values: strings escaped the
// same way (invalid UTF-8 replaced by U+FFFD), numbers formatted the same way. For the bodies
// that are built on every update, where building a tree of JSON values first cost more than all
// the rest of the update. Pure functions.

#include <cstdint>
#include <string>
#include <string_view>

namespace kiwoomd::json_text {

void appendString(std::string& out, std::string_view text); // with its quotes
void appendDouble(std::string& out, double value);          // "null" when not finite
void appendInteger(std::string& out, std::int64_t value);
void appendUnsigned(std::string& out, std::uint64_t value);
// "key": for the API's own key names, which are plain ASCII and need no escaping.
void appendKey(std::string& out, std::string_view key);

} // namespace kiwoomd::json_text
