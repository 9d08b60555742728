#include "kiwoomd/core/RankingJson.h"

#include "kiwoomd/core/JsonInteger.h"
#include "kiwoomd/core/JsonKeys.h"
#include "kiwoomd/core/JsonText.h"
#include "kiwoomd/core/KstTime.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <type_traits>

namespace kiwoomd {

nlohmann::ordered_json rankingRowToJson(const RankingRow& row, const tr::TrSpec* spec) {
    nlohmann::ordered_json out = {
        {json::kRank, row.rank},
        {json::kCode, row.code},
        {json::kName, row.name},
        {json::kPrice, row.price},
        {json::kDirection, row.direction ? nlohmann::ordered_json(std::string(directionName(*row.direction)))
                                         : nlohmann::ordered_json(nullptr)},
    };
    auto write = [&out](const std::string& key, const FieldNumber& value) {
        if (const auto* i = std::get_if<std::int64_t>(&value)) {
            out[key] = *i;
        } else if (const auto* d = std::get_if<double>(&value)) {
            out[key] = *d;
        } else {
            out[key] = nullptr;
        }
    };
    if (spec) {
        for (const auto& field : spec->fields) {
            if (!field.isValue()) {
                continue;
            }
            const auto it = std::find_if(row.values.begin(), row.values.end(),
                                         [&](const RowValue& v) { return v.key == field.jsonKey; });
            write(field.jsonKey, it == row.values.end() ? FieldNumber{} : it->value);
        }
    } else {
        for (const auto& value : row.values) {
            write(value.key, value.value);
        }
    }
    if (!row.venue.empty()) {
        out[json::kVenue] = row.venue;
    }
    if (!row.invalidFields.empty()) {
        out[json::kInvalidFields] = row.invalidFields;
    }
    return out;
}

nlohmann::ordered_json snapshotToJson(const FeedSnapshot& snapshot) {
    const tr::TrSpec* spec = tr::findTr(snapshot.trCode);
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& row : snapshot.rows) {
        rows.push_back(rankingRowToJson(row, spec));
    }
    return {
        {json::kFeed, snapshot.feedId},
        {json::kMarket, snapshot.market},
        {json::kTr, snapshot.trCode},
        {json::kRowCount, snapshot.rows.size()},
        {json::kLastUpdate, snapshot.fetchedAt ? nlohmann::ordered_json(toKstIso8601(*snapshot.fetchedAt))
                                               : nlohmann::ordered_json(nullptr)},
        {json::kMarketOpen, snapshot.marketOpen},
        {json::kStale, snapshot.stale},
        {json::kVersion, snapshot.version},
        {json::kData, std::move(rows)},
    };
}

namespace {

void appendValue(std::string& out, const FieldNumber& value) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) {
        json_text::appendInteger(out, *i);
    } else if (const auto* d = std::get_if<double>(&value)) {
        json_text::appendDouble(out, *d);
    } else {
        out += "null";
    }
}

// The TR's value fields with their keys already quoted, made once per body, not once per row.
struct ValueField {
    std::string key; // "key":
    std::string jsonKey;
};

std::vector<ValueField> valueFieldsOf(const tr::TrSpec& spec) {
    std::vector<ValueField> fields;
    for (const auto& field : spec.fields) {
        if (!field.isValue()) {
            continue;
        }
        std::string key = ",";
        json_text::appendKey(key, field.jsonKey);
        fields.push_back({std::move(key), field.jsonKey});
    }
    return fields;
}

// `separator` then "key": for the keys every row has, made once.
std::string keyText(const char* separator, const char* key) {
    std::string text = separator;
    json_text::appendKey(text, key);
    return text;
}

