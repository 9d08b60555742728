// The parsers of the composite settings (feeds, pacing windows, maintenance windows, faults,
// special days, holidays) and the scalar checks the schema's entries share.

#include "ConfigReading.h"

#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/core/TrCatalogue.h"

#include <algorithm>
#include <map>
#include <regex>

namespace kiwoomd::config_reading {

using nlohmann::json;

std::string joinAllowed(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) {
        out += (out.empty() ? "" : ", ") + ("\"" + v + "\"");
    }
    return out;
}

ObjectReader::ObjectReader(const json& object, std::string path, const std::string& source)
    : m_object(object)
    , m_path(std::move(path))
    , m_source(source) {
    if (!m_object.is_object()) {
        fail(m_path, "expected an object, found " + std::string(m_object.type_name()));
    }
}

void ObjectReader::fail(const std::string& path, const std::string& problem) const {
    throw ConfigError(m_source, path.empty() ? "(top level)" : path, problem);
}

std::string ObjectReader::childPath(const std::string& key) const {
    return m_path.empty() ? key : m_path + "." + key;
}

const json* ObjectReader::find(const std::string& key) {
    m_known.insert(key);
    const auto it = m_object.find(key);
    return it == m_object.end() ? nullptr : &*it;
}

void ObjectReader::readInt(const std::string& key, int& out, int min, int max) {
    if (const json* value = find(key)) {
        out = checkedInt(*value, min, max, {m_source, childPath(key)});
    }
}

void ObjectReader::readString(const std::string& key, std::string& out) {
    if (const json* value = find(key)) {
        out = checkedString(*value, {m_source, childPath(key)});
    }
}

void ObjectReader::rejectUnknownKeys() const {
    for (const auto& item : m_object.items()) {
        if (m_known.count(item.key()) == 0) {
            std::vector<std::string> known(m_known.begin(), m_known.end());
            fail(childPath(item.key()), "unknown key; known keys here: " + joinAllowed(known));
        }
    }
}

int checkedInt(const json& value, std::int64_t min, std::int64_t max, const SettingSource& where) {
    if (!value.is_number_integer()) {
        throw ConfigError(where.source, where.path, "expected an integer, found " + value.dump());
    }
    const auto v = value.get<std::int64_t>();
    if (v < min || v > max) {
        throw ConfigError(where.source, where.path,
                          value.dump() + " is out of range; allowed " + std::to_string(min) + ".." +
                              std::to_string(max));
    }
    return static_cast<int>(v);
}

std::uint64_t checkedUint64(const json& value, const SettingSource& where) {
    if (!value.is_number_unsigned() && !(value.is_number_integer() && value.get<std::int64_t>() >= 0)) {
        throw ConfigError(where.source, where.path, "expected a non-negative integer, found " + value.dump());
    }
    return value.get<std::uint64_t>();
}

std::string checkedString(const json& value, const SettingSource& where) {
    if (!value.is_string()) {
        throw ConfigError(where.source, where.path, "expected a string, found " + value.dump());
    }
    return value.get<std::string>();
}

std::string checkedChoice(const json& value, const std::vector<std::string>& choices,
                          const SettingSource& where) {
    auto text = checkedString(value, where);
    if (std::find(choices.begin(), choices.end(), text) == choices.end()) {
        throw ConfigError(where.source, where.path,
                          "\"" + text + "\" is not allowed; allowed values: " + joinAllowed(choices));
    }
    return text;
}

std::vector<LimitWindow> parseWindows(const json& value, const SettingSource& where) {
    if (!value.is_array() || value.empty()) {
        throw ConfigError(where.source, where.path,
                          "expected a non-empty array of {\"max_requests\", \"seconds\"} objects");
    }
    std::vector<LimitWindow> windows;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string path = where.path + "[" + std::to_string(i) + "]";
        ObjectReader reader(value[i], path, where.source);
        int maxRequests = 0;
        int seconds = 0;
        reader.readInt("max_requests", maxRequests, 1, 100000);
        reader.readInt("seconds", seconds, 1, 86400);
        reader.rejectUnknownKeys();
        if (maxRequests == 0 || seconds == 0) {
            reader.fail(path, "both \"max_requests\" and \"seconds\" are required");
        }
        windows.push_back({maxRequests, std::chrono::milliseconds(seconds * 1000LL)});
    }
    return windows;
}

