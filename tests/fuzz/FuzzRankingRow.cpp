// Fuzzes the row parser (RankingRow.cpp) with one raw row per input:
//   TR|field1|field2|...        e.g. opt10023|005930|삼성전자|+74000|2|+500|+0.68|...
// The TR is a code of the catalogue (an unknown one picks a catalogue entry by its length). No row
// may crash the parser, a parsed row must keep the model's invariants, and the row must survive the
// JSON body of a snapshot and the saved-snapshot reader unchanged.

#include "FuzzCheck.h"

#include "kiwoomd/core/FeedSnapshot.h"
#include "kiwoomd/core/RankingJson.h"
#include "kiwoomd/core/RankingRow.h"
#include "kiwoomd/core/TrCatalogue.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace kiwoomd;

namespace {

std::vector<std::string> splitFields(std::string_view text) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
        const auto bar = text.find('|', start);
        fields.emplace_back(
            text.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
        if (bar == std::string_view::npos) {
            return fields;
        }
        start = bar + 1;
    }
}

bool isValidUtf8(const std::string& text) {
    try {
        (void)nlohmann::json(text).dump();
        return true;
    } catch (const nlohmann::json::type_error&) {
        return false;
    }
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

void checkRow(const tr::TrSpec& spec, const RawRow& raw, const RankingRow& row, int rank) {
    FUZZ_CHECK(row.rank == rank);
    FUZZ_CHECK(row.code.size() == 6);
    FUZZ_CHECK(row.venue.empty() || row.venue == "NXT" || row.venue == "SOR");
    FUZZ_CHECK(!row.name.empty() && trimField(row.name) == row.name);
    FUZZ_CHECK(row.price >= 0);

    // Every field besides code, name, price and sign has one value, in catalogue order; a value is
    // empty exactly when its field is named in invalidFields.
    std::size_t next = 0;
    for (std::size_t i = 0; i < spec.fields.size(); ++i) {
        const auto& field = spec.fields[i];
        if (field.kind == tr::FieldKind::DirectionSign) {
            const bool flagged = contains(row.invalidFields, field.jsonKey);
            const bool present = i < raw.values.size() && !trimField(raw.values[i]).empty();
            FUZZ_CHECK(!flagged || present);
            continue;
        }
        if (field.kind == tr::FieldKind::Code || field.kind == tr::FieldKind::Name ||
            field.kind == tr::FieldKind::Price) {
            continue;
        }
        FUZZ_CHECK(next < row.values.size());
        const RowValue& value = row.values[next++];
        FUZZ_CHECK(value.key == field.jsonKey);
        const bool empty = std::holds_alternative<std::monostate>(value.value);
        FUZZ_CHECK(empty == contains(row.invalidFields, field.jsonKey));
        if (empty) {
            continue;
        }
        switch (field.kind) {
        case tr::FieldKind::Volume:
            FUZZ_CHECK(std::get<std::int64_t>(value.value) >= 0);
            break;
        case tr::FieldKind::Change:
            if (row.direction &&
                (*row.direction == Direction::Down || *row.direction == Direction::LowerLimit)) {
                FUZZ_CHECK(std::get<std::int64_t>(value.value) <= 0);
            }
            break;
        case tr::FieldKind::Rate:
            FUZZ_CHECK(std::holds_alternative<double>(value.value));
            break;
        default:
            FUZZ_CHECK(std::holds_alternative<std::int64_t>(value.value));
            break;
        }
    }
    FUZZ_CHECK(next == row.values.size());
}

// The row as the API serves it, and as the saved-snapshot reader reads it back.
void checkJsonRoundTrip(const tr::TrSpec& spec, const RankingRow& row) {
    FeedSnapshot snapshot;
    snapshot.feedId = "fuzz";
    snapshot.market = "kospi";
    snapshot.trCode = spec.code;
    snapshot.version = 1;
    snapshot.rows.push_back(row);
    const FeedSnapshotPtr frozen = freezeSnapshot(std::move(snapshot));
    const auto body = nlohmann::json::parse(frozen->body, nullptr, false);
    FUZZ_CHECK(!body.is_discarded());
    FUZZ_CHECK(body["row_count"] == 1 && body["data"].size() == 1);

    std::string error;
    const auto back = snapshotFromJson(frozen->body, error);
    FUZZ_CHECK(back.has_value());
    FUZZ_CHECK(back->rows.size() == 1);
    if (isValidUtf8(row.name)) {
        FUZZ_CHECK(back->rows.front() == row);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> fields =
        splitFields(std::string_view(reinterpret_cast<const char*>(data), size));
    const auto& catalogue = tr::catalogue();
    const tr::TrSpec* spec = tr::findTr(fields.front());
    if (!spec) {
        spec = &catalogue[fields.front().size() % catalogue.size()];
    }
    RawRow raw;
    raw.values.assign(fields.begin() + 1, fields.end());
    const int rank = static_cast<int>(size % 400) + 1;

    const RowParseResult result = parseRankingRow(*spec, raw, rank);
    const bool allBlank = std::all_of(raw.values.begin(), raw.values.end(),
                                      [](const std::string& value) { return trimField(value).empty(); });
    FUZZ_CHECK(result.absent == allBlank);
    if (result.absent) {
        FUZZ_CHECK(!result.row && result.problem.empty());
        return 0;
    }
    if (!result.row) {
        FUZZ_CHECK(!result.problem.empty());
        return 0;
    }
    FUZZ_CHECK(result.problem.empty() == result.row->invalidFields.empty());
    checkRow(*spec, raw, *result.row, rank);
    checkJsonRoundTrip(*spec, *result.row);
    return 0;
}
