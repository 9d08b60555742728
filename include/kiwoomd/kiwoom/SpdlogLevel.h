#pragma once
// The config's log levels as spdlog's, in one place: kiwoomd and kiwoomd-host both log through
// spdlog and take the same level names (logging.level, the host's --log-level).

#include "kiwoomd/core/Config.h"

#include <spdlog/common.h>

namespace kiwoomd {

inline spdlog::level::level_enum spdlogLevel(LogLevel level) {
    switch (level) {
    case LogLevel::Trace:
        return spdlog::level::trace;
    case LogLevel::Debug:
        return spdlog::level::debug;
    case LogLevel::Info:
        return spdlog::level::info;
    case LogLevel::Warn:
        return spdlog::level::warn;
    case LogLevel::Error:
        return spdlog::level::err;
    case LogLevel::Critical:
        return spdlog::level::critical;
    case LogLevel::Off:
        break;
    }
    return spdlog::level::off;
}

} // namespace kiwoomd
