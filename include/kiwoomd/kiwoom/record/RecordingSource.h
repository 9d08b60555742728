#pragma once
// Wraps any Source and writes what crosses it to a JSON-lines file, in the vocabulary of the host
// protocol (kiwoomd/protocol/HostProtocol.h): logins, each request with its inputs and result, each
// page with its rows exactly as the control returned them, server messages, and the time of each,
// so that ReplayControl can play the session back anywhere. docs/record-replay.md has the format.
// Thread: the Qt main thread.

#include "kiwoomd/core/Clock.h"
#include "kiwoomd/kiwoom/Source.h"

#include <QFile>

#include <map>
#include <string>

namespace kiwoomd {

class RecordingSource final : public Source {
    Q_OBJECT

public:
    RecordingSource(Source& inner, const QString& path, const Clock& clock, QObject* parent = nullptr);
    ~RecordingSource() override;

    bool isOpen() const { return m_file.isOpen(); }
    QString errorString() const { return m_file.errorString(); }

    Backend backend() const override { return m_inner.backend(); }
    void logIn() override { m_inner.logIn(); }
    void logOut() override { m_inner.logOut(); }
    void shutDown() override { m_inner.shutDown(); }
    void request(const PageRequest& request) override;
    void releaseScreen(const std::string& screenNo) override { m_inner.releaseScreen(screenNo); }
    std::optional<HostStatus> hostStatus() const override { return m_inner.hostStatus(); }

private:
    void write(const std::string& jsonLine);
    long long elapsedMs() const;

    Source& m_inner;
    QFile m_file;
    const Clock& m_clock;
    Timestamp m_start;
    std::map<std::string, PageRequest> m_sent; // by request name, until its result is written
};

} // namespace kiwoomd
