#include "kiwoomd/core/RestMessages.h"

#include "kiwoomd/core/KstTime.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace kiwoomd::rest {
namespace {

using nlohmann::json;

std::optional<json> parseObject(std::string_view body, std::string& error) {
    json value = json::parse(body.begin(), body.end(), nullptr, false);
    if (value.is_discarded() || !value.is_object()) {
        error = "the answer is not a JSON object";
        return std::nullopt;
    }
    return value;
}

// A field's text: strings as they are; numbers as their JSON text (a server that sends 5000
// instead of "5000" still gets read); anything else blank.
std::string fieldText(const json& value) {
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_number()) {
        return value.dump();
    }
    return {};
}

bool readReturn(const json& object, int& code, std::string& message, std::string& error) {
    for (const char* key : {"return_code", "returnCode"}) {
        const auto it = object.find(key);
        if (it == object.end()) {
            continue;
        }
        if (it->is_number_integer()) {
            const auto value = it->get<std::int64_t>();
            if (value < -1000000 || value > 1000000) {
                break;
            }
            code = static_cast<int>(value);
        } else if (const std::string* text = it->get_ptr<const std::string*>();
                   text && !text->empty() && text->size() < 8 &&
                   std::all_of(text->begin(), text->end(),
                               [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
            // One string, not get<std::string>() per call: begin() and end() of two copies made
            // all_of walk between unrelated buffers, and "ok" reached std::stoi, which threw.
            code = std::stoi(*text);
        } else {
            break;
        }
        for (const char* messageKey : {"return_msg", "returnMsg"}) {
            const auto msg = object.find(messageKey);
            if (msg != object.end() && msg->is_string()) {
                message = msg->get<std::string>();
            }
        }
        return true;
    }
    error = "the answer has no readable return_code";
    return false;
}

} // namespace

std::string tokenRequestBody(const std::string& appKey, const std::string& secretKey) {
    return json{{"grant_type", "client_credentials"}, {"appkey", appKey}, {"secretkey", secretKey}}.dump();
}

std::string revokeRequestBody(const std::string& appKey, const std::string& secretKey,
                              const std::string& token) {
    return json{{"appkey", appKey}, {"secretkey", secretKey}, {"token", token}}.dump();
}

std::optional<Timestamp> parseCompactKst(std::string_view text) {
    if (text.size() != 14 || !std::all_of(text.begin(), text.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
        })) {
        return std::nullopt;
    }
    const auto number = [&](std::size_t at, std::size_t length) {
        return std::stoi(std::string(text.substr(at, length)));
    };
    const int year = number(0, 4), month = number(4, 2), day = number(6, 2);
    const int hour = number(8, 2), minute = number(10, 2), second = number(12, 2);
    if (year < 2000 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 ||
        minute > 59 || second > 59) {
        return std::nullopt;
    }
    return fromKst(year, month, day, hour, minute, second);
}

std::optional<TokenAnswer> parseTokenAnswer(std::string_view body, std::string& error) {
    const auto object = parseObject(body, error);
    if (!object) {
        return std::nullopt;
    }
    TokenAnswer answer;
    if (!readReturn(*object, answer.returnCode, answer.returnMessage, error)) {
        return std::nullopt;
    }
    if (answer.returnCode != 0) {
        return answer;
    }
    const auto token = object->find("token");
    if (token == object->end() || !token->is_string() || token->get<std::string>().empty()) {
        error = "the token answer has no token";
        return std::nullopt;
    }
    answer.token = token->get<std::string>();
    if (const auto expires = object->find("expires_dt"); expires != object->end() && expires->is_string()) {
        answer.expiresAt = parseCompactKst(expires->get<std::string>());
    }
    return answer;
}

std::string rankingRequestBody(const tr::RestTrSpec& spec, const TrInputs& inputs) {
    json body = json::object();
    for (const auto& [bodyKey, value] : spec.blankAs) {
        body[bodyKey] = value;
    }
    for (const auto& [inputName, bodyKey] : spec.inputs) {
        const auto given =
            std::find_if(inputs.begin(), inputs.end(),
                         [&, name = inputName](const auto& input) { return input.first == name; });
        const std::string value = given == inputs.end() ? std::string() : given->second;
        const auto blank = std::find_if(spec.blankAs.begin(), spec.blankAs.end(),
                                        [&, key = bodyKey](const auto& entry) { return entry.first == key; });
        if (value.empty() && blank != spec.blankAs.end()) {
            body[bodyKey] = blank->second;
        } else {
            body[bodyKey] = value;
        }
    }
    return body.dump();
}

std::optional<RankingAnswer> parseRankingAnswer(const tr::RestTrSpec& spec, std::string_view body,
                                                std::string& error) {
    const auto object = parseObject(body, error);
    if (!object) {
        return std::nullopt;
    }
    RankingAnswer answer;
    if (!readReturn(*object, answer.returnCode, answer.returnMessage, error)) {
        return std::nullopt;
    }
    const auto list = object->find(spec.listKey);
    if (list == object->end() || list->is_null()) {
        return answer; // no list: no rows (a refusal carries none; an ok without one has no data)
    }
    if (!list->is_array()) {
        error = "'" + spec.listKey + "' is not a list";
        return std::nullopt;
    }
    answer.rows.reserve(list->size());
    for (const json& entry : *list) {
        if (!entry.is_object()) {
            error = "an entry of '" + spec.listKey + "' is not an object";
            return std::nullopt;
        }
        std::vector<std::string> row;
        row.reserve(spec.fields.size());
        for (const auto& field : spec.fields) {
            const auto value = entry.find(field);
            row.push_back(value == entry.end() ? std::string() : fieldText(*value));
        }
        answer.rows.push_back(std::move(row));
    }
    return answer;
}

} // namespace kiwoomd::rest
