#include "kiwoomd/kiwoom/record/ReplayControl.h"

#include "kiwoomd/core/ControlCalls.h"
#include "kiwoomd/core/JsonInteger.h"
#include "kiwoomd/core/KiwoomErrors.h"
#include "kiwoomd/core/TrCatalogue.h"
#include "kiwoomd/kiwoom/CommDataTable.h"

#include <QFile>
#include <QMetaObject>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <stdexcept>

namespace kiwoomd {
namespace {

constexpr long long kLoginDelayMs = 200;

std::string s(const QString& text) {
    return text.toStdString();
}
QString q(const std::string& text) {
    return QString::fromStdString(text);
}

bool isCall(const char* signature, const char* known) {
    return QMetaObject::normalizedSignature(signature) == QMetaObject::normalizedSignature(known);
}

// A JSON integer within T's range (JsonInteger.h): a "t" of 1e300 in a damaged file is refused
// with a message, not cast.
template <typename T> T integerAt(const nlohmann::json& json, const char* key) {
    const nlohmann::json& value = json.at(key);
    const std::optional<T> result = jsonInteger<T>(value);
    if (!result) {
        throw std::runtime_error(std::string("\"") + key +
                                 (value.is_number_integer() ? "\" is out of range: " + value.dump()
                                                            : std::string("\" is not an integer")));
    }
    return *result;
}

} // namespace

ReplayControl::ReplayControl(Scheduler& scheduler, QObject* parent)
    : OpenApiControl(parent)
    , m_scheduler(scheduler) {}

ReplayControl::~ReplayControl() {
    for (const TaskId id : m_pending) {
        m_scheduler.cancel(id);
    }
}

std::string ReplayControl::key(const std::string& trCode, int prevNext,
                               const std::vector<std::pair<std::string, std::string>>& inputs) {
    std::string k = trCode + "|" + std::to_string(prevNext);
    for (const auto& [name, value] : inputs) {
        // A blank input asks for the server's default, as an input not set at all does: so a
        // recording made before the catalogue gained an input (opt10023's 거래소구분, blank = KRX)
        // still answers today's requests.
        if (value.empty()) {
            continue;
        }
        k += "|" + name + "=" + value;
    }
    return k;
}

std::size_t ReplayControl::answerCount() const {
    std::size_t count = 0;
    for (const auto& [k, answers] : m_answers) {
        count += answers.size();
    }
    return count;
}

bool ReplayControl::load(const QString& path, QString& error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return false;
    }
    struct Open {
        std::string key;
        std::size_t index;
        long long sentAt;
    };
    std::map<std::string, Open> awaiting; // by request name
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty()) {
            continue;
        }
        try {
            if (lineNumber == 1 && !nlohmann::json::accept(line.toStdString())) {
                error =
                    QStringLiteral("%1 is not a kiwoomd recording (its first line is not JSON)").arg(path);
                return false;
            }
            const auto json = nlohmann::json::parse(line.toStdString());
            if (lineNumber == 1) {
                if (!json.contains("kiwoomd_recording")) {
                    error = QStringLiteral("%1 is not a kiwoomd recording (no header line)").arg(path);
                    return false;
                }
                continue;
            }
            const long long t = integerAt<long long>(json, "t");
            if (json.contains("event")) {
                const auto event = json.at("event").get<std::string>();
                if (event == "connect") {
                    m_loginResults.push_back(integerAt<int>(json, "code"));
                } else if (event == "tr_data") {
                    const auto it = awaiting.find(json.at("rq_name").get<std::string>());
                    if (it == awaiting.end()) {
                        continue; // an answer to a request made before the recording started
                    }
                    RecordedAnswer& answer = m_answers[it->second.key][it->second.index];
                    answer.answered = true;
                    answer.delayMs = std::max(0LL, t - it->second.sentAt);
                    answer.recordName = json.at("record").get<std::string>();
                    answer.prevNext = json.at("prev_next").get<std::string>();
                    answer.rows = json.at("rows").get<std::vector<std::vector<std::string>>>();
                    awaiting.erase(it);
                }
                continue;
            }
            const auto call = json.at("call").get<std::string>();
            if (call == "GetLoginInfo") {
                m_loginInfo[json.at("tag").get<std::string>()] = json.at("value").get<std::string>();
            } else if (call == "CommRqData") {
                const auto inputs = json.at("inputs").get<std::vector<std::pair<std::string, std::string>>>();
                const std::string k =
                    key(json.at("tr").get<std::string>(), integerAt<int>(json, "prev_next"), inputs);
                RecordedAnswer answer;
                answer.result = integerAt<int>(json, "result");
                auto& list = m_answers[k];
                list.push_back(answer);
                if (answer.result == kiwoom_error::kOk) {
                    awaiting[json.at("rq_name").get<std::string>()] = Open{k, list.size() - 1, t};
                }
            }
        } catch (const std::exception& e) {
            error =
                QStringLiteral("%1, line %2: %3").arg(path).arg(lineNumber).arg(QString::fromUtf8(e.what()));
            return false;
        }
    }
    if (m_loginResults.empty()) {
        m_loginResults.push_back(kiwoom_error::kOk); // recorded after the login: assume it succeeded
    }
    return true;
}

