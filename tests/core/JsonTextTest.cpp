// The direct JSON writer against nlohmann's dump(), which it must match byte for byte: the saved
// snapshots, the ETags and every client see one text whichever way it was made.
#include "kiwoomd/core/JsonText.h"
#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/core/RankingJson.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

namespace kiwoomd {
namespace {

template <typename Json> std::string dumped(const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string viaNlohmann(const nlohmann::json& value) {
    return dumped(value);
}

std::string written(const std::string& text) {
    std::string out;
    json_text::appendString(out, text);
    return out;
}

TEST(JsonText, StringsAreEscapedAsNlohmannDoes) {
    for (const std::string& text :
         {std::string("삼성전자"), std::string("a\"b\\c"), std::string("tab\there\nnew\r\f\b"),
          std::string("\x01\x1f\x7f", 3), std::string("\0x", 2), std::string("A005930_NX")}) {
        EXPECT_EQ(written(text), viaNlohmann(text)) << text;
    }
}

TEST(JsonText, InvalidUtf8IsReplacedExactlyAsNlohmannReplacesIt) {
    for (const std::string& text :
         {std::string("\xff"), std::string("ab\xc3"), std::string("\xc3("), std::string("\xe0\x80\xaf"),
          std::string("\xed\xa0\x80"), std::string("\xf4\x90\x80\x80"), std::string("\xe2\x82"),
          std::string("\xc0\xaf"), std::string("\x80\x80삼")}) {
        EXPECT_EQ(written(text), viaNlohmann(text))
            << nlohmann::json(text).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace);
    }
}

TEST(JsonText, RandomBytesAreWrittenAsNlohmannWritesThem) {
    std::mt19937_64 random(20261125);
    for (int round = 0; round < 20000; ++round) {
        std::string text(random() % 12, '\0');
        for (auto& c : text) {
            const auto pick = random() % 4;
            // Mostly the bytes that matter: UTF-8 leads and continuations, controls, quotes.
            c = static_cast<char>(pick == 0   ? random() % 256
                                  : pick == 1 ? 0x80 + random() % 64
                                  : pick == 2 ? 0xC0 + random() % 64
                                              : random() % 128);
        }
        ASSERT_EQ(written(text), viaNlohmann(text)) << round;
    }
}

TEST(JsonText, NumbersAreFormattedAsNlohmannFormatsThem) {
    std::mt19937_64 random(7);
    std::uniform_real_distribution<double> rates(-30.0, 5000.0);
    std::vector<double> values = {0.0,    -0.0, 1.0,   -1.22,   0.1,           3.57,
                                  1842.0, 1e-7, 1e300, -5e-324, 123456789012.5};
    for (int i = 0; i < 5000; ++i) {
        values.push_back(std::round(rates(random) * 100) / 100); // rates as the control sends them
        values.push_back(
            std::ldexp(static_cast<double>(random() % 1000000), static_cast<int>(random() % 200) - 100));
    }
    for (const double value : values) {
        std::string out;
        json_text::appendDouble(out, value);
        ASSERT_EQ(out, viaNlohmann(value)) << value;
    }
    std::string out;
    json_text::appendDouble(out, std::numeric_limits<double>::quiet_NaN());
    EXPECT_EQ(out, "null");
    for (const std::int64_t value :
         {std::int64_t{0}, std::int64_t{-1}, std::numeric_limits<std::int64_t>::min(),
          std::numeric_limits<std::int64_t>::max()}) {
        out.clear();
        json_text::appendInteger(out, value);
        EXPECT_EQ(out, viaNlohmann(value));
    }
}

TEST(JsonText, ARankingBodyIsTheSameTextAsTheJsonTreeDumps) {
    std::mt19937_64 random(99);
    for (const char* tr : {"opt10023", "opt10030", "opt99999"}) {
        FeedSnapshot snapshot;
        snapshot.feedId = "kospi";
        snapshot.market = "kospi";
        snapshot.trCode = tr;
        snapshot.version = 42;
        snapshot.fetchedAt = fromKst(2026, 11, 25, 9, 14, 12);
        snapshot.marketOpen = true;
        for (int i = 0; i < 50; ++i) {
            RankingRow row;
            row.rank = i + 1;
            row.code = i % 7 == 0 ? "005930" : "99" + std::to_string(1000 + i);
            row.venue = i % 9 == 0 ? "NXT" : "";
            row.name = i % 11 == 0 ? std::string("깨진\xed\xa0") : "가상코스피" + std::to_string(i);
            row.price = static_cast<std::int64_t>(random() % 500000);
            if (i % 5 != 0) {
                row.direction = static_cast<Direction>(random() % 5);
            }
            for (const auto& field : tr::findTr("opt10023")->fields) {
                if (i % 13 == 0) {
                    row.invalidFields.push_back(field.jsonKey);
                    continue; // unreadable: absent, so null
                }
                row.values.push_back({field.jsonKey, random() % 2
                                                         ? FieldNumber{std::int64_t(random() % 100000) - 5000}
                                                         : FieldNumber{double(random() % 100000) / 100}});
            }
            snapshot.rows.push_back(row);
        }
        EXPECT_EQ(snapshotBody(snapshot), dumped(snapshotToJson(snapshot))) << tr;
        snapshot.fetchedAt.reset();
        snapshot.rows.clear();
        EXPECT_EQ(snapshotBody(snapshot), dumped(snapshotToJson(snapshot))) << tr << ", empty";
    }
}

} // namespace
} // namespace kiwoomd
