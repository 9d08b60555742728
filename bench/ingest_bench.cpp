// Ingest latency: from OnReceiveTrData to the new snapshot being served. A stand-in control
// answers every CommRqData with a 200-row opt10023 page in the control's own text formats
// (fixed-width padded fields, prices signed by direction; rendered by the emulator's formatter
// from its moving market) through GetCommDataEx. The benchmark times the real ControlSource and
// KiwoomSession from just before the control emits OnReceiveTrData to the moment the
// SnapshotCache's listener is told about the new snapshot: ControlSource::readPage, parsing,
// finishFeed, freezeSnapshot (JSON body and ETag) and SnapshotCache::publish. The event-stream
// hub, which the daemon installs as that listener, is not part of it.
//
// Usage: ingest_bench [--iterations 2000] [--rows 200] [--pages 16]
// The last line is machine-readable: "RESULT key=value ...".
//
// Thread: one (the session's thread, as in the daemon).

#include "kiwoomd/core/ControlCalls.h"
#include "kiwoomd/core/FeedSnapshot.h"
#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/core/SnapshotCache.h"
#include "kiwoomd/core/StatusBoard.h"
#include "kiwoomd/core/TrCatalogue.h"
#include "kiwoomd/kiwoom/CommDataTable.h"
#include "kiwoomd/kiwoom/ControlSource.h"
#include "kiwoomd/kiwoom/KiwoomSession.h"
#include "kiwoomd/kiwoom/emulator/EmulatedMarket.h"
#include "kiwoomd/kiwoom/emulator/TrTextFormat.h"

#include "Percentile.h"

#include <QCoreApplication>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace {

using kiwoomd::bench::percentile;

using namespace kiwoomd;
using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

using Page = std::vector<std::vector<std::string>>;

// Pages of `rows` opt10023 rows from the emulated market, a few market steps apart, so that every
// answer differs from the one before and the session publishes a new body each time.
std::vector<Page> makePages(std::size_t count, std::size_t rows) {
    emulator::EmulatedMarket market(20241125, 640);
    emulator::SurgeQuery query;
    query.marketCode = "000";
    query.minVolume = 0;
    std::vector<Page> pages;
    for (std::size_t p = 0; p < count; ++p) {
        for (int step = 0; step < 3; ++step) {
            market.tick();
        }
        Page page;
        for (const auto& entry : market.volumeSurge(query)) {
            if (page.size() == rows) {
                break;
            }
            page.push_back(emulator::volumeSurgeRow(entry));
        }
        pages.push_back(std::move(page));
    }
    return pages;
}

// A page as the OCX holds it: UTF-16 text (its BSTRs), one buffer per cell.
using Utf16Page = std::vector<std::vector<std::u16string>>;

Utf16Page toUtf16(const Page& page) {
    Utf16Page out;
    for (const auto& row : page) {
        std::vector<std::u16string> cells;
        for (const auto& cell : row) {
            cells.push_back(QString::fromStdString(cell).toStdU16String());
        }
        out.push_back(std::move(cells));
    }
    return out;
}

// The control's contract as far as one logged-in session polling one feed needs it. Logs in at
// once; remembers the request in flight; GetCommDataEx answers the current page as the OCX's
// SAFEARRAY arrives through ActiveQt: a fresh list of row lists of strings on every call, each
// string copied from the control's UTF-16 text as ActiveQt copies a BSTR into a QString.
class BenchControl final : public OpenApiControl {
public:
    BenchControl(Scheduler& scheduler, const std::vector<Page>& pages)
        : m_scheduler(scheduler) {
        for (const auto& page : pages) {
            m_pages.push_back(toUtf16(page));
        }
    }

    struct Request {
        QString rqName;
        QString trCode;
        QString screenNo;
    };