QVariant ReplayControl::dynamicCall(const char* signature, const QVariantList& args) {
    if (isCall(signature, calls::kCommConnect)) {
        const int result = m_loginResults[std::min(m_nextLogin, m_loginResults.size() - 1)];
        ++m_nextLogin;
        m_pending.push_back(m_scheduler.callAfter(std::chrono::milliseconds(kLoginDelayMs), [this, result] {
            m_connected = result == kiwoom_error::kOk;
            emit OnEventConnect(result);
        }));
        return 0;
    }
    if (isCall(signature, calls::kGetConnectState)) {
        return m_connected ? 1 : 0;
    }
    if (isCall(signature, calls::kGetLoginInfo)) {
        const auto it = m_loginInfo.find(s(args.value(0).toString()));
        return it == m_loginInfo.end() ? QString() : q(it->second);
    }
    if (isCall(signature, calls::kSetInputValue)) {
        m_inputs.emplace_back(s(args.value(0).toString()), s(args.value(1).toString()));
        return {};
    }
    if (isCall(signature, calls::kCommRqData)) {
        const std::string k = key(s(args.value(1).toString()), args.value(2).toInt(), m_inputs);
        m_inputs.clear();
        if (!m_connected) {
            return kiwoom_error::kSocketClosed;
        }
        const auto found = m_answers.find(k);
        if (found == m_answers.end() || found->second.empty()) {
            return kiwoom_error::kNoData; // nothing like this was recorded
        }
        std::size_t& cursor = m_cursor[k];
        const RecordedAnswer answer = found->second[std::min(cursor, found->second.size() - 1)];
        ++cursor;
        if (answer.result != kiwoom_error::kOk || !answer.answered) {
            return answer.result;
        }
        const QString screen = args.value(3).toString();
        const QString rqName = args.value(0).toString();
        const QString trCode = args.value(1).toString();
        auto id = std::make_shared<TaskId>(0);
        *id = m_scheduler.callAfter(
            std::chrono::milliseconds(answer.delayMs), [this, answer, screen, rqName, trCode, id] {
                m_pending.erase(std::remove(m_pending.begin(), m_pending.end(), *id), m_pending.end());
                m_current = Current{s(trCode), answer.recordName, answer.rows};
                emit OnReceiveTrData(screen, rqName, trCode, q(answer.recordName), q(answer.prevNext), 0,
                                     QString(), QString(), QString());
                m_current.reset();
            });
        m_pending.push_back(*id);
        return kiwoom_error::kOk;
    }
    const bool current = m_current && s(args.value(0).toString()) == m_current->trCode &&
                         s(args.value(1).toString()) == m_current->recordName;
    if (isCall(signature, calls::kGetRepeatCnt)) {
        return current ? static_cast<int>(m_current->rows.size()) : 0;
    }
    if (isCall(signature, calls::kGetCommDataEx)) {
        if (!current) {
            return {};
        }
        return toCommDataTable(m_current->rows);
    }
    if (isCall(signature, calls::kGetCommData)) {
        // Columns in the catalogue's field order: what GetCommDataEx returns for a catalogue TR.
        const int index = args.value(2).toInt();
        const tr::TrSpec* spec = m_current ? tr::findTr(m_current->trCode) : nullptr;
        if (!current || !spec || index < 0 || static_cast<std::size_t>(index) >= m_current->rows.size()) {
            return QString();
        }
        const auto names = spec->fieldNames();
        const auto column = std::find(names.begin(), names.end(), s(args.value(3).toString()));
        const auto& row = m_current->rows[static_cast<std::size_t>(index)];
        const auto position = static_cast<std::size_t>(column - names.begin());
        return column == names.end() || position >= row.size() ? QString() : q(row[position]);
    }
    return {};
}

} // namespace kiwoomd
