#include "kiwoomd/kiwoom/emulator/EmulatedMarket.h"

#include <algorithm>
#include <cmath>

namespace kiwoomd::emulator {
namespace {

constexpr double kDailyLimit = 0.30;       // KRX ±30% price limit
constexpr double kMinutesPerSession = 390; // 09:00-15:30

bool passesPriceBand(const std::string& band, std::int64_t price) {
    if (band == "2") {
        return price >= 50000;
    }
    if (band == "5") {
        return price >= 10000;
    }
    if (band == "6") {
        return price >= 5000;
    }
    if (band == "8") {
        return price >= 1000;
    }
    if (band == "9") {
        return price >= 100000;
    }
    return true;
}

bool inMarket(const std::string& marketCode, Exchange exchange) {
    if (marketCode == "001") {
        return exchange == Exchange::Kospi;
    }
    if (marketCode == "101") {
        return exchange == Exchange::Kosdaq;
    }
    return true;
}

} // namespace

std::int64_t krxTickSize(std::int64_t price) {
    if (price < 2000) {
        return 1;
    }
    if (price < 5000) {
        return 5;
    }
    if (price < 20000) {
        return 10;
    }
    if (price < 50000) {
        return 50;
    }
    if (price < 200000) {
        return 100;
    }
    if (price < 500000) {
        return 500;
    }
    return 1000;
}

std::int64_t roundToTick(std::int64_t price) {
    const std::int64_t tick = krxTickSize(price);
    return std::max<std::int64_t>(tick, (price + tick / 2) / tick * tick);
}

std::int64_t StockState::upperLimit() const {
    // The limit price is truncated to the tick grid so it never exceeds +30%.
    const auto raw =
        static_cast<std::int64_t>(std::floor(static_cast<double>(prevClose) * (1.0 + kDailyLimit)));
    const std::int64_t tick = krxTickSize(raw);
    return raw / tick * tick;
}

std::int64_t StockState::lowerLimit() const {
    const auto raw =
        static_cast<std::int64_t>(std::ceil(static_cast<double>(prevClose) * (1.0 - kDailyLimit)));
    const std::int64_t tick = krxTickSize(raw);
    return (raw + tick - 1) / tick * tick;
}

EmulatedMarket::EmulatedMarket(std::uint64_t seed, std::size_t universeSize)
    : m_random(seed) {
    for (auto& listing : buildUniverse(universeSize, seed)) {
        StockState stock;
        stock.prevClose = roundToTick(static_cast<std::int64_t>(static_cast<double>(listing.referencePrice) *
                                                                std::exp(0.08 * m_random.normal())));
        stock.price = std::clamp(roundToTick(static_cast<std::int64_t>(static_cast<double>(stock.prevClose) *
                                                                       (1.0 + 0.025 * m_random.normal()))),
                                 stock.lowerLimit(), stock.upperLimit());
        // Turnover of roughly 0.5-40 billion KRW a day, more for the big names.
        const double turnover = std::exp(m_random.uniform(std::log(5e8), std::log(4e10))) *
                                (listing.generated ? 0.1 : 1.5); // the well-known names lead
        stock.prevDayVolume =
            std::max<std::int64_t>(1000, static_cast<std::int64_t>(turnover / stock.prevClose));
        // Start as if part of the session has passed, some issues already busier than yesterday.
        stock.volume =
            static_cast<std::int64_t>(static_cast<double>(stock.prevDayVolume) * m_random.uniform(0.4, 1.3) *
                                      (m_random.chance(0.25) ? m_random.uniform(1.5, 12.0) : 1.0));
        stock.activity = std::exp(0.4 * m_random.normal());
        stock.listing = std::move(listing);
        // The minutes before the emulator started, so that "against N minutes ago" has an answer
        // from the first request on.
        const double pace = static_cast<double>(stock.prevDayVolume) / kMinutesPerSession;
        std::int64_t earlier = stock.volume;
        std::deque<std::int64_t> history{earlier};
        while (history.size() < kHistoryTicks) {
            earlier = std::max<std::int64_t>(
                0, earlier - static_cast<std::int64_t>(pace * stock.activity * m_random.uniform(0.3, 1.7)));
            history.push_front(earlier);
        }
        stock.volumeHistory = std::move(history);
        m_stocks.push_back(std::move(stock));
    }
}

const StockState* EmulatedMarket::find(const std::string& code) const {
    const auto it = std::find_if(m_stocks.begin(), m_stocks.end(),
                                 [&](const StockState& s) { return s.listing.code == code; });
    return it == m_stocks.end() ? nullptr : &*it;
}

void EmulatedMarket::tick() {
    ++m_ticks;
    for (auto& stock : m_stocks) {
        // Surges start at random and fade; they are what makes the ranking move.
        if (stock.surgeTicksLeft > 0) {
            --stock.surgeTicksLeft;
        } else if (m_random.chance(0.004)) {
            stock.surgeTicksLeft = static_cast<int>(m_random.uniformInt(5, 40));
        }
        const double surgeFactor = stock.surgeTicksLeft > 0 ? m_random.uniform(4.0, 20.0) : 1.0;
        stock.activity =
            std::clamp(stock.activity * std::exp(0.15 * m_random.normal()) * 0.98 + 0.02, 0.1, 10.0);

        const double pace = static_cast<double>(stock.prevDayVolume) / kMinutesPerSession;
        const double traded = pace * stock.activity * surgeFactor * m_random.uniform(0.3, 1.7);
        stock.volume += static_cast<std::int64_t>(traded);

        // Price: a random walk whose step grows with the trading pace, drifting with surges.
        const double drift = stock.surgeTicksLeft > 0 ? 0.002 : 0.0;
        const double step = (drift + 0.0025 * std::sqrt(surgeFactor) * m_random.normal());
        auto next = static_cast<std::int64_t>(static_cast<double>(stock.price) * (1.0 + step));
        next = roundToTick(next);
        stock.price = std::clamp(next, stock.lowerLimit(), stock.upperLimit());

        stock.volumeHistory.push_back(stock.volume);
        while (stock.volumeHistory.size() > kHistoryTicks) {
            stock.volumeHistory.pop_front();
        }
    }
}

std::vector<const StockState*> EmulatedMarket::todayVolume(const std::string& marketCode,
                                                           const std::string& sortBy) const {
    std::vector<const StockState*> stocks;
    for (const auto& stock : m_stocks) {
        if (inMarket(marketCode, stock.listing.exchange) && stock.volume > 0) {
            stocks.push_back(&stock);
        }
    }
    auto key = [&](const StockState* s) {
        if (sortBy == "2") {
            return static_cast<double>(s->volume) / static_cast<double>(s->listedShares());
        }
        if (sortBy == "3") {
            return static_cast<double>(s->volume) * static_cast<double>(s->price);
        }
        return static_cast<double>(s->volume);
    };
    std::stable_sort(stocks.begin(), stocks.end(),
                     [&](const StockState* a, const StockState* b) { return key(a) > key(b); });
    return stocks;
}

std::vector<SurgeEntry> EmulatedMarket::volumeSurge(const SurgeQuery& query) const {
    std::vector<SurgeEntry> entries;
    for (const auto& stock : m_stocks) {
        if (!inMarket(query.marketCode, stock.listing.exchange) || stock.volume < query.minVolume ||
            !passesPriceBand(query.priceBand, stock.price) ||
            (query.issueCondition == "1" && stock.listing.administrative)) {
            continue;
        }
        SurgeEntry entry;
        entry.stock = &stock;
        if (query.timeBasis == "1") {
            // Against N minutes ago: the cumulative volume then (one tick is one emulated minute).
            const auto back = static_cast<std::size_t>(std::max(1, query.minutes));
            const auto& history = stock.volumeHistory;
            entry.comparisonVolume =
                back < history.size() ? history[history.size() - 1 - back] : history.front();
            entry.surgeVolume = stock.volume - entry.comparisonVolume;
        } else {
            entry.comparisonVolume = stock.prevDayVolume;
            entry.surgeVolume = stock.volume - stock.prevDayVolume;
        }
        entry.surgeRate = entry.comparisonVolume > 0 ? static_cast<double>(entry.surgeVolume) * 100.0 /
                                                           static_cast<double>(entry.comparisonVolume)
                                                     : 0.0;
        const bool rising = query.sortBy == "1" || query.sortBy == "2";
        if ((rising && entry.surgeVolume <= 0) || (!rising && entry.surgeVolume >= 0)) {
            continue;
        }
        entries.push_back(entry);
    }
    auto key = [&](const SurgeEntry& e) {
        if (query.sortBy == "1" || query.sortBy == "3") {
            return static_cast<double>(e.surgeVolume);
        }
        return e.surgeRate;
    };
    const bool descending = query.sortBy == "1" || query.sortBy == "2";
    std::stable_sort(entries.begin(), entries.end(), [&](const SurgeEntry& a, const SurgeEntry& b) {
        return descending ? key(a) > key(b) : key(a) < key(b);
    });
    return entries;
}

} // namespace kiwoomd::emulator
