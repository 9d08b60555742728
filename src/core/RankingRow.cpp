#include "kiwoomd/core/RankingRow.h"

#include <algorithm>

namespace kiwoomd {
namespace {

std::string quoted(const std::string* raw) {
    return raw ? "'" + *raw + "'" : std::string("(missing)");
}

FieldNumber readNumber(tr::FieldKind kind, std::string_view raw) {
    switch (kind) {
    case tr::FieldKind::Change:
    case tr::FieldKind::SignedInteger:
        if (const auto v = parseSignedInteger(raw)) {
            return *v;
        }
        return {};
    case tr::FieldKind::Volume:
        if (const auto v = parseVolume(raw)) {
            return *v;
        }
        return {};
    case tr::FieldKind::Rate:
        if (const auto v = parseRate(raw)) {
            return *v;
        }
        return {};
    default:
        return {};
    }
}

bool isDown(const std::optional<Direction>& d) {
    return d && (*d == Direction::Down || *d == Direction::LowerLimit);
}

} // namespace

std::optional<std::int64_t> RankingRow::integer(std::string_view key) const {
    for (const auto& v : values) {
        if (v.key == key) {
            if (const auto* i = std::get_if<std::int64_t>(&v.value)) {
                return *i;
            }
            return std::nullopt;
        }
    }
    return std::nullopt;
}

std::optional<double> RankingRow::number(std::string_view key) const {
    for (const auto& v : values) {
        if (v.key == key) {
            if (const auto* i = std::get_if<std::int64_t>(&v.value)) {
                return static_cast<double>(*i);
            }
            if (const auto* d = std::get_if<double>(&v.value)) {
                return *d;
            }
            return std::nullopt;
        }
    }
    return std::nullopt;
}

void RankingRow::set(const std::string& key, FieldNumber value) {
    for (auto& v : values) {
        if (v.key == key) {
            v.value = value;
            return;
        }
    }
    values.push_back({key, value});
}

bool RankingRow::operator==(const RankingRow& o) const {
    if (!(rank == o.rank && code == o.code && venue == o.venue && name == o.name && price == o.price &&
          direction == o.direction && invalidFields == o.invalidFields)) {
        return false;
    }
    // A value that is absent and one that is empty mean the same: nothing readable.
    auto valueOf = [](const RankingRow& row, const std::string& key) {
        for (const auto& v : row.values) {
            if (v.key == key) {
                return v.value;
            }
        }
        return FieldNumber{};
    };
    for (const auto& v : values) {
        if (valueOf(o, v.key) != v.value) {
            return false;
        }
    }
    for (const auto& v : o.values) {
        if (valueOf(*this, v.key) != v.value) {
            return false;
        }
    }
    return true;
}

RowParseResult parseRankingRow(const tr::TrSpec& spec, const RawRow& raw, int rank) {
    RowParseResult result;
    if (std::all_of(raw.values.begin(), raw.values.end(),
                    [](const std::string& value) { return trimField(value).empty(); })) {
        result.absent = true;
        return result;
    }
    auto rawOf = [&](tr::FieldKind kind) -> const std::string* {
        for (std::size_t i = 0; i < spec.fields.size(); ++i) {
            if (spec.fields[i].kind == kind) {
                return i < raw.values.size() ? &raw.values[i] : nullptr;
            }
        }
        return nullptr;
    };

    const std::string* rawCode = rawOf(tr::FieldKind::Code);
    const auto code = rawCode ? parseStockCode(*rawCode) : std::nullopt;
    if (!code) {
        result.problem = "unreadable stock code " + quoted(rawCode);
        return result;
    }
    const std::string* rawName = rawOf(tr::FieldKind::Name);
    const std::string_view name = rawName ? trimField(*rawName) : std::string_view{};
    if (name.empty()) {
        result.problem = code->code + ": empty name";
        return result;
    }
    const std::string* rawPrice = rawOf(tr::FieldKind::Price);
    const auto price = rawPrice ? parseSignedPrice(*rawPrice) : std::nullopt;
    if (!price) {
        result.problem = code->code + ": unreadable price " + quoted(rawPrice);
        return result;
    }

    RankingRow row;
    row.values.reserve(spec.fields.size());
    row.rank = rank;
    row.code = code->code;
    row.venue = code->venue;
    row.name = std::string(name);
    row.price = price->absolute;

    std::optional<Direction> sign;
    for (std::size_t i = 0; i < spec.fields.size(); ++i) {
        if (spec.fields[i].kind == tr::FieldKind::DirectionSign) {
            const std::string* rawSign = i < raw.values.size() ? &raw.values[i] : nullptr;
            sign = rawSign ? parseDirectionSign(*rawSign) : std::nullopt;
            if (!sign && rawSign && !trimField(*rawSign).empty()) {
                row.invalidFields.push_back(spec.fields[i].jsonKey);
            }
        }
    }
    row.direction = resolveDirection(sign, price->sign);

    for (std::size_t i = 0; i < spec.fields.size(); ++i) {
        const auto& field = spec.fields[i];
        if (!field.isValue()) {
            continue;
        }
        FieldNumber value = i < raw.values.size() ? readNumber(field.kind, raw.values[i]) : FieldNumber{};
        if (std::holds_alternative<std::monostate>(value)) {
            row.invalidFields.push_back(field.jsonKey);
        } else if (field.kind == tr::FieldKind::Change && isDown(row.direction)) {
            // Some builds send the change without its sign; the direction decides then.
            auto& amount = std::get<std::int64_t>(value);
            amount = amount > 0 ? -amount : amount;
        }
        row.values.push_back({field.jsonKey, value});
    }

    if (!row.invalidFields.empty()) {
        result.problem = row.code + ": unreadable";
        for (const auto& f : row.invalidFields) {
            result.problem += " " + f;
        }
    }
    result.row = std::move(row);
    return result;
}

} // namespace kiwoomd
