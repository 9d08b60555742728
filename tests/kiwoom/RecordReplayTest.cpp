// A session recorded against the emulator and replayed from the file serves the same rankings.
#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/kiwoom/KiwoomSession.h"
#include "kiwoomd/kiwoom/emulator/EmulatedControl.h"
#include "kiwoomd/kiwoom/record/RecordingSource.h"
#include "kiwoomd/kiwoom/record/ReplayControl.h"
#include "support/SessionFixtures.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace kiwoomd {
namespace {

using namespace std::chrono_literals;

const Timestamp kStart = fromKst(2026, 11, 24, 10, 0, 0);

SessionSettings settings() {
    SessionSettings s;
    s.pollInterval = 10s;
    s.limitWindows = {{50, 1000ms}};
    s.calendar = MarketCalendar::alwaysOpen();
    return s;
}

// A source replaying the file at `path`, as kiwoomd-host --replay runs one.
std::unique_ptr<ControlSource> replaySource(const QString& path, VirtualScheduler& scheduler,
                                            bool commDataEx = true) {
    ControlSourceSettings sourceSettings;
    sourceSettings.useCommDataEx = commDataEx;
    return std::make_unique<ControlSource>(
        Backend::Replay,
        [path, &scheduler]() -> std::unique_ptr<OpenApiControl> {
            auto replay = std::make_unique<ReplayControl>(scheduler);
            QString error;
            EXPECT_TRUE(replay->load(path, error)) << error.toStdString();
            return replay;
        },
        scheduler, sourceSettings);
}

emulator::EmulatorSettings emulatorSettings() {
    emulator::EmulatorSettings e;
    e.seed = 11;
    e.loginDelayMs = 100;
    e.pageSize = 30;
    e.windows = {{50, 1000ms}};
    return e;
}

// Runs a session until every feed has `versions` rankings and returns them per feed, in order.
std::map<std::string, std::vector<std::vector<RankingRow>>>
collect(Source& source, VirtualScheduler& scheduler, std::uint64_t versions) {
    SnapshotCache cache;
    StatusBoard board;
    KiwoomSession session(source, settings(), cache, board, scheduler);
    std::map<std::string, std::vector<std::vector<RankingRow>>> seen;
    QObject::connect(&session, &KiwoomSession::snapshotPublished, [&](const QString& feed, quint64) {
        seen[feed.toStdString()].push_back(cache.get(feed.toStdString())->rows);
    });
    session.start();
    scheduler.runUntil(
        [&] {
            for (const char* feed : {"kospi", "kosdaq", "all"}) {
                if (seen[feed].size() < versions) {
                    return false;
                }
            }
            return true;
        },
        10min);
    return seen;
}

class RecordReplayTest : public ::testing::Test {
protected:
    QTemporaryDir dir;
    QString path() const { return dir.filePath("session.jsonl"); }

    std::map<std::string, std::vector<std::vector<RankingRow>>> record(std::uint64_t versions) {
        VirtualScheduler scheduler(kStart);
        test::EmulatorSource emulator(emulatorSettings(), scheduler);
        RecordingSource recorder(emulator.source(), path(), scheduler.clock());
        EXPECT_TRUE(recorder.isOpen());
        return collect(recorder, scheduler, versions);
    }
};

TEST_F(RecordReplayTest, ReplayServesTheRecordedRowsInTheRecordedOrder) {
    const auto recorded = record(3);
    ASSERT_EQ(recorded.at("kospi").size(), 3u);

    VirtualScheduler scheduler(kStart + 24h); // replayed a day later, anywhere
    ReplayControl replay(scheduler);
    QString error;
    ASSERT_TRUE(replay.load(path(), error)) << error.toStdString();
    EXPECT_GT(replay.answerCount(), 0u);
    const auto replayed = collect(*replaySource(path(), scheduler), scheduler, 3);
    for (const char* feed : {"kospi", "kosdaq", "all"}) {
        ASSERT_GE(replayed.at(feed).size(), 3u) << feed;
        for (std::size_t v = 0; v < 3; ++v) {
            EXPECT_EQ(replayed.at(feed)[v], recorded.at(feed)[v]) << feed << " version " << v + 1;
        }
    }
}

TEST_F(RecordReplayTest, ReplayAnswersPerFieldCallsTheSameAsWholeRecords) {
    const auto recorded = record(1);
    VirtualScheduler scheduler(kStart);
    const auto replayed = collect(*replaySource(path(), scheduler, /*commDataEx=*/false), scheduler, 1);
    EXPECT_EQ(replayed.at("kospi").front(), recorded.at("kospi").front());
}

TEST_F(RecordReplayTest, ARecordingMadeBeforeTheExchangeInputExistedStillReplays) {
    const auto recorded = record(1);
    // Recordings from before 거래소구분 was an input of opt10023 have no such pair; blank (KRX) is
    // what those requests asked for, so today's blank-valued feeds must still find them.
    QFile file(path());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(file.readAll());
    file.close();
    const QString exchangePair = QStringLiteral(",[\"거래소구분\",\"\"]");
    ASSERT_TRUE(text.contains(exchangePair));
    text.remove(exchangePair);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.toUtf8());
    file.close();

