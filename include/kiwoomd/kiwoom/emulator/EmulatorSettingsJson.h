#pragma once
// The emulator's settings as one JSON argument of kiwoomd-host (--emulator JSON): the daemon reads
// the config and the command line, the host builds the emulator from this.

#include "kiwoomd/kiwoom/emulator/EmulatedControl.h"

#include <optional>
#include <string>

namespace kiwoomd::emulator {

std::string settingsToJson(const EmulatorSettings& settings);
// nullopt with `error` set when the text is not such a JSON object.
std::optional<EmulatorSettings> settingsFromJson(const std::string& text, std::string& error);

} // namespace kiwoomd::emulator
