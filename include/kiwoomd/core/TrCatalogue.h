#pragma once
// The one catalogue of Kiwoom TR identifiers: TR codes, Korean input and record names, output
// fields in the order the server documents them. Facts from KOA Studio's TR descriptions as
// collected in shared/kiwoom-openapi.md. Nothing else in the project spells these strings.

#include <string>
#include <string_view>
#include <vector>

namespace kiwoomd::tr {

// opt10023 거래량급증요청 (volume surge ranking)
inline constexpr char kVolumeSurgeTr[] = "opt10023";
inline constexpr char kVolumeSurgeRecord[] = "거래량급증";
// opt10030 당일거래량상위요청 (today's volume ranking)
inline constexpr char kTodayVolumeTr[] = "opt10030";
inline constexpr char kTodayVolumeRecord[] = "당일거래량상위";

namespace input {
inline constexpr char kMarket[] = "시장구분";
inline constexpr char kSortBy[] = "정렬구분";
inline constexpr char kTimeBasis[] = "시간구분";
inline constexpr char kMinVolume[] = "거래량구분";
inline constexpr char kMinutes[] = "시간";
inline constexpr char kIssueCondition[] = "종목조건";
inline constexpr char kPriceBand[] = "가격구분";
inline constexpr char kIncludeManaged[] = "관리종목포함";
inline constexpr char kCreditKind[] = "신용구분";
inline constexpr char kTurnoverBand[] = "거래대금구분";
inline constexpr char kSessionKind[] = "장운영구분";
inline constexpr char kExchange[] = "거래소구분";
} // namespace input

namespace field {
inline constexpr char kCode[] = "종목코드";
inline constexpr char kName[] = "종목명";
inline constexpr char kPrice[] = "현재가";
inline constexpr char kChangeSign[] = "전일대비기호";
inline constexpr char kChange[] = "전일대비";
inline constexpr char kChangeRate[] = "등락률";
inline constexpr char kPrevVolume[] = "이전거래량";
inline constexpr char kVolume[] = "현재거래량";
inline constexpr char kSurgeVolume[] = "급증량";
inline constexpr char kSurgeRate[] = "급증률";
inline constexpr char kTodayVolume[] = "거래량";
inline constexpr char kVolumeVsPrevDay[] = "전일비";
inline constexpr char kTurnoverRatio[] = "거래회전율";
inline constexpr char kTurnover[] = "거래금액";
} // namespace field

// opt10023 시장구분 values.
inline constexpr char kMarketAll[] = "000";
inline constexpr char kMarketKospi[] = "001";
inline constexpr char kMarketKosdaq[] = "101";

// opt10023 거래소구분 values; blank means KRX, as it did before the input existed.
inline constexpr char kExchangeKrx[] = "1";
inline constexpr char kExchangeNxt[] = "2";
inline constexpr char kExchangeCombined[] = "3";

struct InputSpec {
    std::string name;
    std::vector<std::string> allowedValues; // empty: free text; "" listed: blank accepted
    std::string defaultValue;
    std::string meaning;
};

// How a field's text is read (TrValue.h) and what it becomes in a row.
enum class FieldKind {
    Code,          // the row's stock code (and venue)
    Name,          // the row's name
    Price,         // the row's price: the sign is the direction, the value absolute
    DirectionSign, // 전일대비기호 1..5: the row's direction
    Change,        // a signed amount that follows the direction when the server omits its sign
    SignedInteger, // e.g. 급증량
    Rate,          // signed decimal percent, e.g. 등락률
    Volume,        // non-negative integer
};

struct FieldSpec {
    std::string kiwoomName; // as GetCommData names it
    std::string jsonKey;    // as the API names it (a contract: see JsonKeys.h)
    FieldKind kind;

    // A field kept among a row's values (RankingRow::values): not the code, name, price or
    // direction, which every row has as members of their own.
    bool isValue() const {
        return kind != FieldKind::Code && kind != FieldKind::Name && kind != FieldKind::Price &&
               kind != FieldKind::DirectionSign;
    }
};

struct TrSpec {
    std::string code;
    std::string title;
    std::string recordName;
    std::vector<InputSpec> inputs; // in the order SetInputValue must be called
    std::vector<FieldSpec> fields; // multi-record fields in documented order

    std::vector<std::string> fieldNames() const;
};

// The same TR in Kiwoom's REST API (shared/kiwoom-openapi.md, "Kiwoom's REST API"): feeds keep
// their OpenAPI input names, and this maps them to the JSON body and the answer's rows.
struct RestTrSpec {
    std::string trCode;  // the OpenAPI TR it stands for, e.g. "opt10023"
    std::string apiId;   // the api-id header, e.g. "ka10023"
    std::string path;    // e.g. "/api/dostk/rkinfo"
    std::string listKey; // the answer's array of rows, e.g. "trde_qty_sdnin"
    // OpenAPI input name -> body key. An input the feed leaves blank takes the body key's entry
    // in `blankAs`, if any; body keys no OpenAPI input has come from `blankAs` too.
    std::vector<std::pair<std::string, std::string>> inputs;
    std::vector<std::pair<std::string, std::string>> blankAs;
    std::vector<std::string> fields; // the row keys, in the TrSpec's field order
};

const std::vector<TrSpec>& catalogue();
const std::vector<RestTrSpec>& restCatalogue();
const RestTrSpec* findRestTr(std::string_view trCode);
const TrSpec* findTr(std::string_view code);
const InputSpec* findInput(const TrSpec& spec, std::string_view name);
bool isAllowedInput(const InputSpec& spec, std::string_view value);

} // namespace kiwoomd::tr