void appendRow(std::string& out, const RankingRow& row, const std::vector<ValueField>& fields) {
    static const std::string kRank = keyText("{", json::kRank);
    static const std::string kCode = keyText(",", json::kCode);
    static const std::string kName = keyText(",", json::kName);
    static const std::string kPrice = keyText(",", json::kPrice);
    static const std::string kDirectionKey = keyText(",", json::kDirection);
    out += kRank;
    json_text::appendInteger(out, row.rank);
    out += kCode;
    json_text::appendString(out, row.code);
    out += kName;
    json_text::appendString(out, row.name);
    out += kPrice;
    json_text::appendInteger(out, row.price);
    out += kDirectionKey;
    if (row.direction) {
        json_text::appendString(out, directionName(*row.direction));
    } else {
        out += "null";
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
        out += fields[i].key;
        // Rows keep their values in catalogue order, so the i-th value is usually the one.
        const RowValue* value =
            i < row.values.size() && row.values[i].key == fields[i].jsonKey ? &row.values[i] : nullptr;
        if (!value) {
            const auto it = std::find_if(row.values.begin(), row.values.end(),
                                         [&](const RowValue& v) { return v.key == fields[i].jsonKey; });
            value = it == row.values.end() ? nullptr : &*it;
        }
        appendValue(out, value ? value->value : FieldNumber{});
    }
    if (!row.venue.empty()) {
        out += ',';
        json_text::appendKey(out, json::kVenue);
        json_text::appendString(out, row.venue);
    }
    if (!row.invalidFields.empty()) {
        out += ',';
        json_text::appendKey(out, json::kInvalidFields);
        out += '[';
        for (std::size_t i = 0; i < row.invalidFields.size(); ++i) {
            if (i > 0) {
                out += ',';
            }
            json_text::appendString(out, row.invalidFields[i]);
        }
        out += ']';
    }
    out += '}';
}

} // namespace

std::string snapshotBody(const FeedSnapshot& snapshot) {
    const tr::TrSpec* spec = tr::findTr(snapshot.trCode);
    if (!spec) {
        // A TR outside the catalogue (not served, but possible in a damaged saved file): the
        // general form, which writes whatever values the rows have.
        return snapshotToJson(snapshot).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    std::string out;
    out.reserve(256 + snapshot.rows.size() * 320);
    out += '{';
    json_text::appendKey(out, json::kFeed);
    json_text::appendString(out, snapshot.feedId);
    out += ',';
    json_text::appendKey(out, json::kMarket);
    json_text::appendString(out, snapshot.market);
    out += ',';
    json_text::appendKey(out, json::kTr);
    json_text::appendString(out, snapshot.trCode);
    out += ',';
    json_text::appendKey(out, json::kRowCount);
    json_text::appendUnsigned(out, snapshot.rows.size());
    out += ',';
    json_text::appendKey(out, json::kLastUpdate);
    if (snapshot.fetchedAt) {
        json_text::appendString(out, toKstIso8601(*snapshot.fetchedAt));
    } else {
        out += "null";
    }
    out += ',';
    json_text::appendKey(out, json::kMarketOpen);
    out += snapshot.marketOpen ? "true" : "false";
    out += ',';
    json_text::appendKey(out, json::kStale);
    out += snapshot.stale ? "true" : "false";
    out += ',';
    json_text::appendKey(out, json::kVersion);
    json_text::appendUnsigned(out, snapshot.version);
    out += ',';
    json_text::appendKey(out, json::kData);
    out += '[';
    const std::vector<ValueField> fields = valueFieldsOf(*spec);
    for (std::size_t i = 0; i < snapshot.rows.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        appendRow(out, snapshot.rows[i], fields);
    }
    out += "]}";
    return out;
}

} // namespace kiwoomd

