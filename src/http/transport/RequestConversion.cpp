#include "RequestConversion.h"

#include "kiwoomd/http/AsciiCase.h"

namespace kiwoomd::http {
namespace {

// httplib adds these to every request's headers from the socket; the router has no use for them.
bool isAddedByHttplib(const std::string& name) {
    return name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT";
}

} // namespace

bool hasBody(const httplib::Request& request) {
    if (request.has_header("Transfer-Encoding")) {
        return true;
    }
    const std::string length = request.get_header_value("Content-Length");
    return !length.empty() && length.find_first_not_of('0') != std::string::npos;
}

ApiRequest toApiRequest(const httplib::Request& in) {
    ApiRequest out;
    out.method = in.method;
    out.path = in.path;
    out.hasBody = hasBody(in);
    for (const auto& [name, value] : in.params) {
        out.query.emplace(name, value);
    }
    for (const auto& [name, value] : in.headers) {
        if (!isAddedByHttplib(name)) {
            out.headers.emplace(asciiLower(name), value);
        }
    }
    return out;
}

} // namespace kiwoomd::http
