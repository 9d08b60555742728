#include "kiwoomd/core/ConfigLoader.h"

#include "ConfigReading.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace kiwoomd {
namespace {

using nlohmann::json;
using namespace config_reading;

// Secrets never sit in the config: it is read, copied and shown in bug reports.
void refuseRestSecrets(const json& rest, ObjectReader& reader) {
    for (const char* secret : {"appkey", "secretkey", "app_key", "secret_key", "token"}) {
        if (rest.contains(secret)) {
            reader.fail(reader.childPath(secret), "keys are not read from the config; use the environment "
                                                  "(KIWOOM_APPKEY, KIWOOM_SECRETKEY) or rest.appkey_file / "
                                                  "rest.secretkey_file");
        }
    }
}

// The rules between keys of one section, once the section is read.
void checkSection(const std::string& section, const Config& config, const ObjectReader& reader) {
    if (section == "connection" &&
        config.connection.reconnectMaxSeconds < config.connection.reconnectMinSeconds) {
        reader.fail("connection.reconnect_max_seconds", "must not be below connection.reconnect_min_seconds");
    }
    if (section == "emulator" && config.emulator.maxLatencyMs < config.emulator.minLatencyMs) {
        reader.fail("emulator.max_latency_ms", "must not be below emulator.min_latency_ms");
    }
}

} // namespace

ConfigError::ConfigError(std::string source, std::string keyPath, std::string problem)
    : std::runtime_error(source + ": " + keyPath + ": " + problem)
    , m_source(std::move(source))
    , m_keyPath(std::move(keyPath))
    , m_problem(std::move(problem)) {}

// Walks the schema in its order: a section's keys are read, then its unknown keys are refused and
// its rules between keys checked; unknown top-level keys are refused last.
Config parseConfig(const json& document, const std::string& source) {
    Config config;
    ObjectReader top(document, "", source);
    const auto& schema = configSchema();
    for (auto it = schema.begin(); it != schema.end();) {
        const std::string section = it->section();
        if (it->type == SettingType::ArrayField) {
            ++it; // read by its array's parser
            continue;
        }
        if (section.empty()) {
            if (const json* value = top.find(it->key)) {
                it->read(config, *value, {source, it->key});
            }
            ++it;
            continue;
        }
        const auto sectionEnd =
            std::find_if(it, schema.end(), [&](const Setting& s) { return s.section() != section; });
        const json* object = top.find(section);
        if (!object) {
            it = sectionEnd;
            continue;
        }
        ObjectReader reader(*object, section, source);
        for (; it != sectionEnd; ++it) {
            if (const json* value = reader.find(it->leaf())) {
                it->read(config, *value, {source, it->key});
            }
        }
        if (section == "rest") {
            refuseRestSecrets(*object, reader);
        }
        reader.rejectUnknownKeys();
        checkSection(section, config, reader);
    }
    top.rejectUnknownKeys();
    return config;
}

Config parseConfigText(const std::string& text, const std::string& source) {
    json document;
    try {
        document = json::parse(text);
    } catch (const json::exception& error) {
        // nlohmann's message carries the line and column of a syntax error. A number beyond a
        // double (1e400) is not a parse_error but an out_of_range, so catch the base class.
        throw ConfigError(source, "(syntax)", error.what());
    }
    return parseConfig(document, source);
}

Config loadConfigFile(const std::string& path) {
    std::ifstream in(std::filesystem::u8path(path), std::ios::binary);
    if (!in) {
        throw ConfigError(path, "(file)", "cannot be opened for reading");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parseConfigText(text.str(), path);
}

} // namespace kiwoomd
