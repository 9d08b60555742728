#pragma once
// Plays a recording made by RecordingSource (--record) back through the same control contract: logins
// answer as recorded, each CommRqData gets the next recorded answer for the same TR, inputs and
// page (with the recorded delay and result code), and the rows come back exactly as the control
// returned them. When a request's recorded answers run out, the last one is served again.
// Thread: the owner's; events come through the Scheduler.

#include "kiwoomd/core/Scheduler.h"
#include "kiwoomd/kiwoom/OpenApiControl.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiwoomd {

struct RecordedAnswer {
    int result = 0; // CommRqData's return
    long long delayMs = 0;
    bool answered = false; // false: accepted but no OnReceiveTrData was recorded
    std::string recordName;
    std::string prevNext;
    std::vector<std::vector<std::string>> rows;
};

class ReplayControl final : public OpenApiControl {
    Q_OBJECT

public:
    ReplayControl(Scheduler& scheduler, QObject* parent = nullptr);
    ~ReplayControl() override;

    // Reads the recording; false with `error` ("line 12: ...") when it cannot be used.
    bool load(const QString& path, QString& error);

    QVariant dynamicCall(const char* signature, const QVariantList& args = {}) override;
    Backend backend() const override { return Backend::Replay; }

    std::size_t answerCount() const;

private:
    struct Current {
        std::string trCode;
        std::string recordName;
        std::vector<std::vector<std::string>> rows;
    };

    static std::string key(const std::string& trCode, int prevNext,
                           const std::vector<std::pair<std::string, std::string>>& inputs);

    Scheduler& m_scheduler;
    std::vector<int> m_loginResults;
    std::size_t m_nextLogin = 0;
    std::map<std::string, std::string> m_loginInfo;
    std::map<std::string, std::vector<RecordedAnswer>> m_answers; // by key()
    std::map<std::string, std::size_t> m_cursor;
    std::vector<std::pair<std::string, std::string>> m_inputs;
    std::optional<Current> m_current;
    bool m_connected = false;
    std::vector<TaskId> m_pending;
};

} // namespace kiwoomd
