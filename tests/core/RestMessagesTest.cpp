// The JSON of Kiwoom's REST API as kiwoomd writes and reads it: the token request and answer, a
// ranking request's body and its answer, down to the rows kiwoomd serves.
#include "kiwoomd/core/RestMessages.h"

#include "kiwoomd/core/FeedDefinition.h"
#include "kiwoomd/core/KiwoomErrors.h"
#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/core/RankingRow.h"
#include "kiwoomd/core/TrCatalogue.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

namespace kiwoomd {
namespace {

using nlohmann::json;

const tr::RestTrSpec& surgeRestSpec() {
    return *tr::findRestTr(tr::kVolumeSurgeTr);
}

std::set<std::string> keysOf(const json& object) {
    std::set<std::string> keys;
    for (const auto& item : object.items()) {
        keys.insert(item.key());
    }
    return keys;
}

TrInputs defaultSurgeInputs() {
    return defaultFeeds()[0].inputs;
}

void setInput(TrInputs& inputs, const std::string& name, const std::string& value) {
    for (auto& input : inputs) {
        if (input.first == name) {
            input.second = value;
            return;
        }
    }
    ADD_FAILURE() << "no input " << name;
}

// The example row of ka10023 in Kiwoom's REST API guide.
json samsungExampleRow() {
    return json{{"stk_cd", "005930"},          {"stk_nm", "삼성전자"},       {"cur_prc", "-74000"},
                {"pred_pre_sig", "5"},         {"pred_pre", "-500"},         {"flu_rt", "-0.67"},
                {"prev_trde_qty", "22532511"}, {"now_trde_qty", "31103523"}, {"sdnin_qty", "+8571012"},
                {"sdnin_rt", "+38.04"}};
}

std::string surgeAnswer(const json& rows) {
    return json{{"trde_qty_sdnin", rows}, {"return_code", 0}, {"return_msg", "정상적으로 처리되었습니다"}}
        .dump();
}

rest::RankingAnswer parsedOrFail(std::string_view body) {
    std::string error;
    const auto answer = rest::parseRankingAnswer(surgeRestSpec(), body, error);
    EXPECT_TRUE(answer) << error;
    return answer.value_or(rest::RankingAnswer{});
}

// --- token ---------------------------------------------------------------------------------

TEST(RestTokenRequest, BodyHoldsExactlyGrantTypeAppKeyAndSecretKey) {
    const json body = json::parse(rest::tokenRequestBody("APP-KEY", "SECRET-KEY"));
    EXPECT_EQ(keysOf(body), (std::set<std::string>{"grant_type", "appkey", "secretkey"}));
    EXPECT_EQ(body["grant_type"], "client_credentials");
    EXPECT_EQ(body["appkey"], "APP-KEY");
    EXPECT_EQ(body["secretkey"], "SECRET-KEY");
}

TEST(RestTokenAnswer, TokenAndExpiryAreReadWithTheExpiryAsAKstInstant) {
    std::string error;
    const auto answer = rest::parseTokenAnswer(
        R"({"expires_dt":"20241107083713","token_type":"bearer","token":"WQJCwyqInphKnR3bSRtB9NE1lv",
            "return_code":0,"return_msg":"정상적으로 처리되었습니다"})",
        error);
    ASSERT_TRUE(answer) << error;
    EXPECT_EQ(answer->returnCode, 0);
    EXPECT_EQ(answer->token, "WQJCwyqInphKnR3bSRtB9NE1lv");
    ASSERT_TRUE(answer->expiresAt);
    EXPECT_EQ(*answer->expiresAt, fromKst(2024, 11, 7, 8, 37, 13));
    // 08:37:13 KST is 23:37:13 UTC the day before.
    EXPECT_EQ(std::chrono::duration_cast<std::chrono::seconds>(answer->expiresAt->time_since_epoch()).count(),
              1730936233);
}

