#pragma once
// Reads and validates the JSON config. Strict: an unknown key, a wrong type or a value a TR does
// not accept is an error naming the file, the key path, the bad value and what is allowed.

#include "kiwoomd/core/Config.h"

#include <nlohmann/json_fwd.hpp>

#include <stdexcept>
#include <string>

namespace kiwoomd {

class ConfigError : public std::runtime_error {
public:
    ConfigError(std::string source, std::string keyPath, std::string problem);

    const std::string& source() const { return m_source; }
    const std::string& keyPath() const { return m_keyPath; }
    const std::string& problem() const { return m_problem; }

private:
    std::string m_source;
    std::string m_keyPath;
    std::string m_problem;
};

// `source` names the origin in messages (a file path, or "<inline>").
Config parseConfig(const nlohmann::json& document, const std::string& source);
Config parseConfigText(const std::string& text, const std::string& source);
Config loadConfigFile(const std::string& path);

} // namespace kiwoomd
