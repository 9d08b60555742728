#include "kiwoomd/core/RankingRow.h"

#include "kiwoomd/core/JsonKeys.h"
#include "kiwoomd/core/TrCatalogue.h"

#include <algorithm>

namespace kiwoomd {
namespace {

class FieldReader {
public:
    FieldReader(const std::vector<std::string>& fields, const RawRow& raw)
        : m_fields(fields)
        , m_raw(raw) {}

    // The raw value of a field, or nullopt when the TR layout or the row lacks it.
    std::optional<std::string_view> get(std::string_view fieldName) const {
        const auto it = std::find(m_fields.begin(), m_fields.end(), fieldName);
        if (it == m_fields.end()) {
            return std::nullopt;
        }
        const auto index = static_cast<std::size_t>(it - m_fields.begin());
        if (index >= m_raw.values.size()) {
            return std::nullopt;
        }
        return std::string_view(m_raw.values[index]);
    }

private:
    const std::vector<std::string>& m_fields;
    const RawRow& m_raw;
};

template <typename T, typename Parser>
std::optional<T> readOptional(const FieldReader& reader, std::string_view fieldName, const char* jsonName,
                              Parser parse, std::vector<std::string>& invalid) {
    const auto raw = reader.get(fieldName);
    if (!raw) {
        invalid.emplace_back(jsonName);
        return std::nullopt;
    }
    auto value = parse(*raw);
    if (!value) {
        invalid.emplace_back(jsonName);
    }
    return value;
}

std::string quoted(std::optional<std::string_view> raw) {
    return raw ? "'" + std::string(*raw) + "'" : std::string("(missing)");
}

} // namespace

bool RankingRow::operator==(const RankingRow& o) const {
    return rank == o.rank && code == o.code && venue == o.venue && name == o.name && price == o.price &&
           direction == o.direction && change == o.change && changeRate == o.changeRate &&
           prevVolume == o.prevVolume && volume == o.volume && surgeVolume == o.surgeVolume &&
           surgeRate == o.surgeRate && invalidFields == o.invalidFields;
}

RowParseResult parseVolumeSurgeRow(const std::vector<std::string>& fields, const RawRow& raw, int rank) {
    const FieldReader reader(fields, raw);
    RowParseResult result;

    const auto rawCode = reader.get(tr::field::kCode);
    const auto code = rawCode ? parseStockCode(*rawCode) : std::nullopt;
    if (!code) {
        result.problem = "unreadable stock code " + quoted(rawCode);
        return result;
    }
    const auto rawName = reader.get(tr::field::kName);
    const std::string_view name = rawName ? trimField(*rawName) : std::string_view{};
    if (name.empty()) {
        result.problem = code->code + ": empty name";
        return result;
    }
    const auto rawPrice = reader.get(tr::field::kPrice);
    const auto price = rawPrice ? parseSignedPrice(*rawPrice) : std::nullopt;
    if (!price) {
        result.problem = code->code + ": unreadable price " + quoted(rawPrice);
        return result;
    }

    RankingRow row;
    row.rank = rank;
    row.code = code->code;
    row.venue = code->venue;
    row.name = std::string(name);
    row.price = price->absolute;

    auto& invalid = row.invalidFields;
    const auto signField = reader.get(tr::field::kChangeSign);
    const auto sign = signField ? parseDirectionSign(*signField) : std::nullopt;
    if (!sign && signField && !trimField(*signField).empty()) {
        invalid.emplace_back(json::kDirection);
    }
    row.direction = resolveDirection(sign, price->sign);

    row.change =
        readOptional<std::int64_t>(reader, tr::field::kChange, json::kChange, parseSignedInteger, invalid);
    // The change field's own sign can be missing on some builds; the direction decides then.
    if (row.change && *row.change > 0 && row.direction &&
        (*row.direction == Direction::Down || *row.direction == Direction::LowerLimit)) {
        row.change = -*row.change;
    }
    row.changeRate =
        readOptional<double>(reader, tr::field::kChangeRate, json::kChangeRate, parseRate, invalid);
    row.prevVolume =
        readOptional<std::int64_t>(reader, tr::field::kPrevVolume, json::kPrevVolume, parseVolume, invalid);
    row.volume = readOptional<std::int64_t>(reader, tr::field::kVolume, json::kVolume, parseVolume, invalid);
    row.surgeVolume = readOptional<std::int64_t>(reader, tr::field::kSurgeVolume, json::kSurgeVolume,
                                                 parseSignedInteger, invalid);
    row.surgeRate = readOptional<double>(reader, tr::field::kSurgeRate, json::kSurgeRate, parseRate, invalid);

    if (!invalid.empty()) {
        result.problem = row.code + ": unreadable";
        for (const auto& f : invalid) {
            result.problem += " " + f;
        }
    }
    result.row = std::move(row);
    return result;
}

} // namespace kiwoomd