TEST(RestTokenAnswer, ARefusalIsAnAnswerWithItsCodeAndMessageNotAnError) {
    std::string error;
    const auto answer = rest::parseTokenAnswer(
        R"({"return_code":8010,"return_msg":"IP를 등록하지 않았습니다[8010:IP 미등록]"})", error);
    ASSERT_TRUE(answer) << error;
    EXPECT_EQ(answer->returnCode, kiwoom_error::kRestIpNotRegistered);
    EXPECT_EQ(answer->returnMessage, "IP를 등록하지 않았습니다[8010:IP 미등록]");
    EXPECT_TRUE(answer->token.empty());
    EXPECT_TRUE(error.empty());
}

TEST(RestTokenAnswer, GarbageIsRefusedWithAReason) {
    for (const std::string body :
         {"", "not json", "<html>502 Bad Gateway</html>", "{\"token\":", "[]", "\"token\"", "42", "null"}) {
        std::string error;
        EXPECT_FALSE(rest::parseTokenAnswer(body, error)) << body;
        EXPECT_FALSE(error.empty()) << body;
    }
}

TEST(RestTokenAnswer, ASuccessWithoutATokenIsRefused) {
    for (const std::string body : {R"({"return_code":0,"return_msg":"ok"})",
                                   R"({"return_code":0,"token":""})", R"({"return_code":0,"token":42})"}) {
        std::string error;
        EXPECT_FALSE(rest::parseTokenAnswer(body, error)) << body;
        EXPECT_NE(error.find("no token"), std::string::npos) << body << ": " << error;
    }
}

TEST(RestTokenAnswer, AnAnswerWithoutAReadableReturnCodeIsRefused) {
    for (const std::string body : {R"({"token":"abc"})", R"({"return_code":"ok","token":"abc"})",
                                   R"({"return_code":"12345678","token":"abc"})"}) {
        std::string error;
        EXPECT_FALSE(rest::parseTokenAnswer(body, error)) << body;
        EXPECT_NE(error.find("return_code"), std::string::npos) << body << ": " << error;
    }
}

TEST(RestCompactKst, OnlyFourteenDigitsOfARealTimeAreATime) {
    EXPECT_EQ(rest::parseCompactKst("20241107083713"), fromKst(2024, 11, 7, 8, 37, 13));
    for (const char* text : {"", "2024110708371", "202411070837130", "2024-11-07 08:3", "20241307083713",
                             "20241107243713", "20241107086013", "20241100083713", "2024110708371x"}) {
        EXPECT_FALSE(rest::parseCompactKst(text)) << text;
    }
}

// --- ranking request ---------------------------------------------------------------------------

TEST(RestRankingRequest, DefaultSurgeFeedSendsExactlyTheDocumentedKeysAllAsStrings) {
    const json body = json::parse(rest::rankingRequestBody(surgeRestSpec(), defaultSurgeInputs()));
    EXPECT_EQ(keysOf(body), (std::set<std::string>{"mrkt_tp", "sort_tp", "tm_tp", "trde_qty_tp", "tm",
                                                   "stk_cnd", "pric_tp", "stex_tp"}));
    for (const auto& item : body.items()) {
        EXPECT_TRUE(item.value().is_string()) << item.key() << " is " << item.value().dump();
    }
    EXPECT_EQ(body["mrkt_tp"], "001");
    EXPECT_EQ(body["sort_tp"], "1");
    EXPECT_EQ(body["tm_tp"], "2");
    EXPECT_EQ(body["trde_qty_tp"], "5");
    EXPECT_EQ(body["tm"], "");
    EXPECT_EQ(body["stk_cnd"], "0");
    EXPECT_EQ(body["pric_tp"], "0");
}

TEST(RestRankingRequest, ABlankExchangeIsSentAsKrx) {
    TrInputs inputs = defaultSurgeInputs();
    setInput(inputs, tr::input::kExchange, "");
    const json body = json::parse(rest::rankingRequestBody(surgeRestSpec(), inputs));
    EXPECT_EQ(body["stex_tp"], "1");
}

