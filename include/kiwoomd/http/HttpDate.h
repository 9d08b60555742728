#pragma once
// The Date header of every answer (RFC 9110 §6.6.1: an origin server with a clock sends it), in
// the IMF-fixdate form of §5.6.7, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
// Thread-safe: a pure function.

#include <chrono>
#include <string>

namespace kiwoomd::http {

std::string httpDate(std::chrono::system_clock::time_point time);

} // namespace kiwoomd::http
