#include "kiwoomd/kiwoom/ControlSource.h"

#include "kiwoomd/core/ControlCalls.h"
#include "kiwoomd/core/KiwoomErrors.h"
#include "kiwoomd/core/TrCatalogue.h"

#include <spdlog/spdlog.h>

namespace kiwoomd {
namespace {

// UTF-8 of a field as the control returned it. Numbers and codes are short ASCII, copied straight
// into a std::string's inline buffer; other text goes through Qt's conversion.
std::string utf8(const QString& text) {
    std::string out(static_cast<std::size_t>(text.size()), '\0');
    for (int i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c >= 0x80) {
            return text.toStdString();
        }
        out[static_cast<std::size_t>(i)] = static_cast<char>(c);
    }
    return out;
}

QString q(const std::string& text) {
    return QString::fromStdString(text);
}

ServerKind serverKindOf(const QString& gubun) {
    if (gubun.trimmed().isEmpty()) {
        return ServerKind::Unknown;
    }
    return gubun.trimmed() == QLatin1String("1") ? ServerKind::Mock : ServerKind::Real;
}

} // namespace

ControlSource::ControlSource(Backend backend, ControlFactory makeControl, Scheduler& scheduler,
                             ControlSourceSettings settings, QObject* parent)
    : Source(parent)
    , m_backend(backend)
    , m_makeControl(std::move(makeControl))
    , m_scheduler(scheduler)
    , m_settings(settings)
    , m_watchdog(scheduler) {}

ControlSource::~ControlSource() = default;

void ControlSource::attach(std::unique_ptr<OpenApiControl> control) {
    m_control = std::move(control);
    OpenApiControl* c = m_control.get();
    connect(c, &OpenApiControl::OnEventConnect, this, &ControlSource::onEventConnect);
    connect(c, &OpenApiControl::OnReceiveTrData, this,
            [this](const QString& screen, const QString& rqName, const QString& trCode, const QString&,
                   const QString& prevNext, int, const QString&, const QString&,
                   const QString&) { onTrData(screen, rqName, trCode, prevNext); });
    connect(c, &OpenApiControl::OnReceiveMsg, this, &ControlSource::onMessage);
}

void ControlSource::retire() {
    m_watchdog.stop();
    m_inFlight.reset();
    m_loggedIn = false;
    if (m_control) {
        // Possibly inside one of its own events: it goes once that returns.
        m_control->disconnect(this);
        m_control.release()->deleteLater();
    }
}

void ControlSource::logIn() {
    retire();
    attach(m_makeControl());
    const int result = m_control->dynamicCall(calls::kCommConnect).toInt();
    if (result != kiwoom_error::kOk) {
        emit loginFailed(result,
                         QString::fromStdString("CommConnect: " + kiwoom_error::describeWithCode(result)));
    }
}

void ControlSource::logOut() {
    if (m_control && m_loggedIn) {
        m_control->dynamicCall(calls::kCommTerminate);
    }
    retire();
}

void ControlSource::onEventConnect(int code) {
    if (code == kiwoom_error::kOk) {
        if (m_loggedIn) {
            return;
        }
        m_loggedIn = true;
        const LoginInfo info = readLoginInfo();
        m_watchdog.start(m_settings.watchdogInterval, [this] { checkConnectState(); });
        emit loggedIn(info);
        return;
    }
    const QString reason = QString::fromStdString(kiwoom_error::describeWithCode(code));
    if (m_loggedIn) {
        m_loggedIn = false;
        m_watchdog.stop();
        m_inFlight.reset();
        emit lost(code, reason);
        return;
    }
    emit loginFailed(code, reason);
}

LoginInfo ControlSource::readLoginInfo() {
    LoginInfo info;
    // KOA_Functions first, as public wrappers do; the GetLoginInfo tag of the same name second.
    QString gubun =
        m_control->dynamicCall(calls::kKoaFunctions, {QString::fromLatin1(login_tag::kServerKind), QString()})
            .toString();
    if (gubun.trimmed().isEmpty()) {
        gubun = m_control->dynamicCall(calls::kGetLoginInfo, {QString::fromLatin1(login_tag::kServerKind)})
                    .toString();
    }
    info.serverKind = serverKindOf(gubun);
    info.userId = m_control->dynamicCall(calls::kGetLoginInfo, {QString::fromLatin1(login_tag::kUserId)})
                      .toString()
                      .trimmed()
                      .toStdString();
    return info;
}

void ControlSource::checkConnectState() {
    if (!m_loggedIn || !m_control) {
        return;
    }
    if (m_control->dynamicCall(calls::kGetConnectState).toInt() == 0) {
        spdlog::warn("GetConnectState() says the connection is gone");
        onEventConnect(kiwoom_error::kSocketClosed);
        return;
    }
    m_watchdog.start(m_settings.watchdogInterval, [this] { checkConnectState(); });
}