namespace {

FeedDefinition parseFeed(const json& value, const std::string& path, const std::string& source) {
    ObjectReader reader(value, path, source);
    FeedDefinition feed;
    reader.readString("id", feed.id);
    static const std::regex idPattern("^[a-z0-9][a-z0-9_-]{0,31}$");
    if (!std::regex_match(feed.id, idPattern)) {
        reader.fail(reader.childPath("id"),
                    "\"" + feed.id + "\" is not a valid feed id; use 1-32 of a-z, 0-9, '-' and '_'");
    }
    feed.trCode = tr::kVolumeSurgeTr;
    std::vector<std::string> trCodes;
    for (const auto& known : tr::catalogue()) {
        trCodes.push_back(known.code);
    }
    if (const json* trValue = reader.find("tr")) {
        feed.trCode = checkedChoice(*trValue, trCodes, {source, reader.childPath("tr")});
    }
    const tr::TrSpec* spec = tr::findTr(feed.trCode);

    std::map<std::string, std::string> given;
    if (const json* inputs = reader.find("inputs")) {
        if (!inputs->is_object()) {
            reader.fail(reader.childPath("inputs"), "expected an object of Kiwoom input names to values");
        }
        for (const auto& item : inputs->items()) {
            const std::string inputPath = reader.childPath("inputs") + "." + item.key();
            const tr::InputSpec* input = tr::findInput(*spec, item.key());
            if (!input) {
                std::vector<std::string> names;
                for (const auto& i : spec->inputs) {
                    names.push_back(i.name);
                }
                throw ConfigError(source, inputPath,
                                  "not an input of " + spec->code + "; inputs: " + joinAllowed(names));
            }
            if (!item.value().is_string()) {
                throw ConfigError(source, inputPath, "expected a string, found " + item.value().dump());
            }
            const auto text = item.value().get<std::string>();
            if (!tr::isAllowedInput(*input, text)) {
                throw ConfigError(source, inputPath,
                                  "\"" + text + "\" is not accepted by " + spec->code + "; allowed values: " +
                                      joinAllowed(input->allowedValues) + " (" + input->meaning + ")");
            }
            given[item.key()] = text;
        }
    }
    // SetInputValue order is the TR's documented order, whatever order the file used.
    for (const auto& input : spec->inputs) {
        const auto it = given.find(input.name);
        feed.inputs.emplace_back(input.name, it != given.end() ? it->second : input.defaultValue);
    }
    // 시간 is free text in the catalogue, but opt10023 compares against it when 시간구분 is 1; the
    // field is 2 characters wide, so 1-99.
    const auto timeBasis = given.find(tr::input::kTimeBasis);
    if (feed.trCode == tr::kVolumeSurgeTr && timeBasis != given.end() && timeBasis->second == "1") {
        const auto minutes = given.find(tr::input::kMinutes);
        static const std::regex minutesPattern("^[1-9][0-9]?$");
        if (minutes == given.end() || !std::regex_match(minutes->second, minutesPattern)) {
            throw ConfigError(source, reader.childPath("inputs") + "." + tr::input::kMinutes,
                              "with 시간구분 \"1\" the TR needs the number of minutes (1-99), not \"" +
                                  (minutes == given.end() ? std::string() : minutes->second) + "\"");
        }
    }
    const auto marketIt = given.find(tr::input::kMarket);
    feed.market = marketNameForCode(marketIt != given.end() ? marketIt->second : tr::kMarketKospi);
    reader.readString("market", feed.market);
    static const std::regex marketPattern("^[a-z0-9][a-z0-9_-]{0,31}$");
    if (!std::regex_match(feed.market, marketPattern)) {
        reader.fail(reader.childPath("market"),
                    "\"" + feed.market + "\" is not a valid market name; use 1-32 of a-z, 0-9, '-' and '_'");
    }
    // The ranges of a feed's numbers are the schema's, like those of any other setting.
    for (const auto& [key, field] :
         {std::pair{"max_pages", &feed.maxPages}, std::pair{"priority", &feed.priority}}) {
        const Setting* setting = findSetting(std::string("feeds[].") + key);
        reader.readInt(key, *field, static_cast<int>(setting->min), static_cast<int>(setting->max));
    }
    reader.rejectUnknownKeys();
    return feed;
}

// "HH:MM-HH:MM" -> [start, end) in minutes, or nullopt unless the end is later the same day.
std::optional<std::pair<int, int>> parseDaySpan(const std::string& text) {
    const auto dash = text.find('-');
    const auto start = dash == std::string::npos ? std::nullopt : parseClockMinutes(text.substr(0, dash));
    const auto end = dash == std::string::npos ? std::nullopt : parseClockMinutes(text.substr(dash + 1));
    if (!start || !end || *end <= *start) {
        return std::nullopt;
    }
    return std::make_pair(*start, *end);
}

// One window: "HH:MM-HH:MM" (every day, the format before weekdays existed) or
// {"time": "HH:MM-HH:MM", "days": ["mon", ...]}.
MaintenanceWindow parseMaintenanceWindow(const json& value, const std::string& path,
                                         const std::string& source) {
    static const std::string kSpanProblem =
        " is not a span of the day; use \"HH:MM-HH:MM\" with the end later";
    if (value.is_string()) {
        const auto span = parseDaySpan(value.get<std::string>());
        if (!span) {
            throw ConfigError(source, path, value.dump() + kSpanProblem);
        }
        return {span->first, span->second, kEveryDay};
    }
    if (!value.is_object()) {
        throw ConfigError(
            source, path,
            "expected \"HH:MM-HH:MM\" or {\"time\": \"HH:MM-HH:MM\", \"days\": [\"mon\", ...]}");
    }
    ObjectReader reader(value, path, source);
    std::string time;
    reader.readString("time", time);
    const auto span = parseDaySpan(time);
    if (!span) {
        reader.fail(reader.childPath("time"), "\"" + time + "\"" + kSpanProblem);
    }
    MaintenanceWindow window{span->first, span->second, kEveryDay};
    if (const json* days = reader.find("days")) {
        if (!days->is_array() || days->empty()) {
            reader.fail(reader.childPath("days"),
                        "expected a non-empty array of weekday names (\"mon\" .. \"sun\")");
        }
        window.days.reset();
        for (std::size_t i = 0; i < days->size(); ++i) {
            const json& day = (*days)[i];
            const auto weekday = day.is_string() ? weekdayFromName(day.get<std::string>()) : std::nullopt;
            if (!weekday) {
                reader.fail(reader.childPath("days") + "[" + std::to_string(i) + "]",
                            day.dump() +
                                " is not a weekday; use \"mon\" .. \"sun\" or \"monday\" .. \"sunday\"");
            }
            window.days.set(static_cast<std::size_t>(*weekday));
        }
    }
    reader.rejectUnknownKeys();
    return window;
}

void checkDate(const std::string& text, const std::string& path, const std::string& source) {
    static const std::regex datePattern("^(\\d{4})-(\\d{2})-(\\d{2})$");
    std::smatch m;
    if (!std::regex_match(text, m, datePattern)) {
        throw ConfigError(source, path, "\"" + text + "\" is not a date; use YYYY-MM-DD");
    }
    const int year = std::stoi(m[1]);
    const int month = std::stoi(m[2]);
    const int day = std::stoi(m[3]);
    // Checked by arithmetic, not through a Timestamp: "9999-01-01" would overflow one.
    if (!isCalendarDate(year, month, day)) {
        throw ConfigError(source, path, "\"" + text + "\" is not a valid calendar date");
    }
}

} // namespace

