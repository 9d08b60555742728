#pragma once
// The loader's reading tools, shared by the schema's entries (ConfigSchema.cpp), the parsers of
// composite values (ConfigParsers.cpp) and the loader (ConfigLoader.cpp). Private to core.

#include "kiwoomd/core/ConfigLoader.h"
#include "kiwoomd/core/ConfigSchema.h"

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace kiwoomd::config_reading {

// "\"a\", \"b\"": allowed values as the messages list them.
std::string joinAllowed(const std::vector<std::string>& values);

// Walks one JSON object, remembering which keys were read so the rest can be reported.
class ObjectReader {
public:
    ObjectReader(const nlohmann::json& object, std::string path, const std::string& source);

    [[noreturn]] void fail(const std::string& path, const std::string& problem) const;
    std::string childPath(const std::string& key) const;
    const nlohmann::json* find(const std::string& key);
    void readInt(const std::string& key, int& out, int min, int max);
    void readString(const std::string& key, std::string& out);
    void rejectUnknownKeys() const;

private:
    const nlohmann::json& m_object;
    std::string m_path;
    const std::string& m_source;
    std::set<std::string> m_known;
};

// Scalar checks, each throwing ConfigError at `where` with the message the file's users know.
int checkedInt(const nlohmann::json& value, std::int64_t min, std::int64_t max, const SettingSource& where);
std::uint64_t checkedUint64(const nlohmann::json& value, const SettingSource& where);
std::string checkedString(const nlohmann::json& value, const SettingSource& where);
std::string checkedChoice(const nlohmann::json& value, const std::vector<std::string>& choices,
                          const SettingSource& where);

// Composite values: each takes the whole value of its key.
std::vector<LimitWindow> parseWindows(const nlohmann::json& value, const SettingSource& where);
std::vector<FeedDefinition> parseFeeds(const nlohmann::json& value, const SettingSource& where);
std::vector<MaintenanceWindow> parseMaintenanceWindows(const nlohmann::json& value,
                                                       const SettingSource& where);
std::vector<EmulatorFault> parseFaults(const nlohmann::json& value, const SettingSource& where);
std::vector<SpecialDay> parseSpecialDays(const nlohmann::json& value, const SettingSource& where);
std::vector<std::string> parseHolidays(const nlohmann::json& value, const SettingSource& where);
// An array of strings, each matching `pattern` (ECMAScript), described as `what` in messages.
std::vector<std::string> parseStringList(const nlohmann::json& value, const std::string& pattern,
                                         const std::string& what, const SettingSource& where);

} // namespace kiwoomd::config_reading
