#include "kiwoomd/core/TrCatalogue.h"

#include <algorithm>

namespace kiwoomd::tr {

namespace {

// Ranking TRs open with the same six fields: code, name, price, sign, change and change rate.
std::vector<FieldSpec> rankingFields(std::vector<FieldSpec> rest) {
    std::vector<FieldSpec> fields = {
        {field::kCode, "code", FieldKind::Code},
        {field::kName, "name", FieldKind::Name},
        {field::kPrice, "price", FieldKind::Price},
        {field::kChangeSign, "direction", FieldKind::DirectionSign},
        {field::kChange, "change", FieldKind::Change},
        {field::kChangeRate, "change_rate", FieldKind::Rate},
    };
    fields.insert(fields.end(), rest.begin(), rest.end());
    return fields;
}

} // namespace

const std::vector<TrSpec>& catalogue() {
    static const std::vector<TrSpec> specs = {
        TrSpec{
            kVolumeSurgeTr,
            "거래량급증요청",
            kVolumeSurgeRecord,
            {
                {input::kMarket,
                 {kMarketAll, kMarketKospi, kMarketKosdaq},
                 kMarketKospi,
                 "000 all, 001 KOSPI, 101 KOSDAQ"},
                {input::kSortBy,
                 {"1", "2", "3", "4"},
                 "1",
                 "1 surge amount, 2 surge rate, 3 drop amount, 4 drop rate"},
                {input::kTimeBasis, {"1", "2"}, "2", "1 against N minutes ago, 2 against the previous day"},
                {input::kMinVolume,
                 {"5", "10", "50", "100", "200", "300", "500", "1000"},
                 "5",
                 "minimum volume in thousands of shares"},
                // 2 characters wide: 1-99 (KOA's field length; ConfigLoader checks it).
                {input::kMinutes, {}, "", "minutes (1-99), used when 시간구분 is 1"},
                // The current KOA/REST value set; newer servers added 3, 4, 11..18 and 20.
                {input::kIssueCondition,
                 {"0", "1", "3", "4", "5", "6", "7", "8", "9", "11", "12", "13", "14", "15", "16", "17", "18",
                  "20"},
                 "0",
                 "0 all, 1 no administrative issues, 3 no preferred shares, 4 no administrative or "
                 "preferred, "
                 "5 no 100% margin, 6..9 margin groups, 11..18 further exclusions (14 no ETF), "
                 "20 no ETF, ETN or SPAC"},
                {input::kPriceBand,
                 {"0", "2", "5", "6", "8", "9"},
                 "0",
                 "0 all, 2 >= 50,000, 5 >= 10,000, 6 >= 5,000, 8 >= 1,000, 9 >= 100,000 KRW"},
                // Last in KOA's input order. Blank is KRX, what a request got before the input
                // existed, so blank stays the default: a feed asks for what it asked before, and
                // recordings made without the input still replay (ReplayControl ignores blanks).
                {input::kExchange,
                 {"", kExchangeKrx, kExchangeNxt, kExchangeCombined},
                 "",
                 "1 KRX, 2 NXT, 3 combined; blank KRX"},
            },
            rankingFields({
                {field::kPrevVolume, "prev_volume", FieldKind::Volume},
                {field::kVolume, "volume", FieldKind::Volume},
                {field::kSurgeVolume, "surge_volume", FieldKind::SignedInteger},
                {field::kSurgeRate, "surge_rate", FieldKind::Rate},
            }),
        },
        TrSpec{
            kTodayVolumeTr,
            "당일거래량상위요청",
            kTodayVolumeRecord,
            {
                {input::kMarket,
                 {kMarketAll, kMarketKospi, kMarketKosdaq},
                 kMarketKospi,
                 "000 all, 001 KOSPI, 101 KOSDAQ"},
                // Only 시장구분 is pinned by shared/kiwoom-openapi.md; the other inputs' value sets are
                // not verified yet, so they pass through as the user configures them.
                {input::kSortBy, {}, "1", "1 volume, 2 turnover ratio, 3 turnover"},
                {input::kIncludeManaged, {}, "0", "administrative issues filter"},
                {input::kCreditKind, {}, "0", "margin filter"},
                {input::kMinVolume, {}, "0", "minimum volume band"},
                {input::kPriceBand, {}, "0", "price band"},
                {input::kTurnoverBand, {}, "0", "turnover band"},
                {input::kSessionKind, {}, "0", "session filter"},
            },
            rankingFields({
                {field::kTodayVolume, "volume", FieldKind::Volume},
                // 전일비: today's volume as a percentage of the previous day's.
                {field::kVolumeVsPrevDay, "volume_vs_prev_day", FieldKind::Rate},
                {field::kTurnoverRatio, "turnover_ratio", FieldKind::Rate},
                // 거래금액 in millions of KRW.
                {field::kTurnover, "turnover_million_krw", FieldKind::Volume},
            }),
        },
    };
    return specs;
}

const std::vector<RestTrSpec>& restCatalogue() {
    // The ranking fields open alike in both: code, name, price, sign, change, change rate.
    static const std::vector<std::string> opening = {"stk_cd",       "stk_nm",   "cur_prc",
                                                     "pred_pre_sig", "pred_pre", "flu_rt"};
    const auto fields = [](std::vector<std::string> rest) {
        std::vector<std::string> all = opening;
        all.insert(all.end(), rest.begin(), rest.end());
        return all;
    };
    static const std::vector<RestTrSpec> specs = {
        RestTrSpec{
            kVolumeSurgeTr,
            "ka10023",
            "/api/dostk/rkinfo",
            "trde_qty_sdnin",
            {{input::kMarket, "mrkt_tp"},
             {input::kSortBy, "sort_tp"},
             {input::kTimeBasis, "tm_tp"},
             {input::kMinVolume, "trde_qty_tp"},
             {input::kMinutes, "tm"},
             {input::kIssueCondition, "stk_cnd"},
             {input::kPriceBand, "pric_tp"},
             {input::kExchange, "stex_tp"}},
            // 거래소구분 blank means KRX in the OpenAPI; the REST body wants the value itself.
            {{"stex_tp", kExchangeKrx}},
            fields({"prev_trde_qty", "now_trde_qty", "sdnin_qty", "sdnin_rt"}),
        },
        RestTrSpec{
            kTodayVolumeTr,
            "ka10030",
            "/api/dostk/rkinfo",
            "tdy_trde_qty_upper",
            {{input::kMarket, "mrkt_tp"},
             {input::kSortBy, "sort_tp"},
             {input::kIncludeManaged, "mang_stk_incls"},
             {input::kCreditKind, "crd_tp"},
             {input::kMinVolume, "trde_qty_tp"},
             {input::kPriceBand, "pric_tp"},
             {input::kTurnoverBand, "trde_prica_tp"},
             {input::kSessionKind, "mrkt_open_tp"}},
            // opt10030 has no 거래소구분 input; the REST body does.
            {{"stex_tp", kExchangeKrx}},
            fields({"trde_qty", "pred_rt", "trde_tern_rt", "trde_amt"}),
        },
    };
    return specs;
}

const RestTrSpec* findRestTr(std::string_view trCode) {
    const auto& specs = restCatalogue();
    const auto it =
        std::find_if(specs.begin(), specs.end(), [&](const RestTrSpec& s) { return s.trCode == trCode; });
    return it == specs.end() ? nullptr : &*it;
}

std::vector<std::string> TrSpec::fieldNames() const {
    std::vector<std::string> names;
    for (const auto& f : fields) {
        names.push_back(f.kiwoomName);
    }
    return names;
}

const TrSpec* findTr(std::string_view code) {
    const auto& specs = catalogue();
    const auto it = std::find_if(specs.begin(), specs.end(), [&](const TrSpec& s) { return s.code == code; });
    return it == specs.end() ? nullptr : &*it;
}

const InputSpec* findInput(const TrSpec& spec, std::string_view name) {
    const auto it = std::find_if(spec.inputs.begin(), spec.inputs.end(),
                                 [&](const InputSpec& i) { return i.name == name; });
    return it == spec.inputs.end() ? nullptr : &*it;
}

bool isAllowedInput(const InputSpec& spec, std::string_view value) {
    if (spec.allowedValues.empty()) {
        return true;
    }
    return std::find(spec.allowedValues.begin(), spec.allowedValues.end(), value) != spec.allowedValues.end();
}

} // namespace kiwoomd::tr