std::vector<FeedDefinition> parseFeeds(const json& value, const SettingSource& where) {
    if (!value.is_array() || value.empty()) {
        throw ConfigError(where.source, where.path, "expected a non-empty array of feed objects");
    }
    std::vector<FeedDefinition> feeds;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string path = where.path + "[" + std::to_string(i) + "]";
        FeedDefinition feed = parseFeed(value[i], path, where.source);
        if (!ids.insert(feed.id).second) {
            throw ConfigError(where.source, path + ".id", "\"" + feed.id + "\" is used by an earlier feed");
        }
        feeds.push_back(std::move(feed));
    }
    return feeds;
}

std::vector<MaintenanceWindow> parseMaintenanceWindows(const json& value, const SettingSource& where) {
    if (!value.is_array()) {
        throw ConfigError(
            where.source, where.path,
            "expected an array of \"HH:MM-HH:MM\" strings or {\"time\", \"days\"} objects (KST)");
    }
    std::vector<MaintenanceWindow> windows;
    for (std::size_t i = 0; i < value.size(); ++i) {
        windows.push_back(
            parseMaintenanceWindow(value[i], where.path + "[" + std::to_string(i) + "]", where.source));
    }
    return windows;
}

std::vector<EmulatorFault> parseFaults(const json& value, const SettingSource& where) {
    if (!value.is_array()) {
        throw ConfigError(where.source, where.path,
                          "expected an array of faults (\"NAME[@SECONDS][+DURATION]\" strings)");
    }
    std::vector<EmulatorFault> faults;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string itemPath = where.path + "[" + std::to_string(i) + "]";
        if (!value[i].is_string()) {
            throw ConfigError(where.source, itemPath,
                              "expected a \"NAME[@SECONDS][+DURATION]\" string, found " + value[i].dump());
        }
        std::string error;
        const auto fault = parseFaultSpec(value[i].get<std::string>(), error);
        if (!fault) {
            throw ConfigError(where.source, itemPath, error);
        }
        faults.push_back(*fault);
    }
    return faults;
}

