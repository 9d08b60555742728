#include "kiwoomd/kiwoom/record/RecordingSource.h"

#include "kiwoomd/core/ControlCalls.h"
#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/protocol/HostProtocol.h"

#include <nlohmann/json.hpp>

namespace kiwoomd {

RecordingSource::RecordingSource(Source& inner, const QString& path, const Clock& clock, QObject* parent)
    : Source(parent)
    , m_inner(inner)
    , m_file(path)
    , m_clock(clock)
    , m_start(clock.now()) {
    if (m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) { // the owner reports a failure
        // The format marker first, so that a reader can tell a recording from its first bytes.
        write(nlohmann::ordered_json{{"kiwoomd_recording", 1},
                                     {"backend", backendName(m_inner.backend())},
                                     {"started", toKstIso8601(m_start)}}
                  .dump());
    }
    const auto record = [this](const protocol::HostMessage& message) {
        write(protocol::encode(message, elapsedMs()));
    };
    connect(&m_inner, &Source::loggedIn, this, [this, record](const LoginInfo& info) {
        record(protocol::connectMessage(0));
        record(protocol::loginInfoMessage(login_tag::kServerKind, protocol::serverGubunFor(info.serverKind)));
        record(protocol::loginInfoMessage(login_tag::kUserId, info.userId));
        emit loggedIn(info);
    });
    connect(&m_inner, &Source::loginFailed, this, [this, record](int code, const QString& reason) {
        record(protocol::connectMessage(code));
        emit loginFailed(code, reason);
    });
    connect(&m_inner, &Source::lost, this, [this, record](int code, const QString& reason) {
        record(protocol::connectMessage(code));
        emit lost(code, reason);
    });
    connect(&m_inner, &Source::requestSent, this, [this, record](const QString& rqName, int result) {
        const auto sent = m_sent.find(rqName.toStdString());
        if (sent != m_sent.end()) {
            record(protocol::requestResultMessage(sent->second, result));
            m_sent.erase(sent);
        }
        emit requestSent(rqName, result);
    });
    connect(&m_inner, &Source::pageArrived, this, [this, record](const TrPage& page) {
        record(protocol::trDataMessage(page));
        emit pageArrived(page);
    });
    connect(&m_inner, &Source::serverMessage, this,
            [this, record](const QString& rqName, const QString& trCode, const QString& screenNo,
                           const QString& text) {
                record(protocol::serverMessage(screenNo.toStdString(), rqName.toStdString(),
                                               trCode.toStdString(), text.toStdString()));
                emit serverMessage(rqName, trCode, screenNo, text);
            });
    connect(&m_inner, &Source::hostChanged, this, &Source::hostChanged);
}

RecordingSource::~RecordingSource() = default;

void RecordingSource::request(const PageRequest& request) {
    m_sent[request.rqName] = request;
    m_inner.request(request);
}

long long RecordingSource::elapsedMs() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(m_clock.now() - m_start).count();
}

void RecordingSource::write(const std::string& jsonLine) {
    if (!m_file.isOpen()) {
        return;
    }
    m_file.write(jsonLine.data(), static_cast<qint64>(jsonLine.size()));
    m_file.write("\n", 1);
    m_file.flush(); // a crash must not take the last exchanges with it
}

} // namespace kiwoomd
