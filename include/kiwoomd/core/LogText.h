#pragma once
// The one way foreign text reaches a log line: request-derived text (a header, a path, a method)
// and what the control's host process says (its own log lines, a dialog's text). Others control
// those bytes: a CR or LF in them would start a forged log line, ESC would drive the
// terminal that shows the console, and invalid UTF-8 would garble what follows. So every such
// string passes escapeForLog first (OWASP Logging Cheat Sheet, "Event data sources").
// Thread-safe: a pure function.

#include <string>
#include <string_view>

namespace kiwoomd {

// Control bytes (C0, DEL, and the C1 range as UTF-8), backslash and bytes that are not valid UTF-8
// become \xNN (\r, \n and \t as themselves escaped); valid UTF-8 such as Korean stays readable.
// At most `maxBytes` of the input are shown; a longer input ends in "...".
std::string escapeForLog(std::string_view text, std::size_t maxBytes = 256);

} // namespace kiwoomd
