#pragma once
// The emulator's market: every listing's price and volume moving as a seeded random walk within
// the KRX daily price limits (±30% of the previous close) on the KRX tick-size grid, with volume
// surges that come and go. Plain C++, deterministic for a seed. Not thread-safe.

#include "kiwoomd/kiwoom/emulator/SeededRandom.h"
#include "kiwoomd/kiwoom/emulator/StockUniverse.h"

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiwoomd::emulator {

struct StockState {
    Listing listing;
    std::int64_t prevClose = 0;
    std::int64_t price = 0;
    std::int64_t prevDayVolume = 0;
    std::int64_t volume = 0;
    double activity = 1.0;                  // multiplier of the normal trading pace
    int surgeTicksLeft = 0;                 // > 0 while a volume surge lasts
    std::deque<std::int64_t> volumeHistory; // volume at the end of each recent tick, newest last

    std::int64_t upperLimit() const;
    // Shares listed: not tracked, so a fixed multiple of a day's volume gives a plausible ratio.
    std::int64_t listedShares() const { return prevDayVolume * 180; }
    std::int64_t lowerLimit() const;
};

// One row of opt10023 as numbers, before formatting into the control's text.
struct SurgeEntry {
    const StockState* stock = nullptr;
    std::int64_t comparisonVolume = 0; // 이전거래량
    std::int64_t surgeVolume = 0;      // 급증량
    double surgeRate = 0.0;            // 급증률 in percent
};

struct SurgeQuery {
    std::string marketCode = "001";   // 시장구분
    std::string sortBy = "1";         // 정렬구분
    std::string timeBasis = "2";      // 시간구분
    std::int64_t minVolume = 5000;    // 거래량구분 × 1000 shares
    int minutes = 1;                  // 시간
    std::string issueCondition = "0"; // 종목조건
    std::string priceBand = "0";      // 가격구분
};

class EmulatedMarket {
public:
    EmulatedMarket(std::uint64_t seed, std::size_t universeSize = 320);

    void tick(); // one step of the random walk (one emulated minute)
    std::uint64_t ticks() const { return m_ticks; }

    const std::vector<StockState>& stocks() const { return m_stocks; }
    const StockState* find(const std::string& code) const;

    std::vector<SurgeEntry> volumeSurge(const SurgeQuery& query) const;
    // opt10030's ranking: the market's issues by today's volume ("1"), turnover ratio ("2") or
    // turnover ("3"), largest first.
    std::vector<const StockState*> todayVolume(const std::string& marketCode,
                                               const std::string& sortBy) const;

private:
    static constexpr std::size_t kHistoryTicks = 120;

    std::vector<StockState> m_stocks;
    SeededRandom m_random;
    std::uint64_t m_ticks = 0;
};

// The KRX tick size for a price (the unified 2023 table for KOSPI and KOSDAQ).
std::int64_t krxTickSize(std::int64_t price);
std::int64_t roundToTick(std::int64_t price);

} // namespace kiwoomd::emulator
