#pragma once
// One typed row of a ranking TR (opt10023, opt10030, ... as the TR catalogue describes them).
// Every row has a rank, a code, a name, an absolute price and a direction; the TR's other fields
// follow as named values. A value the server sent but that could not be read is empty and named
// in invalidFields.

#include "kiwoomd/core/TrCatalogue.h"
#include "kiwoomd/core/TrValue.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kiwoomd {

// Empty (unreadable), an integer, or a decimal.
using FieldNumber = std::variant<std::monostate, std::int64_t, double>;

struct RowValue {
    std::string key; // the field's JSON key from the catalogue
    FieldNumber value;

    bool operator==(const RowValue& other) const { return key == other.key && value == other.value; }
};

struct RankingRow {
    int rank = 0; // the server's order, 1-based, across continuation pages
    std::string code;
    std::string venue;
    std::string name;
    std::int64_t price = 0; // absolute; the sign of the raw value is in direction
    std::optional<Direction> direction;
    std::vector<RowValue> values;           // the TR's other fields, in catalogue order
    std::vector<std::string> invalidFields; // JSON keys of the fields that were unreadable

    std::optional<std::int64_t> integer(std::string_view key) const;
    std::optional<double> number(std::string_view key) const; // integers too
    void set(const std::string& key, FieldNumber value);

    bool operator==(const RankingRow& other) const;
};

// The raw strings of one row, as GetCommData returned them, in the order of TrSpec::fields.
struct RawRow {
    std::vector<std::string> values;
};

struct RowParseResult {
    std::optional<RankingRow> row; // empty when the row cannot be used at all
    std::string problem;           // why the row was skipped or which fields were flagged
    // Every field blank: no row at all, not an unreadable one. The server pads some pages with
    // such rows; they take no rank and are not counted as skipped.
    bool absent = false;
};

// Reads one row of `spec`'s multi record. A row whose fields are all blank is absent; a row
// without a readable code, name or price is skipped; other unreadable fields are left empty and
// named in invalidFields.
RowParseResult parseRankingRow(const tr::TrSpec& spec, const RawRow& raw, int rank);

} // namespace kiwoomd
