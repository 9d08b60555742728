#pragma once
// The one table of every setting: key path, type, range or allowed values, whether an edit applies
// while running, help text and the command-line flag that overrides it. The loader reads the file
// through it, the command line builds its flags from it, the config reloader asks it what needs a
// restart, and a test holds docs/config.md to it. Defaults are not written here: a setting's
// default is what a default-constructed Config holds (Config.h), read through the entry.

#include "kiwoomd/core/Config.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kiwoomd {

enum class SettingType {
    Integer,         // a whole number within [min, max]
    UnsignedInteger, // a whole number >= 0, up to 2^64 - 1
    IntegerOrAuto,   // a whole number within [min, max], or "auto"
    String,          // free text, checked by the entry's reader where it needs a form
    Choice,          // one of `choices`: an enum inside, its config string at the edge
    StringList,      // an array of strings of one form
    Composite,       // a structured value with its own parser (feeds, windows, days...)
    ArrayField,      // "feeds[].id": a field of each element of a composite array
};

// Whether an edit of the file applies while kiwoomd runs, or waits for the next start.
enum class Reload { Live, Restart };

// Where a value is read from, for the messages of ConfigError.
struct SettingSource {
    const std::string& source; // the file, "<inline>", or "--flag"
    std::string path;          // "server.port", "feeds[0]"
};

struct Setting {
    std::string key; // "server.port"; a section's keys share the part before the first '.'
    SettingType type = SettingType::String;
    Reload reload = Reload::Restart;
    std::string help;                 // one line, for --help and the schema's readers
    std::int64_t min = 0;             // Integer, IntegerOrAuto
    std::int64_t max = 0;             // Integer, IntegerOrAuto
    std::vector<std::string> choices; // Choice: the config strings, in the enum's order
    std::string defaultDescription;   // Composite, ArrayField: the default in words
    std::string flag;                 // "port" for --port; empty: no flag
    std::string flagValueName;        // "N", "LEVEL"
    // Reads a value into the config; throws ConfigError naming `where`. Empty for ArrayField.
    std::function<void(Config&, const nlohmann::json&, const SettingSource& where)> read;
    // The value as JSON: compared to decide a reload, printed as the default. Empty for ArrayField.
    std::function<nlohmann::json(const Config&)> value;

    std::string section() const; // "server"; "" for a top-level key such as "source"
    std::string leaf() const;    // "port"
};

// Every setting, in the order the loader reads them (a section's keys together).
const std::vector<Setting>& configSchema();
const Setting* findSetting(const std::string& key);

// The default as it is written in the file: `8000`, `"127.0.0.1"`, `[]`; the description for a
// composite.
std::string defaultText(const Setting& setting);

// The restart-only settings whose values differ, by key path in table order.
std::vector<std::string> restartNeededChanges(const Config& running, const Config& edited);

// A command-line value for the setting's flag, read as the file's value would be (a number where
// the setting takes one). Throws ConfigError with `flag` ("--port") as its source.
void applyFlagValue(Config& config, const Setting& setting, const std::string& text);

// Each enum's config strings, in one place: configName(TokenPolicy::Always) == "always".
template <typename E> const std::vector<std::pair<E, std::string>>& configNames();
template <> const std::vector<std::pair<TokenPolicy, std::string>>& configNames<TokenPolicy>();
template <> const std::vector<std::pair<RestServer, std::string>>& configNames<RestServer>();
template <> const std::vector<std::pair<LogLevel, std::string>>& configNames<LogLevel>();
template <> const std::vector<std::pair<SourceKind, std::string>>& configNames<SourceKind>();
template <> const std::vector<std::pair<CalendarMode, std::string>>& configNames<CalendarMode>();
template <> const std::vector<std::pair<TrayLanguage, std::string>>& configNames<TrayLanguage>();

template <typename E> const std::string& configName(E value) {
    for (const auto& [e, name] : configNames<E>()) {
        if (e == value) {
            return name;
        }
    }
    return configNames<E>().front().second; // unreachable: every enumerator has a name
}

template <typename E> std::optional<E> fromConfigName(const std::string& name) {
    for (const auto& [e, text] : configNames<E>()) {
        if (text == name) {
            return e;
        }
    }
    return std::nullopt;
}

} // namespace kiwoomd
