#pragma once
// Startup step "source/backend": where rankings come from. Kiwoom's REST API, or kiwoomd-host
// running the OpenAPI+ control, the emulator or a replay; with --record, a recorder in front.
// Thread: main thread; the sources live on it.

#include "kiwoomd/app/DaemonOptions.h"

#include "kiwoomd/core/Config.h"
#include "kiwoomd/kiwoom/QtScheduler.h"
#include "kiwoomd/kiwoom/Source.h"
#include "kiwoomd/kiwoom/record/RecordingSource.h"

#include <memory>
#include <optional>

namespace kiwoomd::app {

struct SourceChain {
    std::unique_ptr<Source> base;
    std::unique_ptr<RecordingSource> recorder; // --record
    bool emulated = false;                     // the emulator or a replay: a market apart from today's clock

    Source& source() const { return recorder ? static_cast<Source&>(*recorder) : *base; }
};

// nullopt, with the reason logged and `exitCode` set, when the source cannot start (a replay file
// that cannot be read, REST keys missing, a recording that cannot be written).
std::optional<SourceChain> createSource(const DaemonOptions& options, const Config& config,
                                        QtScheduler& scheduler, int& exitCode);

} // namespace kiwoomd::app