namespace kiwoomd {
namespace {

class SnapshotReadError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

const nlohmann::json& member(const nlohmann::json& object, const char* key) {
    if (!object.is_object() || !object.contains(key)) {
        throw SnapshotReadError(std::string("missing \"") + key + "\"");
    }
    return object.at(key);
}

template <typename T> std::optional<T> optionalMember(const nlohmann::json& object, const char* key) {
    const auto& value = member(object, key);
    if (value.is_null()) {
        return std::nullopt;
    }
    return value.get<T>();
}

// A JSON integer within T's range and not below `min` (JsonInteger.h), or a SnapshotReadError.
template <typename T>
T integerValue(const nlohmann::json& value, const std::string& key, T min = std::numeric_limits<T>::min()) {
    const std::optional<T> result = jsonInteger<T>(value, min);
    if (!result) {
        throw SnapshotReadError("\"" + key +
                                (value.is_number_integer() ? "\" is out of range: " + value.dump()
                                                           : std::string("\" is not an integer")));
    }
    return *result;
}

std::optional<Direction> directionFromName(const std::string& name) {
    for (const auto d : {Direction::UpperLimit, Direction::Up, Direction::Unchanged, Direction::LowerLimit,
                         Direction::Down}) {
        if (directionName(d) == name) {
            return d;
        }
    }
    throw SnapshotReadError("unknown direction \"" + name + "\"");
}

} // namespace

std::optional<FeedSnapshot> snapshotFromJson(const std::string& text, std::string& error) {
    try {
        const auto json = nlohmann::json::parse(text);
        FeedSnapshot snapshot;
        snapshot.feedId = member(json, json::kFeed).get<std::string>();
        snapshot.market = member(json, json::kMarket).get<std::string>();
        snapshot.trCode = member(json, json::kTr).get<std::string>();
        snapshot.version = integerValue<std::uint64_t>(member(json, json::kVersion), json::kVersion);
        snapshot.marketOpen = member(json, json::kMarketOpen).get<bool>();
        snapshot.stale = member(json, json::kStale).get<bool>();
        if (const auto updated = optionalMember<std::string>(json, json::kLastUpdate)) {
            snapshot.fetchedAt = parseKstIso8601(*updated);
            if (!snapshot.fetchedAt) {
                throw SnapshotReadError("unreadable last_update \"" + *updated + "\"");
            }
        }
        const auto& data = member(json, json::kData);
        if (!data.is_array()) {
            throw SnapshotReadError("\"data\" is not an array");
        }
        for (const auto& item : data) {
            RankingRow row;
            row.rank = integerValue<int>(member(item, json::kRank), json::kRank, 1);
            row.code = member(item, json::kCode).get<std::string>();
            row.name = member(item, json::kName).get<std::string>();
            row.price = integerValue<std::int64_t>(member(item, json::kPrice), json::kPrice, 0); // absolute
            if (const auto direction = optionalMember<std::string>(item, json::kDirection)) {
                row.direction = directionFromName(*direction);
            }
            const tr::TrSpec* spec = tr::findTr(snapshot.trCode);
            if (!spec) {
                throw SnapshotReadError("unknown TR \"" + snapshot.trCode + "\"");
            }
            for (const auto& field : spec->fields) {
                if (!field.isValue()) {
                    continue;
                }
                const auto& value = member(item, field.jsonKey.c_str());
                if (value.is_null()) {
                    row.values.push_back({field.jsonKey, FieldNumber{}});
                } else if (field.kind == tr::FieldKind::Rate) {
                    row.values.push_back({field.jsonKey, value.get<double>()});
                } else {
                    row.values.push_back({field.jsonKey, integerValue<std::int64_t>(value, field.jsonKey)});
                }
            }
            if (item.contains(json::kVenue)) {
                row.venue = item.at(json::kVenue).get<std::string>();
            }
            if (item.contains(json::kInvalidFields)) {
                row.invalidFields = item.at(json::kInvalidFields).get<std::vector<std::string>>();
            }
            snapshot.rows.push_back(std::move(row));
        }
        if (integerValue<std::size_t>(member(json, json::kRowCount), json::kRowCount) !=
            snapshot.rows.size()) {
            throw SnapshotReadError("row_count does not match the rows (truncated?)");
        }
        return snapshot;
    } catch (const std::exception& e) {
        error = e.what();
        return std::nullopt;
    }
}

} // namespace kiwoomd