    VirtualScheduler scheduler(kStart);
    const auto replayed = collect(*replaySource(path(), scheduler), scheduler, 1);
    ASSERT_FALSE(replayed.at("kospi").empty());
    EXPECT_EQ(replayed.at("kospi").front(), recorded.at("kospi").front());
}

TEST_F(RecordReplayTest, TheRecordingKeepsTheRawStringsTheControlReturned) {
    record(1);
    QFile file(path());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    EXPECT_TRUE(text.startsWith("{\"kiwoomd_recording\":1"));
    EXPECT_TRUE(text.contains("\"call\":\"CommRqData\""));
    EXPECT_TRUE(text.contains("\"시장구분\",\"001\""));
    EXPECT_TRUE(text.contains("\"event\":\"tr_data\""));
    EXPECT_TRUE(text.contains("                +")) << "padded, signed fields as the control returned them";
}

TEST_F(RecordReplayTest, TheHeaderNamesTheRecordedBackendByItsApiName) {
    record(1);
    QFile file(path());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray header = file.readLine();
    EXPECT_TRUE(header.startsWith(R"({"kiwoomd_recording":1,"backend":"emulator","started":")"))
        << header.toStdString();
}

TEST_F(RecordReplayTest, AFileThatIsNotARecordingIsRefusedWithItsLine) {
    QFile file(path());
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("{\"kiwoomd_recording\":1}\n{\"t\":5,\"call\":\"CommRqData\"}\n");
    file.close();
    VirtualScheduler scheduler;
    ReplayControl replay(scheduler);
    QString error;
    EXPECT_FALSE(replay.load(path(), error));
    EXPECT_TRUE(error.contains("line 2")) << error.toStdString();

    QFile other(dir.filePath("notes.txt"));
    ASSERT_TRUE(other.open(QIODevice::WriteOnly));
    other.write("hello\n");
    other.close();
    EXPECT_FALSE(replay.load(dir.filePath("notes.txt"), error));
    EXPECT_FALSE(replay.load(dir.filePath("missing.jsonl"), error));
    EXPECT_TRUE(error.contains("cannot open"));
}

TEST_F(RecordReplayTest, ANumberOutOfRangeInADamagedRecordingIsRefusedNotCast) {
    for (const char* line :
         {R"({"t":1e300,"event":"connect","code":0})", R"({"t":5,"event":"connect","code":4294967296})",
          R"({"t":5,"event":"connect","code":-1.5})"}) {
        QFile file(path());
        ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray("{\"kiwoomd_recording\":1}\n") + line + "\n");
        file.close();
        VirtualScheduler scheduler;
        ReplayControl replay(scheduler);
        QString error;
        EXPECT_FALSE(replay.load(path(), error)) << line;
        EXPECT_TRUE(error.contains("line 2")) << error.toStdString();
    }
}

} // namespace
} // namespace kiwoomd
