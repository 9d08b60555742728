#pragma once
// One typed row of a ranking TR (opt10023 and its relatives). Optional members are values the
// server sent but that could not be read; the row says which in invalidFields.

#include "kiwoomd/core/TrValue.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiwoomd {

struct RankingRow {
    int rank = 0; // the server's order, 1-based, across continuation pages
    std::string code;
    std::string venue;
    std::string name;
    std::int64_t price = 0; // absolute; the sign of the raw value is in direction
    std::optional<Direction> direction;
    std::optional<std::int64_t> change; // signed: negative when the price is down
    std::optional<double> changeRate;   // percent, signed
    std::optional<std::int64_t> prevVolume;
    std::optional<std::int64_t> volume;
    std::optional<std::int64_t> surgeVolume; // signed
    std::optional<double> surgeRate;         // percent, signed
    std::vector<std::string> invalidFields;  // JSON names of the fields that were unreadable

    bool operator==(const RankingRow& other) const;
};

// The raw strings of one row, as GetCommData returned them, keyed by the TR's field names.
struct RawRow {
    std::vector<std::string> values; // in the order of TrSpec::fields
};

struct RowParseResult {
    std::optional<RankingRow> row; // empty when the row cannot be used at all
    std::string problem;           // why the row was skipped or which fields were flagged
};

// Reads an opt10023 row (fields in TrSpec order). A row without a readable code, name or price
// is skipped; other unreadable fields are left empty and named in invalidFields.
RowParseResult parseVolumeSurgeRow(const std::vector<std::string>& fields, const RawRow& raw, int rank);

} // namespace kiwoomd
