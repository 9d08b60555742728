#pragma once
// The tray's logic without widgets or words: from the session status, the feed snapshots and the
// time it decides the icon, the state, the values the menu lists, which entries are enabled, and
// when to notify the user. TrayText words the result; unit tests drive it without a display.
// Thread: main thread (not thread-safe; notification() keeps state between calls).

#include "kiwoomd/app/tray/TrayViewModel.h"

#include "kiwoomd/core/Clock.h"
#include "kiwoomd/core/FeedSnapshot.h"
#include "kiwoomd/core/SessionStatus.h"
#include "kiwoomd/core/StatusBoard.h"

#include <QString>

#include <chrono>
#include <optional>
#include <vector>

namespace kiwoomd::app {

struct TrayInputs {
    SessionStatusPtr status; // never null
    std::vector<FeedSnapshotPtr> snapshots;
    Timestamp now{};
    bool autostartEnabled = false;
};

struct TrayPresenterSettings {
    QString baseUrl; // "http://127.0.0.1:8000"
};

class TrayPresenter {
public:
    // Throttling is reported once, then not again for this long, so a busy day is not a stream
    // of pop-ups.
    static constexpr std::chrono::minutes kThrottleNoticeInterval{10};

    explicit TrayPresenter(TrayPresenterSettings settings);

    TrayViewModel present(const TrayInputs& inputs) const;

    // Compares with the inputs of the previous call and returns what deserves a pop-up: a lost
    // connection, a reconnect after one, throttling, a version update. The first call only
    // records (the first login is not news), unless the module already asks for its update.
    std::optional<TrayNotice> notification(const TrayInputs& inputs);

private:
    TrayPresenterSettings m_settings;
    bool m_seenFirst = false;
    ConnectionState m_lastConnection = ConnectionState::Disconnected;
    int m_lastReconnectCount = 0;
    std::uint64_t m_lastThrottled = 0;
    bool m_everConnected = false;
    bool m_versionNoticeShown = false;
    std::optional<Timestamp> m_lastThrottleNotice;
};

// The status message (shown when a second start asks the running daemon) warns while the icon is red.
TrayNotificationLevel statusMessageLevel(const TrayViewModel& model);

// A data age in the unit a person reads it in: seconds below 2 min, minutes below 2 h, hours
// below 2 days, then days.
enum class TrayAgeUnit { Seconds, Minutes, Hours, Days };
struct TrayAge {
    long long count = 0;
    TrayAgeUnit unit = TrayAgeUnit::Seconds;
    bool operator==(const TrayAge& other) const { return count == other.count && unit == other.unit; }
};
TrayAge ageInUnits(std::chrono::seconds age);

} // namespace kiwoomd::app
