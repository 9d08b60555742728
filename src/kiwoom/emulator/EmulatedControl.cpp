#include "kiwoomd/kiwoom/emulator/EmulatedControl.h"

#include "kiwoomd/core/ControlCalls.h"
#include "kiwoomd/core/KiwoomErrors.h"
#include "kiwoomd/core/TrCatalogue.h"
#include "kiwoomd/kiwoom/CommDataTable.h"
#include "kiwoomd/kiwoom/emulator/TrTextFormat.h"

#include <QMetaObject>

#include <algorithm>

namespace kiwoomd::emulator {
namespace {

constexpr std::size_t kMaxScreens = 200; // the control refuses more distinct screen numbers
constexpr int kPaddingRows = 3;          // all-blank rows the blank-rows fault appends to a page

// What the server says when it refuses an accepted request: the text ends in the code
// (shared/kiwoom-openapi.md, "Methods"; ServerMessage.h reads it).
constexpr char kOverloadMessage[] = "조회 과부하입니다 (-200)";

QString q(const std::string& text) {
    return QString::fromStdString(text);
}
std::string s(const QString& text) {
    return text.toStdString();
}

bool isValidScreen(const std::string& screen) {
    return screen.size() == 4 &&
           std::all_of(screen.begin(), screen.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
           screen != "0000";
}

bool isDigits(const std::string& text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

EmulatedControl::EmulatedControl(EmulatorSettings settings, Scheduler& scheduler, QObject* parent)
    : OpenApiControl(parent)
    , m_settings(std::move(settings))
    , m_scheduler(scheduler)
    , m_createdAt(m_settings.faultClockStart.value_or(scheduler.now()))
    , m_market(std::make_unique<EmulatedMarket>(m_settings.seed, m_settings.universeSize))
    , m_limiter(m_settings.windows, scheduler.clock())
    , m_random(m_settings.seed ^ 0x1A7E7C11ULL)
    , m_tickTask(scheduler)
    , m_loginTask(scheduler) {
    registerHandlers();
    scheduleTick();
    scheduleFaults();
}

EmulatedControl::~EmulatedControl() {
    for (const TaskId id : m_pendingDeliveries) {
        m_scheduler.cancel(id);
    }
}

void EmulatedControl::scheduleTick() {
    if (m_settings.tickMs <= 0) {
        return;
    }
    m_tickTask.start(std::chrono::milliseconds(m_settings.tickMs), [this] {
        m_market->tick();
        scheduleTick();
    });
}

void EmulatedControl::scheduleFaults() {
    for (const auto& fault : m_settings.faults) {
        if (fault.name != "disconnect") {
            continue; // the others are checked where they matter
        }
        const auto elapsed =
            std::chrono::duration_cast<std::chrono::milliseconds>(m_scheduler.now() - m_createdAt);
        if (fault.at < elapsed) {
            continue; // it cut an earlier control's session; this one sees only its outage
        }
        auto task = std::make_unique<ScheduledTask>(m_scheduler);
        task->start(fault.at - elapsed, [this] { dropConnection(kiwoom_error::kSocketClosed); });
        m_faultTasks.push_back(std::move(task));
    }
}

bool EmulatedControl::faultActive(const std::string& name) const {
    const auto elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(m_scheduler.now() - m_createdAt);
    for (const auto& fault : m_settings.faults) {
        if (fault.name != name || elapsed < fault.at) {
            continue;
        }
        // A dropped connection stays down for a while unless the fault says how long.
        std::optional<std::chrono::milliseconds> duration = fault.duration;
        if (!duration && name == "disconnect") {
            duration = std::chrono::milliseconds(20000);
        }
        if (!duration || elapsed < fault.at + *duration) {
            return true;
        }
    }
    return false;
}

void EmulatedControl::registerHandlers() {
    auto add = [this](const char* signature, Handler handler) {
        m_handlers.emplace(QMetaObject::normalizedSignature(signature), std::move(handler));
    };
    add(calls::kCommConnect, [this](const QVariantList&) { return commConnect(); });
    add(calls::kCommTerminate, [this](const QVariantList&) {
        m_connected = false;
        m_loginPending = false;
        ++m_generation;
        return QVariant();
    });
    add(calls::kGetConnectState, [this](const QVariantList&) { return QVariant(m_connected ? 1 : 0); });
    add(calls::kGetLoginInfo, [this](const QVariantList& a) { return getLoginInfo(a.value(0).toString()); });
    add(calls::kKoaFunctions,
        [this](const QVariantList& a) { return koaFunctions(a.value(0).toString(), a.value(1).toString()); });
    add(calls::kSetInputValue, [this](const QVariantList& a) {
        m_inputs[s(a.value(0).toString())] = s(a.value(1).toString());
        m_inputOrder.emplace_back(s(a.value(0).toString()), s(a.value(1).toString()));
        return QVariant();
    });
    add(calls::kCommRqData, [this](const QVariantList& a) {
        return commRqData(a.value(0).toString(), a.value(1).toString(), a.value(2).toInt(),
                          a.value(3).toString());
    });
    add(calls::kGetRepeatCnt,
        [this](const QVariantList& a) { return getRepeatCnt(a.value(0).toString(), a.value(1).toString()); });
    add(calls::kGetCommData, [this](const QVariantList& a) {
        return getCommData(a.value(0).toString(), a.value(1).toString(), a.value(2).toInt(),
                           a.value(3).toString());
    });
    add(calls::kGetCommDataEx, [this](const QVariantList& a) {
        return getCommDataEx(a.value(0).toString(), a.value(1).toString());
    });
    add(calls::kDisconnectRealData, [this](const QVariantList& a) {
        const auto screen = s(a.value(0).toString());
        m_screens.erase(screen);
        m_continuations.erase(screen);
        return QVariant();
    });
    add(calls::kGetCodeListByMarket,
        [this](const QVariantList& a) { return getCodeListByMarket(a.value(0).toString()); });
    add(calls::kGetMasterCodeName,
        [this](const QVariantList& a) { return getMasterCodeName(a.value(0).toString()); });
}

QVariant EmulatedControl::dynamicCall(const char* signature, const QVariantList& args) {
    const auto it = m_handlers.find(QMetaObject::normalizedSignature(signature));
    if (it == m_handlers.end()) {
        // QAxBase warns and answers an invalid QVariant for a name the type library lacks.
        m_unknownCalls.emplace_back(signature);
        qWarning("emulator: unknown control call %s", signature);
        return {};
    }
    return it->second(args);
}

void EmulatedControl::failNextRequests(int resultCode, int count) {
    m_failCode = resultCode;
    m_failCount = count;
}

void EmulatedControl::dropNextResponses(int count) {
    m_dropCount = count;
}

void EmulatedControl::garbleNextResponses(int count) {
    m_garbleCount = count;
}

void EmulatedControl::failNextLogin(int resultCode) {
    m_loginFailure = resultCode;
}

void EmulatedControl::dropConnection(int resultCode) {
    if (!m_connected) {
        return;
    }
    m_connected = false;
    m_dropped = !m_settings.loginAgainAfterDrop;
    ++m_generation;
    m_continuations.clear();
    m_screens.clear();
    emit OnEventConnect(resultCode);
}

QVariant EmulatedControl::commConnect() {
    if (m_loginPending) {
        return 0;
    }
    m_loginPending = true;
    const std::uint64_t generation = ++m_generation;
    m_loginTask.start(std::chrono::milliseconds(m_settings.loginDelayMs), [this, generation] {
        if (generation != m_generation) {
            return;
        }
        m_loginPending = false;
        int result = m_loginFailure.value_or(kiwoom_error::kOk);
        m_loginFailure.reset();
        if (faultActive("version-update")) {
            result = kiwoom_error::kVersionProcessingFailed; // the module wants to update itself
        } else if (m_dropped) {
            // After a drop the real control shows "통신 연결이 끊겼습니다. 프로그램 종료후 재접속 해주시기
            // 바랍니다" and cannot log in again in the same process (shared/kiwoom-openapi.md).
            result = kiwoom_error::kServerConnectionFailed;
        } else if (faultActive("login-fail")) {
            result = kiwoom_error::kUserInfoExchangeFailed;
        } else if (faultActive("disconnect")) {
            result = kiwoom_error::kServerConnectionFailed; // the server is still away
        }
        m_connected = result == kiwoom_error::kOk;
        emit OnEventConnect(result);
    });
    return 0;
}

QVariant EmulatedControl::getLoginInfo(const QString& tag) const {
    const std::string t = s(tag);
    if (t == login_tag::kAccountCount) {
        return QStringLiteral("1");
    }
    if (t == login_tag::kAccounts) {
        return QStringLiteral("8012345611;"); // the control ends the list with ';'
    }
    if (t == login_tag::kUserId) {
        return q(m_settings.userId);
    }
    if (t == login_tag::kUserName) {
        return q(m_settings.userName);
    }
    if (t == login_tag::kKeyboardSecurity || t == login_tag::kFirewall) {
        return QStringLiteral("0");
    }
    if (t == login_tag::kServerKind) {
        return QStringLiteral("1"); // the emulator is a mock trading server
    }
    return QString();
}

QVariant EmulatedControl::koaFunctions(const QString& name, const QString& /*argument*/) const {
    if (s(name) == koa_function::kServerKind) {
        return QStringLiteral("1"); // the emulator is a mock trading server
    }
    return QString(); // the real control answers "" for a name it does not know
}

std::optional<std::vector<std::vector<std::string>>>
EmulatedControl::buildRows(const std::string& trCode,
                           const std::map<std::string, std::string>& inputs) const {
    const tr::TrSpec* spec = tr::findTr(trCode);
    if (!spec) {
        return std::nullopt;
    }
    auto input = [&](const char* name) {
        const auto it = inputs.find(name);
        return it == inputs.end() ? std::string() : it->second;
    };
    for (const auto& inputSpec : spec->inputs) {
        const std::string value = input(inputSpec.name.c_str());
        if (!value.empty() && !tr::isAllowedInput(inputSpec, value)) {
            return std::nullopt;
        }
    }
    const std::string market = input(tr::input::kMarket);
    if (market.empty()) {
        return std::nullopt; // 시장구분 is mandatory
    }
    if (spec->code == tr::kTodayVolumeTr) {
        const std::string sortBy = input(tr::input::kSortBy);
        std::vector<std::vector<std::string>> rows;
        for (const StockState* stock : m_market->todayVolume(market, sortBy.empty() ? "1" : sortBy)) {
            rows.push_back(todayVolumeRow(*stock));
        }
        return rows;
    }
    SurgeQuery query;
    query.marketCode = market;
    query.sortBy = input(tr::input::kSortBy).empty() ? "1" : input(tr::input::kSortBy);
    query.timeBasis = input(tr::input::kTimeBasis).empty() ? "2" : input(tr::input::kTimeBasis);
    const std::string minVolume = input(tr::input::kMinVolume);
    query.minVolume = (minVolume.empty() ? 5 : std::stoll(minVolume)) * 1000;
    const std::string minutes = input(tr::input::kMinutes);
    if (query.timeBasis == "1") {
        if (!isDigits(minutes) || minutes.size() > 2 || std::stoi(minutes) < 1) { // 2 characters wide
            return std::nullopt;
        }
        query.minutes = std::stoi(minutes);
    }
    query.issueCondition = input(tr::input::kIssueCondition);
    query.priceBand = input(tr::input::kPriceBand);

    std::vector<std::vector<std::string>> rows;
    for (const auto& entry : m_market->volumeSurge(query)) {
        rows.push_back(volumeSurgeRow(entry));
    }
    return rows;
}

QVariant EmulatedControl::commRqData(const QString& rqName, const QString& trCode, int prevNext,
                                     const QString& screenNo) {
    std::map<std::string, std::string> inputs;
    inputs.swap(m_inputs); // the control forgets inputs once a request is sent
    std::string logLine = s(trCode) + " " + std::to_string(prevNext) + " ";
    for (const auto& [name, value] : m_inputOrder) {
        logLine += name + "=" + value + ";";
    }
    m_inputOrder.clear();
    m_requestLog.push_back(logLine);

    if (!m_connected) {
        return kiwoom_error::kSocketClosed;
    }
    const std::string screen = s(screenNo);
    if (!isValidScreen(screen) || (m_screens.count(screen) == 0 && m_screens.size() >= kMaxScreens)) {
        return kiwoom_error::kRequestInitFailed;
    }
    if (!m_limiter.tryAcquire()) {
        return kiwoom_error::kQueryOverload;
    }
    if (m_failCount > 0) {
        --m_failCount;
        return m_failCode;
    }
    if (faultActive("throttle")) {
        return kiwoom_error::kQueryOverload;
    }
    if (!tr::findTr(s(trCode))) {
        return kiwoom_error::kRequestInitFailed;
    }
    m_screens.insert(screen);

    Response response;
    response.screenNo = screen;
    response.rqName = s(rqName);
    response.trCode = s(trCode);
    response.recordName = tr::findTr(s(trCode))->recordName;
    if (faultActive("server-refuse")) {
        // Accepted by the control, refused by the server: only OnReceiveMsg comes back.
        response.refused = true;
        response.message = kOverloadMessage;
        scheduleDelivery(std::move(response));
        return kiwoom_error::kOk;
    }

    std::vector<std::vector<std::string>> all;
    const auto continuation = m_continuations.find(screen);
    if (prevNext == 2 && continuation != m_continuations.end() &&
        continuation->second.trCode == response.trCode) {
        all = std::move(continuation->second.remaining);
    } else {
        auto rows = buildRows(response.trCode, inputs);
        if (!rows) {
            return kiwoom_error::kRequestInputError;
        }
        all = std::move(*rows);
    }
    m_continuations.erase(screen);

    const auto pageSize = static_cast<std::size_t>(std::max(1, m_settings.pageSize));
    if (all.size() > pageSize) {
        Continuation rest{response.trCode, {all.begin() + static_cast<std::ptrdiff_t>(pageSize), all.end()}};
        all.resize(pageSize);
        m_continuations[screen] = std::move(rest);
        response.hasMore = true;
    }
    if (faultActive("empty")) {
        all.clear();
        response.hasMore = false;
        m_continuations.erase(screen);
    }
    if (m_garbleCount > 0 || faultActive("malformed")) {
        m_garbleCount = std::max(0, m_garbleCount - 1);
        garble(all);
    }
    if (faultActive("blank-rows")) {
        // The server sometimes pads a page with rows of spaces (RankingRow.h: absent rows).
        const std::size_t fields = tr::findTr(response.trCode)->fields.size();
        all.insert(all.end(), kPaddingRows, std::vector<std::string>(fields, padText("")));
    }
    response.rows = std::move(all);
    response.message = response.rows.empty() ? "[00Z218] 모의투자 조회할 자료가 없습니다"
                                             : "[00Z310] 모의투자 조회가 완료되었습니다";

    if (m_dropCount > 0 || (faultActive("drop") && m_random.chance(0.5))) {
        m_dropCount = std::max(0, m_dropCount - 1);
        return kiwoom_error::kOk; // accepted, and then silence
    }
    scheduleDelivery(std::move(response));
    return kiwoom_error::kOk;
}

void EmulatedControl::scheduleDelivery(Response response) {
    const std::uint64_t generation = m_generation;
    const int latency =
        faultActive("slow") ? static_cast<int>(m_random.uniformInt(2000, 5000)) : nextLatencyMs();
    auto pending = std::make_shared<Response>(std::move(response));
    auto id = std::make_shared<TaskId>(0);
    *id = m_scheduler.callAfter(std::chrono::milliseconds(latency), [this, pending, generation, id] {
        deliver(std::move(*pending), generation, *id);
    });
    m_pendingDeliveries.insert(*id);
}

void EmulatedControl::deliver(Response response, std::uint64_t generation, TaskId task) {
    m_pendingDeliveries.erase(task);
    if (generation != m_generation) {
        return; // the connection dropped while the request was in flight
    }
    // The server's message comes first, as with the real control; a refusal ends there.
    emit OnReceiveMsg(q(response.screenNo), q(response.rqName), q(response.trCode), q(response.message));
    if (response.refused) {
        return;
    }
    m_current = &response;
    emit OnReceiveTrData(q(response.screenNo), q(response.rqName), q(response.trCode), q(response.recordName),
                         response.hasMore ? QStringLiteral("2") : QStringLiteral("0"), 0, QString(),
                         QString(), QString());
    m_current = nullptr;
}

int EmulatedControl::nextLatencyMs() {
    return static_cast<int>(m_random.uniformInt(m_settings.minLatencyMs, m_settings.maxLatencyMs));
}

void EmulatedControl::garble(std::vector<std::vector<std::string>>& rows) {
    // The oddities seen in the wild: doubled signs, empty values, stray text.
    static const char* const kGarbage[] = {"--335", "", "N/A", "+-1.2", "12a"};
    for (auto& row : rows) {
        if (row.empty() || !m_random.chance(0.2)) {
            continue;
        }
        const auto column =
            static_cast<std::size_t>(m_random.uniformInt(0, static_cast<std::int64_t>(row.size()) - 1));
        row[column] = padNumber(kGarbage[m_random.uniformInt(0, 4)]);
    }
}

QVariant EmulatedControl::getRepeatCnt(const QString& trCode, const QString& recordName) const {
    if (!m_current || s(trCode) != m_current->trCode || s(recordName) != m_current->recordName) {
        return 0;
    }
    return static_cast<int>(m_current->rows.size());
}

QVariant EmulatedControl::getCommData(const QString& trCode, const QString& recordName, int index,
                                      const QString& item) const {
    if (!m_current || s(trCode) != m_current->trCode || s(recordName) != m_current->recordName || index < 0 ||
        static_cast<std::size_t>(index) >= m_current->rows.size()) {
        return QString();
    }
    const auto fields = tr::findTr(m_current->trCode)->fieldNames();
    const auto it = std::find(fields.begin(), fields.end(), s(item));
    if (it == fields.end()) {
        return QString();
    }
    return q(m_current->rows[static_cast<std::size_t>(index)][static_cast<std::size_t>(it - fields.begin())]);
}

QVariant EmulatedControl::getCommDataEx(const QString& trCode, const QString& recordName) const {
    if (!m_current || s(trCode) != m_current->trCode || s(recordName) != m_current->recordName) {
        return QVariant();
    }
    if (faultActive("commdataex-empty")) {
        // Qt 5.15 turns a SAFEARRAY it cannot convert into an empty but valid list.
        return QVariantList();
    }
    if (faultActive("commdataex-mismatch") && !m_current->rows.empty()) {
        // One row fewer than GetRepeatCnt says: the page must be read field by field instead.
        return toCommDataTable({m_current->rows.begin(), m_current->rows.end() - 1});
    }
    return toCommDataTable(m_current->rows);
}

QVariant EmulatedControl::getCodeListByMarket(const QString& market) const {
    const std::string m = s(market);
    QStringList codes;
    for (const auto& stock : m_market->stocks()) {
        const bool kospi = stock.listing.exchange == Exchange::Kospi;
        if ((m == "0" && kospi) || (m == "10" && !kospi)) {
            codes << q(stock.listing.code);
        }
    }
    return codes.isEmpty() ? QString() : codes.join(';') + ';';
}

QVariant EmulatedControl::getMasterCodeName(const QString& code) const {
    const StockState* stock = m_market->find(s(code));
    return stock ? q(stock->listing.name) : QString();
}

} // namespace kiwoomd::emulator