void ControlSource::request(const PageRequest& request) {
    if (!m_control || !m_loggedIn) {
        emit requestSent(q(request.rqName), kiwoom_error::kSocketClosed);
        return;
    }
    if (m_inFlight) {
        // Only a request that re-entered (a modal loop runs) or came before the last one was
        // released gets here: refused, never sent over the one in flight.
        spdlog::warn("request {} refused: {} is still in flight", request.rqName, m_inFlight->rqName);
        emit requestSent(q(request.rqName), kiwoom_error::kFail);
        return;
    }
    m_inFlight = request;
    // The control forgets its inputs after every CommRqData: a continuation sets them again.
    for (const auto& [name, value] : request.inputs) {
        m_control->dynamicCall(calls::kSetInputValue, {q(name), q(value)});
    }
    const int result = m_control
                           ->dynamicCall(calls::kCommRqData, {q(request.rqName), q(request.trCode),
                                                              request.prevNext, q(request.screenNo)})
                           .toInt();
    if (result != kiwoom_error::kOk) {
        m_inFlight.reset();
    }
    emit requestSent(q(request.rqName), result);
}

void ControlSource::releaseScreen(const std::string& screenNo) {
    if (m_inFlight && m_inFlight->screenNo == screenNo) {
        m_inFlight.reset();
    }
    if (m_control) {
        m_control->dynamicCall(calls::kDisconnectRealData, {q(screenNo)});
    }
}

void ControlSource::onMessage(const QString& screenNo, const QString& rqName, const QString& trCode,
                              const QString& message) {
    emit serverMessage(rqName, trCode, screenNo, message);
}

void ControlSource::onTrData(const QString& screenNo, const QString& rqName, const QString& trCode,
                             const QString& prevNext) {
    if (!m_inFlight || rqName.toStdString() != m_inFlight->rqName) {
        spdlog::debug("ignoring OnReceiveTrData for {} on screen {} (not in flight)", rqName.toStdString(),
                      screenNo.toStdString());
        return;
    }
    // The spec comes from the request in flight, not from the event's spelling of the TR code.
    const PageRequest request = std::move(*m_inFlight);
    m_inFlight.reset();
    TrPage page;
    page.rqName = request.rqName;
    page.trCode = request.trCode;
    page.screenNo = request.screenNo;
    page.more = prevNext.trimmed() == QLatin1String(prev_next::kMoreData);
    if (const tr::TrSpec* spec = tr::findTr(request.trCode)) {
        page.recordName = spec->recordName;
        page.rows = readPage(q(request.trCode), spec->recordName, spec->fields.size());
    } else {
        spdlog::warn("answer for {} has no catalogue entry; no rows read", trCode.toStdString());
    }
    // Some TRs register real-time data for the codes they return; the screen is released after
    // each query's last page, as public wrappers do, so that nothing keeps arriving on it. Not
    // between pages: a continuation is asked for on the screen that holds the query.
    if (!page.more) {
        m_control->dynamicCall(calls::kDisconnectRealData, {screenNo});
    }
    emit pageArrived(page);
}

std::vector<std::vector<std::string>>
ControlSource::readPage(const QString& trCode, const std::string& recordName, std::size_t fieldCount) {
    const QString record = q(recordName);
    const int count = m_control->dynamicCall(calls::kGetRepeatCnt, {trCode, record}).toInt();
    std::vector<std::vector<std::string>> rows;
    if (m_settings.useCommDataEx) {
        // Qt 5.15 turns a SAFEARRAY it cannot convert into an empty but valid list; a list whose
        // length differs from GetRepeatCnt is not trusted either: both fall back to GetCommData.
        const QVariant table = m_control->dynamicCall(calls::kGetCommDataEx, {trCode, record});
        const QVariantList list = table.toList();
        if (table.isValid() && !list.isEmpty() && list.size() == count) {
            rows.reserve(static_cast<std::size_t>(list.size()));
            for (const QVariant& rowValue : list) {
                const QVariantList cells = rowValue.toList();
                std::vector<std::string> row;
                row.reserve(static_cast<std::size_t>(cells.size()));
                for (const QVariant& cell : cells) {
                    row.push_back(utf8(cell.toString()));
                }
                rows.push_back(std::move(row));
            }
            return rows;
        }
    }
    const tr::TrSpec* spec = tr::findTr(trCode.toStdString());
    rows.reserve(static_cast<std::size_t>(std::max(count, 0)));
    for (int index = 0; index < count; ++index) {
        std::vector<std::string> row;
        row.reserve(fieldCount);
        for (const auto& field : spec->fields) {
            row.push_back(
                utf8(m_control->dynamicCall(calls::kGetCommData, {trCode, record, index, q(field.kiwoomName)})
                         .toString()));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace kiwoomd
