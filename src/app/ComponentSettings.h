#pragma once
// Each component's settings, made from the configuration: the session's, the server's, the event
// stream's and the REST source's. Pure functions of the Config.

#include "kiwoomd/core/Config.h"
#include "kiwoomd/http/EventStreamHub.h"
#include "kiwoomd/http/HttpServer.h"
#include "kiwoomd/kiwoom/KiwoomSession.h"
#include "kiwoomd/rest/RestSource.h"

#include <string>

namespace kiwoomd::app {

// KOSPI when a feed serves it, as in the seed prototype; otherwise the first configured feed's market.
std::string defaultMarket(const Config& config);

// `emulated`: the emulator or a replay, whose market is not tied to today's clock.
SessionSettings sessionSettings(const Config& config, bool emulated);
http::StreamSettings streamSettings(const Config& config);
http::TransportSettings transportSettings(const Config& config);
RestSettings restSettings(const Config& config);

} // namespace kiwoomd::app
