#pragma once
// cpp-httplib's parsed request as the router's transport-neutral ApiRequest. Kept apart from
// HttpServer.cpp so the request fuzzer (tests/fuzz/FuzzRequest.cpp) runs this very code.
// Thread: any; pure functions.

#include "kiwoomd/http/ApiTypes.h"

#include <httplib.h>

namespace kiwoomd::http {

// A Content-Length above 0 or any Transfer-Encoding: the request has a body (none is ever read).
bool hasBody(const httplib::Request& request);

// Method, path, query parameters, headers with lower-case names, and whether a body follows.
ApiRequest toApiRequest(const httplib::Request& request);

} // namespace kiwoomd::http
