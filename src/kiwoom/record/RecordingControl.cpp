#include "kiwoomd/kiwoom/record/RecordingControl.h"

#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/core/TrCatalogue.h"
#include "kiwoomd/kiwoom/ControlCalls.h"

#include <QMetaObject>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace kiwoomd {
namespace {

std::string s(const QString& text) {
    return text.toStdString();
}

bool isCall(const char* signature, const char* known) {
    return QMetaObject::normalizedSignature(signature) == QMetaObject::normalizedSignature(known);
}

} // namespace

RecordingControl::RecordingControl(std::unique_ptr<OpenApiControl> inner, const QString& path,
                                   const Clock& clock, QObject* parent)
    : OpenApiControl(parent)
    , m_inner(std::move(inner))
    , m_file(path)
    , m_clock(clock)
    , m_start(clock.now()) {
    if (m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) { // the owner reports a failure
        // The format marker first, so that a reader can tell a recording from its first bytes.
        write(nlohmann::ordered_json{{"kiwoomd_recording", 1},
                                     {"backend", s(m_inner->backendName())},
                                     {"started", toKstIso8601(m_start)}}
                  .dump());
    }
    connect(m_inner.get(), &OpenApiControl::OnEventConnect, this, [this](int code) {
        write(nlohmann::json{{"t", elapsedMs()}, {"event", "connect"}, {"code", code}}.dump());
        emit OnEventConnect(code);
    });
    connect(m_inner.get(), &OpenApiControl::OnReceiveTrData, this, &RecordingControl::onTrData);
    connect(m_inner.get(), &OpenApiControl::OnReceiveMsg, this,
            [this](const QString& screen, const QString& rqName, const QString& trCode, const QString& msg) {
                write(nlohmann::json{{"t", elapsedMs()},
                                     {"event", "msg"},
                                     {"screen", s(screen)},
                                     {"rq_name", s(rqName)},
                                     {"tr", s(trCode)},
                                     {"message", s(msg)}}
                          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
                emit OnReceiveMsg(screen, rqName, trCode, msg);
            });
    connect(m_inner.get(), &OpenApiControl::OnReceiveRealData, this, &OpenApiControl::OnReceiveRealData);
}

RecordingControl::~RecordingControl() = default;

long long RecordingControl::elapsedMs() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(m_clock.now() - m_start).count();
}

void RecordingControl::write(const std::string& jsonLine) {
    if (!m_file.isOpen()) {
        return;
    }
    m_file.write(jsonLine.data(), static_cast<qint64>(jsonLine.size()));
    m_file.write("\n", 1);
    m_file.flush(); // a crash must not take the last exchanges with it
}

QVariant RecordingControl::dynamicCall(const char* signature, const QVariantList& args) {
    const QVariant result = m_inner->dynamicCall(signature, args);
    if (isCall(signature, calls::kSetInputValue)) {
        m_pendingInputs.emplace_back(s(args.value(0).toString()), s(args.value(1).toString()));
    } else if (isCall(signature, calls::kCommRqData)) {
        nlohmann::json inputs = nlohmann::json::array();
        for (const auto& [name, value] : m_pendingInputs) {
            inputs.push_back({name, value});
        }
        m_pendingInputs.clear();
        write(nlohmann::json{{"t", elapsedMs()},
                             {"call", "CommRqData"},
                             {"rq_name", s(args.value(0).toString())},
                             {"tr", s(args.value(1).toString())},
                             {"prev_next", args.value(2).toInt()},
                             {"screen", s(args.value(3).toString())},
                             {"inputs", inputs},
                             {"result", result.toInt()}}
                  .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    } else if (isCall(signature, calls::kGetLoginInfo)) {
        write(nlohmann::json{{"t", elapsedMs()},
                             {"call", "GetLoginInfo"},
                             {"tag", s(args.value(0).toString())},
                             {"value", s(result.toString())}}
                  .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
    return result;
}

void RecordingControl::onTrData(const QString& screenNo, const QString& rqName, const QString& trCode,
                                const QString& recordName, const QString& prevNext, int dataLength,
                                const QString& errorCode, const QString& message, const QString& splmMsg) {
    // Read the whole record while the event is live, as raw strings, before the session does.
    nlohmann::json rows = nlohmann::json::array();
    std::string record = s(recordName);
    if (const tr::TrSpec* spec = tr::findTr(s(trCode))) {
        record = spec->recordName;
        const QString qRecord = QString::fromStdString(record);
        const QVariant table = m_inner->dynamicCall(calls::kGetCommDataEx, {trCode, qRecord});
        if (table.isValid()) {
            for (const QVariant& row : table.toList()) {
                nlohmann::json cells = nlohmann::json::array();
                for (const QVariant& cell : row.toList()) {
                    cells.push_back(s(cell.toString()));
                }
                rows.push_back(std::move(cells));
            }
        } else {
            const int count = m_inner->dynamicCall(calls::kGetRepeatCnt, {trCode, qRecord}).toInt();
            for (int i = 0; i < count; ++i) {
                nlohmann::json cells = nlohmann::json::array();
                for (const auto& field : spec->fields) {
                    cells.push_back(
                        s(m_inner
                              ->dynamicCall(calls::kGetCommData,
                                            {trCode, qRecord, i, QString::fromStdString(field.kiwoomName)})
                              .toString()));
                }
                rows.push_back(std::move(cells));
            }
        }
    }
    write(nlohmann::json{{"t", elapsedMs()},
                         {"event", "tr_data"},
                         {"screen", s(screenNo)},
                         {"rq_name", s(rqName)},
                         {"tr", s(trCode)},
                         {"record", record},
                         {"prev_next", s(prevNext)},
                         {"rows", std::move(rows)}}
              .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    emit OnReceiveTrData(screenNo, rqName, trCode, recordName, prevNext, dataLength, errorCode, message,
                         splmMsg);
}

} // namespace kiwoomd
