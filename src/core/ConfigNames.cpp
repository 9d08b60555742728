// Each enum of the configuration and its strings in the file, on the command line and in the API:
// the one place they are spelled.

#include "kiwoomd/core/ConfigSchema.h"

namespace kiwoomd {

template <> const std::vector<std::pair<TokenPolicy, std::string>>& configNames<TokenPolicy>() {
    static const std::vector<std::pair<TokenPolicy, std::string>> names{{TokenPolicy::Writes, "writes"},
                                                                        {TokenPolicy::Always, "always"}};
    return names;
}

template <> const std::vector<std::pair<RestServer, std::string>>& configNames<RestServer>() {
    static const std::vector<std::pair<RestServer, std::string>> names{{RestServer::Live, "live"},
                                                                       {RestServer::Mock, "mock"}};
    return names;
}

template <> const std::vector<std::pair<LogLevel, std::string>>& configNames<LogLevel>() {
    // spdlog's own names (spdlog::level::from_str reads them).
    static const std::vector<std::pair<LogLevel, std::string>> names{
        {LogLevel::Trace, "trace"}, {LogLevel::Debug, "debug"}, {LogLevel::Info, "info"},
        {LogLevel::Warn, "warn"},   {LogLevel::Error, "error"}, {LogLevel::Critical, "critical"},
        {LogLevel::Off, "off"}};
    return names;
}

template <> const std::vector<std::pair<SourceKind, std::string>>& configNames<SourceKind>() {
    static const std::vector<std::pair<SourceKind, std::string>> names{{SourceKind::OpenApi, "openapi"},
                                                                       {SourceKind::Rest, "rest"}};
    return names;
}

template <> const std::vector<std::pair<CalendarMode, std::string>>& configNames<CalendarMode>() {
    static const std::vector<std::pair<CalendarMode, std::string>> names{
        {CalendarMode::Auto, "auto"}, {CalendarMode::Krx, "krx"}, {CalendarMode::AlwaysOpen, "always-open"}};
    return names;
}

template <> const std::vector<std::pair<TrayLanguage, std::string>>& configNames<TrayLanguage>() {
    static const std::vector<std::pair<TrayLanguage, std::string>> names{
        {TrayLanguage::System, "system"}, {TrayLanguage::Korean, "ko"}, {TrayLanguage::English, "en"}};
    return names;
}

} // namespace kiwoomd
