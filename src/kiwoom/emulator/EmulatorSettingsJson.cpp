#include "kiwoomd/kiwoom/emulator/EmulatorSettingsJson.h"

#include <nlohmann/json.hpp>

namespace kiwoomd::emulator {

using nlohmann::json;
using std::chrono::milliseconds;

std::string settingsToJson(const EmulatorSettings& settings) {
    json windows = json::array();
    for (const auto& window : settings.windows) {
        windows.push_back({{"max", window.maxRequests}, {"ms", window.length.count()}});
    }
    json faults = json::array();
    for (const auto& fault : settings.faults) {
        json entry = {{"name", fault.name}, {"at_ms", fault.at.count()}};
        if (fault.duration) {
            entry["duration_ms"] = fault.duration->count();
        }
        faults.push_back(std::move(entry));
    }
    json out = {{"seed", settings.seed},
                {"page_size", settings.pageSize},
                {"login_delay_ms", settings.loginDelayMs},
                {"min_latency_ms", settings.minLatencyMs},
                {"max_latency_ms", settings.maxLatencyMs},
                {"tick_ms", settings.tickMs},
                {"windows", windows},
                {"faults", faults}};
    if (settings.faultClockStart) {
        out["fault_clock_start_ms"] =
            std::chrono::duration_cast<milliseconds>(settings.faultClockStart->time_since_epoch()).count();
    }
    return out.dump();
}

std::optional<EmulatorSettings> settingsFromJson(const std::string& text, std::string& error) {
    const json in = json::parse(text, nullptr, false);
    if (in.is_discarded() || !in.is_object()) {
        error = "--emulator takes a JSON object";
        return std::nullopt;
    }
    try {
        EmulatorSettings settings;
        settings.seed = in.at("seed").get<std::uint64_t>();
        settings.pageSize = in.at("page_size").get<int>();
        settings.loginDelayMs = in.at("login_delay_ms").get<int>();
        settings.minLatencyMs = in.at("min_latency_ms").get<int>();
        settings.maxLatencyMs = in.at("max_latency_ms").get<int>();
        settings.tickMs = in.at("tick_ms").get<int>();
        settings.windows.clear();
        for (const json& window : in.at("windows")) {
            settings.windows.push_back(
                {window.at("max").get<int>(), milliseconds(window.at("ms").get<long long>())});
        }
        for (const json& entry : in.at("faults")) {
            EmulatorFault fault;
            fault.name = entry.at("name").get<std::string>();
            fault.at = milliseconds(entry.at("at_ms").get<long long>());
            if (entry.contains("duration_ms")) {
                fault.duration = milliseconds(entry.at("duration_ms").get<long long>());
            }
            settings.faults.push_back(std::move(fault));
        }
        if (in.contains("fault_clock_start_ms")) {
            settings.faultClockStart =
                Timestamp(milliseconds(in.at("fault_clock_start_ms").get<long long>()));
        }
        return settings;
    } catch (const json::exception& e) {
        error = std::string("--emulator: ") + e.what();
        return std::nullopt;
    }
}

} // namespace kiwoomd::emulator
