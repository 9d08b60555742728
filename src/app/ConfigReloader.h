#pragma once
// Startup step "reloader": edits of the config file apply while running. The live settings
// (polling, feeds, market, logging.level) reach the session and the log at once; for the
// restart-only ones (the schema says which) one warning names the keys. An invalid edit changes
// nothing (ConfigWatcher logs it). Thread: main thread.

#include "ConfigWatcher.h"
#include "kiwoomd/app/DaemonOptions.h"

#include "kiwoomd/core/Config.h"
#include "kiwoomd/kiwoom/KiwoomSession.h"

#include <QString>

#include <memory>

namespace kiwoomd::app {

class ConfigReloader {
public:
    // `running`: the configuration the daemon started with; `emulated` as for sessionSettings().
    ConfigReloader(const QString& file, DaemonOptions options, Config running, KiwoomSession& session,
                   bool emulated);

private:
    void apply(Config edited);

    DaemonOptions m_options;
    Config m_running; // the restart-only settings stay as they were at the start
    KiwoomSession& m_session;
    bool m_emulated;
    std::unique_ptr<ConfigWatcher> m_watcher;
};

} // namespace kiwoomd::app
