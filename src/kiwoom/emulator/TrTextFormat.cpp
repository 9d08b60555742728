#include "kiwoomd/kiwoom/emulator/TrTextFormat.h"

#include <cmath>
#include <cstdio>

namespace kiwoomd::emulator {

std::string padNumber(const std::string& text, int width) {
    const auto w = static_cast<std::size_t>(width);
    return text.size() >= w ? text : std::string(w - text.size(), ' ') + text;
}

std::string padText(const std::string& text, int width) {
    const auto w = static_cast<std::size_t>(width);
    return text.size() >= w ? text : text + std::string(w - text.size(), ' ');
}

std::string signedInteger(std::int64_t value) {
    if (value > 0) {
        return "+" + std::to_string(value);
    }
    return std::to_string(value);
}

std::string signedRate(double percent) {
    const double rounded = std::round(percent * 100.0) / 100.0;
    char buffer[32];
    if (rounded == 0.0) {
        return "0.00";
    }
    std::snprintf(buffer, sizeof buffer, "%+.2f", rounded);
    return buffer;
}

std::string directionPrice(std::int64_t price, std::int64_t reference) {
    if (price > reference) {
        return "+" + std::to_string(price);
    }
    if (price < reference) {
        return "-" + std::to_string(price);
    }
    return std::to_string(price);
}

std::string changeSignCode(const StockState& stock) {
    if (stock.price >= stock.upperLimit()) {
        return "1";
    }
    if (stock.price <= stock.lowerLimit()) {
        return "4";
    }
    if (stock.price > stock.prevClose) {
        return "2";
    }
    if (stock.price < stock.prevClose) {
        return "5";
    }
    return "3";
}

namespace {

// The six fields both ranking TRs open with: code, name, price, sign, change, change rate.
std::vector<std::string> priceFields(const StockState& s) {
    const double changeRate =
        static_cast<double>(s.price - s.prevClose) * 100.0 / static_cast<double>(s.prevClose);
    return {
        padText(s.listing.code),
        padText(s.listing.name, kNameWidth),
        padNumber(directionPrice(s.price, s.prevClose)),
        padNumber(changeSignCode(s)),
        padNumber(signedInteger(s.price - s.prevClose)),
        padNumber(signedRate(changeRate)),
    };
}

} // namespace

std::vector<std::string> volumeSurgeRow(const SurgeEntry& entry) {
    auto row = priceFields(*entry.stock);
    row.insert(row.end(), {
                              padNumber(std::to_string(entry.comparisonVolume)),
                              padNumber(std::to_string(entry.stock->volume)),
                              padNumber(signedInteger(entry.surgeVolume)),
                              padNumber(signedRate(entry.surgeRate)),
                          });
    return row;
}

std::vector<std::string> todayVolumeRow(const StockState& s) {
    const double vsPrevDay = static_cast<double>(s.volume) * 100.0 / static_cast<double>(s.prevDayVolume);
    const double turnoverRatio =
        static_cast<double>(s.volume) * 100.0 / static_cast<double>(s.listedShares());
    const auto turnoverMillions =
        static_cast<std::int64_t>(static_cast<double>(s.volume) * static_cast<double>(s.price) / 1e6);
    char vs[32];
    char ratio[32];
    std::snprintf(vs, sizeof vs, "%.2f", vsPrevDay);
    std::snprintf(ratio, sizeof ratio, "%.2f", turnoverRatio);
    auto row = priceFields(s);
    row.insert(row.end(), {
                              padNumber(std::to_string(s.volume)),
                              padNumber(vs),
                              padNumber(ratio),
                              padNumber(std::to_string(turnoverMillions)),
                          });
    return row;
}

} // namespace kiwoomd::emulator
