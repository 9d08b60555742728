#include "kiwoomd/http/ApiTypes.h"

namespace kiwoomd::http {

const std::string* ApiRequest::queryValue(const std::string& name) const {
    const auto it = query.find(name);
    return it == query.end() ? nullptr : &it->second;
}

ApiResponse ApiResponse::json(std::string text, int status) {
    return sharedJson(std::make_shared<const std::string>(std::move(text)), status);
}

ApiResponse ApiResponse::sharedJson(std::shared_ptr<const std::string> text, int status) {
    ApiResponse response;
    response.status = status;
    response.body = std::move(text);
    return response;
}

} // namespace kiwoomd::http