TEST(RestRankingRequest, AGivenExchangeIsSentAsItIs) {
    TrInputs inputs = defaultSurgeInputs();
    setInput(inputs, tr::input::kExchange, tr::kExchangeCombined);
    const json body = json::parse(rest::rankingRequestBody(surgeRestSpec(), inputs));
    EXPECT_EQ(body["stex_tp"], "3");
}

TEST(RestRankingRequest, AnInputTheFeedLacksIsSentBlankOrAsTheCatalogueSays) {
    const json body = json::parse(rest::rankingRequestBody(surgeRestSpec(), {{tr::input::kMarket, "101"}}));
    EXPECT_EQ(body["mrkt_tp"], "101");
    EXPECT_EQ(body["sort_tp"], "");
    EXPECT_EQ(body["stex_tp"], "1");
}

// --- ranking answer ----------------------------------------------------------------------------

TEST(RestRankingAnswer, TheDocumentedExampleRowComesInTheCataloguesFieldOrder) {
    const auto answer = parsedOrFail(surgeAnswer(json::array({samsungExampleRow()})));
    EXPECT_EQ(answer.returnCode, 0);
    EXPECT_EQ(answer.returnMessage, "정상적으로 처리되었습니다");
    ASSERT_EQ(answer.rows.size(), 1u);
    const auto& spec = *tr::findTr(tr::kVolumeSurgeTr);
    ASSERT_EQ(answer.rows[0].size(), spec.fields.size());
    // 종목코드 종목명 현재가 전일대비기호 전일대비 등락률 이전거래량 현재거래량 급증량 급증률
    EXPECT_EQ(answer.rows[0], (std::vector<std::string>{"005930", "삼성전자", "-74000", "5", "-500", "-0.67",
                                                        "22532511", "31103523", "+8571012", "+38.04"}));
}

TEST(RestRankingAnswer, TheExampleRowReadsAsAnOpenApiRowWouldPriceAbsoluteAndDirectionDown) {
    const auto answer = parsedOrFail(surgeAnswer(json::array({samsungExampleRow()})));
    ASSERT_EQ(answer.rows.size(), 1u);
    const auto result = parseRankingRow(*tr::findTr(tr::kVolumeSurgeTr), RawRow{answer.rows[0]}, 1);
    ASSERT_TRUE(result.row) << result.problem;
    const RankingRow& row = *result.row;
    EXPECT_EQ(row.code, "005930");
    EXPECT_EQ(row.venue, "");
    EXPECT_EQ(row.name, "삼성전자");
    EXPECT_EQ(row.price, 74000);
    EXPECT_EQ(row.direction, Direction::Down);
    EXPECT_EQ(row.integer("change"), -500);
    EXPECT_DOUBLE_EQ(*row.number("change_rate"), -0.67);
    EXPECT_EQ(row.integer("prev_volume"), 22532511);
    EXPECT_EQ(row.integer("volume"), 31103523);
    EXPECT_EQ(row.integer("surge_volume"), 8571012);
    EXPECT_DOUBLE_EQ(*row.number("surge_rate"), 38.04);
    EXPECT_TRUE(row.invalidFields.empty());
}

TEST(RestRankingAnswer, AZeroPaddedSignedPriceAndAnNxtCodeReadAsInTheOpenApi) {
    json entry = samsungExampleRow();
    entry["stk_cd"] = "005930_NX";
    entry["cur_prc"] = "+005000";
    entry["pred_pre_sig"] = "2";
    entry["pred_pre"] = "+100";
    entry["flu_rt"] = "+2.04";
    const auto answer = parsedOrFail(surgeAnswer(json::array({entry})));
    ASSERT_EQ(answer.rows.size(), 1u);
    const auto result = parseRankingRow(*tr::findTr(tr::kVolumeSurgeTr), RawRow{answer.rows[0]}, 1);
    ASSERT_TRUE(result.row) << result.problem;
    EXPECT_EQ(result.row->code, "005930");
    EXPECT_EQ(result.row->venue, "NXT");
    EXPECT_EQ(result.row->price, 5000);
    EXPECT_EQ(result.row->direction, Direction::Up);
    EXPECT_EQ(result.row->integer("change"), 100);
}

