#pragma once
// An in-process stand-in for the KHOpenAPI control: answers the same dynamicCall strings and
// raises the same events, with the real text formats, result codes and request limits, plus
// faults that tests and the demo can inject. It is the product's --simulate mode.
// Thread: the Qt main thread, like the real control; events arrive through its event loop.

#include "kiwoomd/core/Config.h"
#include "kiwoomd/core/RequestLimiter.h"
#include "kiwoomd/core/Scheduler.h"
#include "kiwoomd/kiwoom/OpenApiControl.h"
#include "kiwoomd/kiwoom/emulator/EmulatedMarket.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kiwoomd::emulator {

struct EmulatorSettings {
    std::uint64_t seed = 1;
    std::size_t universeSize = 320;
    int pageSize = 100;
    int loginDelayMs = 800;
    int minLatencyMs = 40;
    int maxLatencyMs = 160;
    int tickMs = 1000; // 0: the market stands still
    std::vector<LimitWindow> windows = kiwoomLimitWindows();
    std::string userId = "simtrader";
    std::string userName = "모의투자";
    // Faults on a timetable measured from faultClockStart, or from the emulator's creation
    // (docs/faults.md). A host started after others measures from the daemon's start, so that a
    // fault happens once per run, not once per host.
    std::vector<EmulatorFault> faults;
    std::optional<Timestamp> faultClockStart;
    // The real control cannot log in again in the process where its connection dropped: every
    // later CommConnect answers OnEventConnect(-101). True lets in-process tests reconnect the
    // same object, which only a new host process can do with the real one.
    bool loginAgainAfterDrop = false;
};

class EmulatedControl final : public OpenApiControl {
    Q_OBJECT

public:
    EmulatedControl(EmulatorSettings settings, Scheduler& scheduler, QObject* parent = nullptr);
    ~EmulatedControl() override;

    QVariant dynamicCall(const char* signature, const QVariantList& args = {}) override;
    Backend backend() const override { return Backend::Emulator; }

    // Faults. Each affects the next matching events only.
    void failNextRequests(int resultCode, int count = 1); // CommRqData returns resultCode
    void dropNextResponses(int count = 1);                // accepted, never answered
    void garbleNextResponses(int count = 1);              // a few values become unreadable
    void failNextLogin(int resultCode);                   // OnEventConnect(resultCode)
    void dropConnection(int resultCode = -106);           // a live session is cut

    // True while a fault of that name from the timetable is in force.
    bool faultActive(const std::string& name) const;

    const EmulatedMarket& market() const { return *m_market; }

    // Every signature the emulator did not recognise, so tests can prove the session only uses
    // real ones.
    const std::vector<std::string>& unknownCalls() const { return m_unknownCalls; }
    // Each CommRqData with the inputs set for it, in SetInputValue order: "opt10023 0
    // 시장구분=001;정렬구분=1;..."
    const std::vector<std::string>& requestLog() const { return m_requestLog; }

private:
    struct Response {
        std::string screenNo;
        std::string rqName;
        std::string trCode;
        std::string recordName;
        std::vector<std::vector<std::string>> rows;
        bool hasMore = false;
        std::string message;
        bool refused = false; // refused on the server: OnReceiveMsg with the code, no OnReceiveTrData
    };
    struct Continuation {
        std::string trCode;
        std::vector<std::vector<std::string>> remaining;
    };
    using Handler = std::function<QVariant(const QVariantList&)>;

    void registerHandlers();
    QVariant commConnect();
    QVariant getLoginInfo(const QString& tag) const;
    QVariant koaFunctions(const QString& name, const QString& argument) const;
    QVariant commRqData(const QString& rqName, const QString& trCode, int prevNext, const QString& screenNo);
    QVariant getRepeatCnt(const QString& trCode, const QString& recordName) const;
    QVariant getCommData(const QString& trCode, const QString& recordName, int index,
                         const QString& item) const;
    QVariant getCommDataEx(const QString& trCode, const QString& recordName) const;
    QVariant getCodeListByMarket(const QString& market) const;
    QVariant getMasterCodeName(const QString& code) const;

    // Validates the inputs and builds every row of the ranking; nullopt when an input is invalid.
    std::optional<std::vector<std::vector<std::string>>>
    buildRows(const std::string& trCode, const std::map<std::string, std::string>& inputs) const;
    void scheduleDelivery(Response response);
    void deliver(Response response, std::uint64_t generation, TaskId task);
    void scheduleTick();
    void scheduleFaults();
    int nextLatencyMs();
    void garble(std::vector<std::vector<std::string>>& rows);

    EmulatorSettings m_settings;
    Scheduler& m_scheduler;
    Timestamp m_createdAt;
    std::unique_ptr<EmulatedMarket> m_market;
    RequestLimiter m_limiter;
    SeededRandom m_random;
    ScheduledTask m_tickTask;
    ScheduledTask m_loginTask;
    std::set<TaskId> m_pendingDeliveries;
    std::vector<std::unique_ptr<ScheduledTask>> m_faultTasks;
    std::map<QByteArray, Handler> m_handlers;

    bool m_connected = false;
    bool m_loginPending = false;
    bool m_dropped = false;         // the connection dropped once: this control cannot log in again
    std::uint64_t m_generation = 0; // bumps when the connection drops, voiding pending responses
    std::map<std::string, std::string> m_inputs;
    std::vector<std::pair<std::string, std::string>> m_inputOrder; // as SetInputValue was called
    std::map<std::string, Continuation> m_continuations;           // by screen number
    std::set<std::string> m_screens;
    const Response* m_current = nullptr; // valid only while OnReceiveTrData is being emitted

    int m_failCount = 0;
    int m_failCode = 0;
    int m_dropCount = 0;
    int m_garbleCount = 0;
    std::optional<int> m_loginFailure;
    std::vector<std::string> m_unknownCalls;
    std::vector<std::string> m_requestLog;
};

} // namespace kiwoomd::emulator
