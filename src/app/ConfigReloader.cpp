#include "ConfigReloader.h"

#include "ComponentSettings.h"
#include "kiwoomd/app/Logging.h"

#include "kiwoomd/core/ConfigSchema.h"

#include <spdlog/spdlog.h>

namespace kiwoomd::app {

ConfigReloader::ConfigReloader(const QString& file, DaemonOptions options, Config running,
                               KiwoomSession& session, bool emulated)
    : m_options(std::move(options))
    , m_running(std::move(running))
    , m_session(session)
    , m_emulated(emulated)
    , m_watcher(std::make_unique<ConfigWatcher>(file)) {
    QObject::connect(m_watcher.get(), &ConfigWatcher::reloaded, m_watcher.get(),
                     [this](Config edited) { apply(std::move(edited)); });
}

void ConfigReloader::apply(Config edited) {
    applyOverrides(m_options, edited); // the flags keep winning, as at the start
    const auto pending = restartNeededChanges(m_running, edited);
    if (!pending.empty()) {
        std::string keys;
        for (const auto& key : pending) {
            keys += (keys.empty() ? "" : ", ") + key;
        }
        spdlog::warn("{} take effect at the next start", keys);
    }
    setLogLevel(edited.logLevel);
    m_session.reconfigure(sessionSettings(edited, m_emulated));
}

} // namespace kiwoomd::app