    QVariant dynamicCall(const char* signature, const QVariantList& args) override {
        if (std::strcmp(signature, calls::kCommConnect) == 0) {
            m_scheduler.callAfter(0ms, [this] {
                m_connected = true;
                emit OnEventConnect(0);
            });
            return 0;
        }
        if (std::strcmp(signature, calls::kGetConnectState) == 0) {
            return m_connected ? 1 : 0;
        }
        if (std::strcmp(signature, calls::kGetLoginInfo) == 0) {
            const QString tag = args.value(0).toString();
            if (tag == QLatin1String(login_tag::kServerKind)) {
                return QStringLiteral("1");
            }
            if (tag == QLatin1String(login_tag::kUserId)) {
                return QStringLiteral("benchuser");
            }
            return QString();
        }
        if (std::strcmp(signature, calls::kSetInputValue) == 0 ||
            std::strcmp(signature, calls::kDisconnectRealData) == 0 ||
            std::strcmp(signature, calls::kCommTerminate) == 0) {
            return {};
        }
        if (std::strcmp(signature, calls::kCommRqData) == 0) {
            m_pending = Request{args.value(0).toString(), args.value(1).toString(), args.value(3).toString()};
            return 0;
        }
        if (std::strcmp(signature, calls::kGetCommDataEx) == 0) {
            const auto start = std::chrono::steady_clock::now();
            QVariantList table;
            for (const auto& row : m_pages[m_page % m_pages.size()]) {
                QVariantList cells;
                cells.reserve(static_cast<int>(row.size()));
                for (const auto& cell : row) {
                    cells.push_back(
                        QString(reinterpret_cast<const QChar*>(cell.data()), static_cast<int>(cell.size())));
                }
                table.push_back(cells);
            }
            m_tableTime += std::chrono::steady_clock::now() - start;
            return table;
        }
        if (std::strcmp(signature, calls::kGetRepeatCnt) == 0) {
            // The page reader trusts GetCommDataEx only when its row count matches this one.
            return static_cast<int>(m_pages[m_page % m_pages.size()].size());
        }
        return {};
    }

    Backend backend() const override { return Backend::Emulator; } // it stands in for the emulator

    const std::optional<Request>& pending() const { return m_pending; }
    // Time spent building GetCommDataEx answers since the last call: the control's share.
    std::chrono::steady_clock::duration takeTableTime() {
        const auto time = m_tableTime;
        m_tableTime = {};
        return time;
    }

    // Answers the request in flight with the next page, as the OCX would: OnReceiveTrData on the
    // control's thread, during which the session reads the page.
    void answer() {
        const Request request = *m_pending;
        m_pending.reset();
        ++m_page;
        emit OnReceiveTrData(request.screenNo, request.rqName, request.trCode, QString(), QStringLiteral("0"),
                             0, QString(), QString(), QString());
    }

private:
    Scheduler& m_scheduler;
    std::vector<Utf16Page> m_pages;
    std::size_t m_page = 0;
    bool m_connected = false;
    std::optional<Request> m_pending;
    std::chrono::steady_clock::duration m_tableTime{};
};

struct Options {
    int iterations = 2000;
    std::size_t rows = 200;
    std::size_t pages = 16;
};

