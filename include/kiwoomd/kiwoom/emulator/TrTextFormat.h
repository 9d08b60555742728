#pragma once
// Renders numbers the way the control's GetCommData returns them: fixed-width fields padded with
// spaces (20 characters, names 100), prices signed by direction, rates with two signed decimals.

#include "kiwoomd/kiwoom/emulator/EmulatedMarket.h"

#include <string>
#include <vector>

namespace kiwoomd::emulator {

inline constexpr int kFieldWidth = 20;
inline constexpr int kNameWidth = 100;

std::string padNumber(const std::string& text, int width = kFieldWidth); // right-aligned
std::string padText(const std::string& text, int width = kFieldWidth);   // left-aligned
std::string signedInteger(std::int64_t value);                           // "+8571012", "-335", "0"
std::string signedRate(double percent);                                  // "+1.22", "-0.36", "0.00"
std::string directionPrice(std::int64_t price, std::int64_t reference);  // "+74000", "-27950", "49450"
std::string changeSignCode(const StockState& stock);                     // 전일대비기호 "1".."5"

// One opt10023 row, fields in the TR's documented order (TrCatalogue).
std::vector<std::string> volumeSurgeRow(const SurgeEntry& entry);
// One opt10030 row, fields in the TR's documented order.
std::vector<std::string> todayVolumeRow(const StockState& stock);

} // namespace kiwoomd::emulator
