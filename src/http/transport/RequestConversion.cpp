#include "RequestConversion.h"

#include <algorithm>
#include <cctype>

namespace kiwoomd::http {
namespace {

std::string lowerCase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
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
        out.headers.emplace(lowerCase(name), value);
    }
    return out;
}

} // namespace kiwoomd::http