std::vector<SpecialDay> parseSpecialDays(const json& value, const SettingSource& where) {
    if (!value.is_array()) {
        throw ConfigError(where.source, where.path,
                          "expected an array of {\"date\", \"open\", \"close\", \"note\"}");
    }
    std::vector<SpecialDay> days;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string path = where.path + "[" + std::to_string(i) + "]";
        ObjectReader day(value.at(i), path, where.source);
        SpecialDay entry;
        std::string open = "09:00";
        std::string close = "15:30";
        day.readString("date", entry.date);
        day.readString("open", open);
        day.readString("close", close);
        day.readString("note", entry.note);
        day.rejectUnknownKeys();
        checkDate(entry.date, path + ".date", where.source);
        const auto openMinute = parseClockMinutes(open);
        const auto closeMinute = parseClockMinutes(close);
        if (!openMinute || !closeMinute || *closeMinute <= *openMinute) {
            day.fail(path, "open and close must be \"HH:MM\" with the close later, not \"" + open +
                               "\" and \"" + close + "\"");
        }
        entry.openMinute = *openMinute;
        entry.closeMinute = *closeMinute;
        days.push_back(entry);
    }
    return days;
}

std::vector<std::string> parseHolidays(const json& value, const SettingSource& where) {
    if (!value.is_array()) {
        throw ConfigError(where.source, where.path, "expected an array of \"YYYY-MM-DD\" strings");
    }
    std::vector<std::string> holidays;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string path = where.path + "[" + std::to_string(i) + "]";
        if (!value[i].is_string()) {
            throw ConfigError(where.source, path,
                              "expected a \"YYYY-MM-DD\" string, found " + value[i].dump());
        }
        const auto text = value[i].get<std::string>();
        checkDate(text, path, where.source);
        holidays.push_back(text);
    }
    return holidays;
}

std::vector<std::string> parseStringList(const json& value, const std::string& pattern,
                                         const std::string& what, const SettingSource& where) {
    if (!value.is_array()) {
        throw ConfigError(where.source, where.path, "expected an array of strings, each " + what);
    }
    const std::regex form(pattern);
    std::vector<std::string> values;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto& item = value.at(i);
        if (!item.is_string() || !std::regex_match(item.get<std::string>(), form)) {
            throw ConfigError(where.source, where.path + "[" + std::to_string(i) + "]",
                              item.dump() + " is not " + what);
        }
        values.push_back(item.get<std::string>());
    }
    return values;
}

} // namespace kiwoomd::config_reading