TEST(RestRankingAnswer, NumbersSentAsJsonNumbersAreReadAsTheirText) {
    json entry = samsungExampleRow();
    entry["cur_prc"] = -74000;
    entry["flu_rt"] = -0.67;
    entry["now_trde_qty"] = 31103523;
    const auto answer = parsedOrFail(surgeAnswer(json::array({entry})));
    ASSERT_EQ(answer.rows.size(), 1u);
    EXPECT_EQ(answer.rows[0][2], "-74000");
    EXPECT_EQ(answer.rows[0][5], "-0.67");
    EXPECT_EQ(answer.rows[0][7], "31103523");
}

TEST(RestRankingAnswer, AFieldTheServerLeftOutIsBlank) {
    json entry = samsungExampleRow();
    entry.erase("sdnin_rt");
    const auto answer = parsedOrFail(surgeAnswer(json::array({entry})));
    ASSERT_EQ(answer.rows.size(), 1u);
    EXPECT_EQ(answer.rows[0].back(), "");
}

TEST(RestRankingAnswer, RowsKeepTheServersOrder) {
    json second = samsungExampleRow();
    second["stk_cd"] = "000660";
    const auto answer = parsedOrFail(surgeAnswer(json::array({samsungExampleRow(), second})));
    ASSERT_EQ(answer.rows.size(), 2u);
    EXPECT_EQ(answer.rows[0][0], "005930");
    EXPECT_EQ(answer.rows[1][0], "000660");
}

TEST(RestRankingAnswer, CamelCaseReturnCodeAndMessageAreRead) {
    const auto answer =
        parsedOrFail(R"({"returnCode":1700,"returnMsg":"허용된 요청 개수를 초과하였습니다"})");
    EXPECT_EQ(answer.returnCode, kiwoom_error::kRestThrottled);
    EXPECT_EQ(answer.returnMessage, "허용된 요청 개수를 초과하였습니다");
    EXPECT_TRUE(answer.rows.empty());
}

TEST(RestRankingAnswer, AReturnCodeSentAsDigitsIsRead) {
    EXPECT_EQ(parsedOrFail(R"({"return_code":"8005"})").returnCode, 8005);
}

TEST(RestRankingAnswer, AMissingOrNullListMeansNoRows) {
    EXPECT_TRUE(parsedOrFail(R"({"return_code":0})").rows.empty());
    EXPECT_TRUE(parsedOrFail(R"({"return_code":0,"trde_qty_sdnin":null})").rows.empty());
    EXPECT_TRUE(parsedOrFail(R"({"return_code":0,"trde_qty_sdnin":[]})").rows.empty());
}

TEST(RestRankingAnswer, AListThatIsNotAListIsRefusedNamingIt) {
    std::string error;
    EXPECT_FALSE(
        rest::parseRankingAnswer(surgeRestSpec(), R"({"return_code":0,"trde_qty_sdnin":{}})", error));
    EXPECT_NE(error.find("'trde_qty_sdnin' is not a list"), std::string::npos) << error;
}

TEST(RestRankingAnswer, AnEntryThatIsNotAnObjectIsRefused) {
    std::string error;
    EXPECT_FALSE(rest::parseRankingAnswer(surgeRestSpec(),
                                          surgeAnswer(json::array({samsungExampleRow(), "005930"})), error));
    EXPECT_NE(error.find("not an object"), std::string::npos) << error;
}

TEST(RestRankingAnswer, AnAnswerWithoutAReadableReturnCodeIsRefused) {
    for (const std::string body : {R"({"trde_qty_sdnin":[]})", R"({"return_code":"ok"})",
                                   R"({"return_code":1.5})", R"({"return_code":null})", "[]", "garbage"}) {
        std::string error;
        EXPECT_FALSE(rest::parseRankingAnswer(surgeRestSpec(), body, error)) << body;
        EXPECT_FALSE(error.empty()) << body;
    }
}

} // namespace
} // namespace kiwoomd
