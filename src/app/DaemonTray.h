#pragma once
// Startup step "presenter": the tray icon (none when headless) and the answers to a second start.
// Thread: main thread.

#include "SingleInstance.h"
#include "TrayIcon.h"
#include "kiwoomd/app/DaemonOptions.h"

#include "kiwoomd/core/Config.h"
#include "kiwoomd/kiwoom/KiwoomSession.h"

#include <memory>

namespace kiwoomd::app {

struct DaemonTrayParts {
    const StatusBoard& board;
    const SnapshotCache& cache;
    const Clock& clock;
    KiwoomSession& session;
    SingleInstance& instance;
};

class DaemonTray {
public:
    DaemonTray(bool headless, const TrayConfig& tray, const TrayLinks& links, const DaemonOptions& options,
               DaemonTrayParts inputs);
    DaemonTray(const DaemonTray&) = delete;
    DaemonTray& operator=(const DaemonTray&) = delete;

private:
    std::unique_ptr<TrayIcon> m_tray;
};

} // namespace kiwoomd::app