double micros(SteadyClock::duration d) {
    return std::chrono::duration<double, std::micro>(d).count();
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        if (name == "--iterations") {
            options.iterations = std::atoi(argv[i + 1]);
        } else if (name == "--rows") {
            options.rows = static_cast<std::size_t>(std::atoi(argv[i + 1]));
        } else if (name == "--pages") {
            options.pages = static_cast<std::size_t>(std::max(2, std::atoi(argv[i + 1])));
        } else {
            std::fprintf(stderr, "usage: ingest_bench [--iterations N] [--rows N] [--pages N]\n");
            return 2;
        }
    }
    spdlog::set_level(spdlog::level::info); // the daemon's default

    auto pages = makePages(options.pages, options.rows);
    const std::size_t rowsPerPage = pages.front().size();
    VirtualScheduler scheduler(fromKst(2026, 11, 24, 10, 0, 0)); // a Tuesday, mid-session
    auto ownedControl = std::make_unique<BenchControl>(scheduler, pages);
    BenchControl& control = *ownedControl;
    // The page reader of kiwoomd-host over the stand-in: the path a page takes inside the host,
    // without the socket hop to the daemon.
    ControlSource source(
        Backend::Emulator,
        [&ownedControl]() -> std::unique_ptr<OpenApiControl> { return std::move(ownedControl); }, scheduler);
    SnapshotCache cache;
    StatusBoard board;

    FeedDefinition feed = defaultFeeds().front(); // kospi: opt10023 with every input at its default
    feed.maxPages = 1;
    SessionSettings settings;
    settings.feeds = {feed};
    settings.pollInterval = 3600s; // the benchmark asks for each poll itself
    settings.limitWindows = {LimitWindow{1000000, 1000ms}};
    settings.safetyMargin = 0ms;
    settings.calendar = MarketCalendar::alwaysOpen();

    SteadyClock::time_point seenAt{};
    std::uint64_t seenVersion = 0;
    std::size_t seenRows = 0;
    std::size_t bodyBytes = 0;
    cache.setListener([&](const std::string&, const FeedSnapshotPtr& snapshot) {
        seenAt = SteadyClock::now();
        if (snapshot) {
            seenVersion = snapshot->version;
            seenRows = snapshot->rows.size();
            bodyBytes = snapshot->body.size();
        }
    });

    KiwoomSession session(source, settings, cache, board, scheduler);
    session.start();
    std::vector<double> latencies;
    std::vector<double> tableTimes;
    std::vector<double> ownTimes; // the latency without the control's share
    latencies.reserve(static_cast<std::size_t>(options.iterations));
    const int warmup = std::min(50, options.iterations / 10);
    for (int i = 0; i < warmup + options.iterations; ++i) {
        if (!control.pending()) {
            session.pollNow();
        }
        if (!scheduler.runUntil([&] { return control.pending().has_value(); }, 10min)) {
            std::fprintf(stderr, "ingest_bench: the session sent no request\n");
            return 1;
        }
        const std::uint64_t before = seenVersion;
        control.takeTableTime();
        const auto start = SteadyClock::now();
        control.answer();
        if (seenVersion == before) {
            std::fprintf(stderr, "ingest_bench: no new snapshot after OnReceiveTrData\n");
            return 1;
        }
        if (i >= warmup) {
            latencies.push_back(micros(seenAt - start));
            tableTimes.push_back(micros(control.takeTableTime()));
            ownTimes.push_back(latencies.back() - tableTimes.back());
        }
    }

    // The serialization alone, for the breakdown: the same snapshot frozen again.
    std::vector<double> freezeTimes;
    const FeedSnapshotPtr last = cache.get("kospi");
    for (int i = 0; i < std::min(options.iterations, 500); ++i) {
        FeedSnapshot copy = *last;
        const auto start = SteadyClock::now();
        const FeedSnapshotPtr frozen = freezeSnapshot(std::move(copy));
        freezeTimes.push_back(micros(SteadyClock::now() - start));
    }

    const double p50 = percentile(latencies, 0.50);
    const double p99 = percentile(latencies, 0.99);
    const double worst = *std::max_element(latencies.begin(), latencies.end());
    const double tableP50 = percentile(tableTimes, 0.50);
    const double ownP50 = percentile(ownTimes, 0.50);
    const double ownP99 = percentile(ownTimes, 0.99);
    const double freezeP50 = percentile(freezeTimes, 0.50);
    std::printf(
        "%d answers of %zu rows (%zu parsed, body %zu bytes): OnReceiveTrData to served snapshot p50 %.0f "
        "us, p99 %.0f us, max %.0f us; of which (p50) the stand-in control building the GetCommDataEx "
        "table %.0f us, freezeSnapshot (JSON body + ETag) %.0f us; kiwoomd's own share p50 %.0f us, p99 %.0f "
        "us\n",
        options.iterations, rowsPerPage, seenRows, bodyBytes, p50, p99, worst, tableP50, freezeP50, ownP50,
        ownP99);
    std::printf(
        "RESULT iterations=%d rows=%zu body_bytes=%zu p50_us=%.0f p99_us=%.0f max_us=%.0f table_p50_us=%.0f "
        "freeze_p50_us=%.0f own_p50_us=%.0f own_p99_us=%.0f\n",
        options.iterations, seenRows, bodyBytes, p50, p99, worst, tableP50, freezeP50, ownP50, ownP99);
    return 0;
}
