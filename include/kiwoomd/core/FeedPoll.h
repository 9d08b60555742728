#pragma once
// One feed as the session polls it: its definition, its screen, its status, the ranking under way
// and the snapshot it published last, with the rules for how each of them changes when a poll
// starts, fails, comes back empty or brings rows. The session adds the timers, the Source calls
// and the log lines. Also here: which saved snapshot a feed may serve after a restart, and the
// version numbers every feed's snapshots share.
// Thread: not thread-safe; owned by the session on its thread.

#include "kiwoomd/core/Clock.h"
#include "kiwoomd/core/FeedDefinition.h"
#include "kiwoomd/core/FeedSnapshot.h"
#include "kiwoomd/core/RankingAssembly.h"
#include "kiwoomd/core/ScreenNumberPool.h"
#include "kiwoomd/core/SessionStatus.h"
#include "kiwoomd/core/TrPage.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiwoomd {

struct FeedPoll {
    FeedDefinition definition;
    std::string screenNo;
    FeedStatus status;
    RankingAssembly ranking; // the pages of the poll under way
    std::string rqName;      // the query under way: one request name for all of its pages
    bool queued = false;     // a poll is queued or in flight
    bool fetchedThisRun = false;
    FeedSnapshotPtr published;

    // A feed not yet polled, on a screen of its own from `screens`: its status names the feed,
    // everything else is empty.
    static FeedPoll start(const FeedDefinition& definition, ScreenNumberPool& screens);

    // A poll is queued: the ranking starts afresh and the attempt is stamped `now`.
    void begin(Timestamp now);
    // The poll under way is dropped without a verdict (disconnected, paused, feed list edited).
    void abandon();
    // The poll failed: dropped, with the error recorded; the last ranking stays.
    void fail(int kiwoomCode, std::string message, Timestamp now);
    // The server throttled the poll's request (it goes again after a wait): the code is the error.
    void noteThrottled(int kiwoomCode, Timestamp now);
    // A request timed out and the poll starts again from its first page: a lost next page drops
    // the pages read so far.
    void noteRetryAfterTimeout(int prevNext, Timestamp now);
    // A page of the poll's answer: its row problems, or none when the feed's TR is not in the
    // catalogue (the rows cannot be read).
    std::optional<std::vector<RowProblem>> addPage(const std::vector<std::vector<std::string>>& rows);
    // The poll's last page is in: no longer under way, skipped rows counted, the outcome to act on.
    RankingOutcome finishRanking();
    // "No data" outside the session is an answer: the feed counts as fetched and keeps its ranking.
    void noteNoDataOutsideSession();
    // A poll brought `rowCount` rows, published as `version`: the error, note and restored flag go.
    void noteFetched(Timestamp now, int rowCount, std::uint64_t version);
    // The status of rows saved by an earlier run (canRestore said yes).
    void noteRestored(const FeedSnapshot& saved);

    // The request for one page: the query's request name for its next pages; for a first page (or
    // when there is none yet) a fresh one, "<feed id>#<n>", with n the session's request counter
    // `serial` advanced by one.
    PageRequest pageRequest(int prevNext, std::uint64_t& serial);

    // The snapshot to publish: the definition's identity, the status's time and version, `rows`.
    FeedSnapshot snapshot(std::vector<RankingRow> rows, bool marketOpen, bool stale) const;
    // Whether the published snapshot's flags no longer say `stale` and `marketOpen` (or none is out).
    bool needsRepublish(bool stale, bool marketOpen) const;
};

// An edited feed list applied to the feeds being polled (planFeedChanges decides who keeps what).
struct FeedListEdit {
    // The new list, in its order: a kept feed keeps its status, screen and published snapshot, takes
    // its new definition (priority and page limit may differ) and drops any poll under way; a new
    // feed starts on a fresh screen.
    std::vector<FeedPoll> feeds;
    std::vector<std::size_t> added;      // indexes into `feeds` of the new ones
    std::vector<std::string> removedIds; // ids no longer served (FeedChanges::removedIds)
};
// New feeds take their screens before the dropped feeds give theirs back to `screens`, so a new
// feed never takes over a screen an old query may still answer on.
FeedListEdit editFeedList(std::vector<FeedPoll> before, const std::vector<FeedDefinition>& after,
                          ScreenNumberPool& screens);

// Each feed's status as /api/status shows it, with its polling state (feedPollingOf) for a
// session that is or is not paused, connected and inside the regular session.
std::vector<FeedStatus> feedStatusesOf(const std::vector<FeedPoll>& feeds, bool pollingPaused, bool connected,
                                       bool marketOpen);

// Whether rows saved by an earlier run may be served for `feed` (null: no feed of that id): only
// for the same TR and market, and only a snapshot with rows and a fetch time.
bool canRestore(const FeedDefinition* feed, const FeedSnapshot& saved);

// Versions are shared by all feeds: a new snapshot always carries a version larger than any before
// it (restored ones included), so one number (an event stream's Last-Event-ID) says how much a
// client has seen.
class SnapshotVersions {
public:
    std::uint64_t next() { return ++m_last; }
    // A restored snapshot's version: later ones are larger.
    void noteRestored(std::uint64_t version);
    std::uint64_t last() const { return m_last; }

private:
    std::uint64_t m_last = 0;
};

} // namespace kiwoomd
