#pragma once
// The JSON of Kiwoom's REST API as kiwoomd writes and reads it (shared/kiwoom-openapi.md,
// "Kiwoom's REST API"): the token request and answer, a ranking request's body and its answer.
// Pure functions, so every shape is tested without a network; RestSource does the HTTP.

#include "kiwoomd/core/Clock.h"
#include "kiwoomd/core/TrCatalogue.h"
#include "kiwoomd/core/TrPage.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiwoomd::rest {

// au10001 POST /oauth2/token. The keys go into this body and nowhere else.
std::string tokenRequestBody(const std::string& appKey, const std::string& secretKey);
// au10002 POST /oauth2/revoke.
std::string revokeRequestBody(const std::string& appKey, const std::string& secretKey,
                              const std::string& token);

struct TokenAnswer {
    int returnCode = 0;
    std::string returnMessage;
    std::string token;
    std::optional<Timestamp> expiresAt; // from expires_dt, KST
};
// nullopt with `error` when the text is not such an answer (not JSON, no token on success, ...).
std::optional<TokenAnswer> parseTokenAnswer(std::string_view body, std::string& error);

// "20241107083713" (KST, %Y%m%d%H%M%S) as a time; nullopt for anything else.
std::optional<Timestamp> parseCompactKst(std::string_view text);

// The body of a ranking request: every mapped input by its REST name, blanks as the catalogue
// says, all values strings.
std::string rankingRequestBody(const tr::RestTrSpec& spec, const TrInputs& inputs);

struct RankingAnswer {
    int returnCode = 0;
    std::string returnMessage;
    // One row per entry of the answer's list, the fields in the catalogue's order, each as the
    // server sent it ("" for a field it left out).
    std::vector<std::vector<std::string>> rows;
};
// nullopt with `error` when the body is not such an answer. The list may be missing when the
// return code is not 0. Both return_code and returnCode spellings are read (ka10030's examples
// use the latter).
std::optional<RankingAnswer> parseRankingAnswer(const tr::RestTrSpec& spec, std::string_view body,
                                                std::string& error);

} // namespace kiwoomd::rest
