#pragma once
// Wraps any control (the real OCX included) and writes every exchange to a JSON-lines file:
// logins, login info, each CommRqData with the inputs set for it and its result code, each answer
// with its rows as the raw strings the control returned, server messages, and the time of each,
// so that ReplayControl can play the session back anywhere. docs/record-replay.md has the format.
// Thread: the control's thread.

#include "kiwoomd/core/Scheduler.h"
#include "kiwoomd/kiwoom/OpenApiControl.h"

#include <QFile>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace kiwoomd {

class RecordingControl final : public OpenApiControl {
    Q_OBJECT

public:
    // Takes over `inner`. isOpen() is false when the file could not be created.
    RecordingControl(std::unique_ptr<OpenApiControl> inner, const QString& path, const Clock& clock,
                     QObject* parent = nullptr);
    ~RecordingControl() override;

    bool isOpen() const { return m_file.isOpen(); }
    QString errorString() const { return m_file.errorString(); }

    QVariant dynamicCall(const char* signature, const QVariantList& args = {}) override;
    QString backendName() const override { return m_inner->backendName(); }

private:
    void write(const std::string& jsonLine);
    void onTrData(const QString& screenNo, const QString& rqName, const QString& trCode,
                  const QString& recordName, const QString& prevNext, int dataLength,
                  const QString& errorCode, const QString& message, const QString& splmMsg);
    long long elapsedMs() const;

    std::unique_ptr<OpenApiControl> m_inner;
    QFile m_file;
    const Clock& m_clock;
    Timestamp m_start;
    std::vector<std::pair<std::string, std::string>> m_pendingInputs;
};

} // namespace kiwoomd
