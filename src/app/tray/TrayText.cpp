#include "kiwoomd/app/tray/TrayText.h"

#include "kiwoomd/app/tray/TrayPresenter.h"

#include "kiwoomd/core/KstTime.h"

namespace kiwoomd::app {
namespace {

constexpr int kMaxErrorLineLength = 90; // menus grow as wide as their longest entry

QString elide(const QString& text, int maxLength) {
    return text.size() <= maxLength ? text : text.left(maxLength - 1) + QChar(0x2026);
}

// "09:14:12 KST": the menu and pop-ups show times of today, in the market's time zone.
QString kstTime(Timestamp time) {
    const KstDateTime t = toKst(time);
    return QStringLiteral("%1:%2:%3 KST")
        .arg(t.hour, 2, 10, QLatin1Char('0'))
        .arg(t.minute, 2, 10, QLatin1Char('0'))
        .arg(t.second, 2, 10, QLatin1Char('0'));
}

} // namespace

QString TrayText::state(TrayState state) {
    switch (state) {
    case TrayState::Offline:
        return tr("offline");
    case TrayState::LoggingIn:
        return tr("logging in");
    case TrayState::ConnectionLost:
        return tr("connection lost");
    case TrayState::LoginFailed:
        return tr("login failed");
    case TrayState::ModuleUpdating:
        return tr("OpenAPI module updating");
    case TrayState::PollingPaused:
        return tr("polling paused");
    case TrayState::WaitingForData:
        return tr("waiting for data");
    case TrayState::MarketClosed:
        return tr("market closed");
    case TrayState::Live:
        return tr("live");
    case TrayState::DataStale:
        break;
    }
    return tr("data stale");
}

QString TrayText::age(std::chrono::seconds age) {
    const TrayAge value = ageInUnits(age);
    const int count = static_cast<int>(value.count);
    switch (value.unit) {
    case TrayAgeUnit::Seconds:
        return tr("%n s", "age in seconds", count);
    case TrayAgeUnit::Minutes:
        return tr("%n min", "age in minutes", count);
    case TrayAgeUnit::Hours:
        return tr("%n h", "age in hours", count);
    case TrayAgeUnit::Days:
        break;
    }
    return tr("%n day(s)", "age in days", count);
}

namespace {

// The server in a sentence ("mock server") and as a menu value ("mock").
QString serverPhrase(TrayServer server) {
    switch (server) {
    case TrayServer::Mock:
        return TrayText::tr("mock server");
    case TrayServer::Real:
        return TrayText::tr("real server");
    case TrayServer::Unknown:
        break;
    }
    return TrayText::tr("server not known yet");
}

QString serverValue(TrayServer server) {
    switch (server) {
    case TrayServer::Mock:
        return TrayText::tr("mock", "server");
    case TrayServer::Real:
        return TrayText::tr("real", "server");
    case TrayServer::Unknown:
        break;
    }
    return TrayText::tr("not known yet", "server");
}

// The host's state is an API word; the known ones are translated, others shown as they come.
QString hostState(HostState state) {
    switch (state) {
    case HostState::Starting:
        return TrayText::tr("starting", "control host");
    case HostState::Running:
        return TrayText::tr("running", "control host");
    case HostState::Stopping:
        return TrayText::tr("stopping", "control host");
    case HostState::Stopped:
        break;
    }
    return TrayText::tr("stopped", "control host");
}

QString hostLine(const TrayHost& host) {
    QString line = host.pid != 0
                       ? TrayText::tr("Control host: %1 (pid %2)").arg(hostState(host.state)).arg(host.pid)
                       : TrayText::tr("Control host: %1").arg(hostState(host.state));
    if (host.restarts > 0) {
        line += TrayText::tr(", replaced %n time(s)", nullptr, host.restarts);
    }
    if (!host.lastExit.isEmpty()) {
        line += TrayText::tr("; last ended: %1").arg(host.lastExit);
    }
    return elide(line, kMaxErrorLineLength);
}

} // namespace

QString TrayText::backend(Backend backend) {
    // The product names read the same in both languages, as on the dashboard (i18n.mjs "source.*").
    switch (backend) {
    case Backend::ActiveX:
        return tr("OpenAPI+", "backend");
    case Backend::Rest:
        return tr("REST API", "backend");
    case Backend::Emulator:
        return tr("emulator", "backend");
    case Backend::Replay:
        break;
    }
    return tr("replay", "backend: a recording played back");
}

QString TrayText::toolTip(const TrayViewModel& model) {
    const QString data = model.dataAge ? tr("data %1 old").arg(age(*model.dataAge)) : tr("no data yet");
    return elide(tr("kiwoomd: %1\n%2, %3").arg(state(model.state), serverPhrase(model.server), data),
                 kMaxToolTipLength);
}

QStringList TrayText::statusLines(const TrayViewModel& model) {
    QStringList lines;
    lines << tr("Status: %1").arg(state(model.state));
    lines << tr("User: %1").arg(model.userIdMasked.isEmpty() ? tr("not logged in") : model.userIdMasked);
    lines << tr("Server: %1 (%2 backend)").arg(serverValue(model.server), backend(model.backend));
    if (model.lastUpdate && model.dataAge) {
        lines << tr("Last update: %1 (%2 ago)").arg(kstTime(*model.lastUpdate), age(*model.dataAge));
    } else {
        lines << tr("Last update: none yet");
    }
    if (model.budget) {
        lines << tr("Request budget: %1 of %2 per %3 s used")
                     .arg(model.budget->used)
                     .arg(model.budget->maxRequests)
                     .arg(model.budget->seconds);
    }
    if (model.host) {
        lines << hostLine(*model.host);
    }
    if (model.nextLogin) {
        lines << tr("Next login: %1").arg(kstTime(*model.nextLogin));
    }
    if (!model.lastError.isEmpty()) {
        lines << elide(tr("Last error: %1").arg(model.lastError), kMaxErrorLineLength);
    }
    return lines;
}

TrayMenuTexts TrayText::menu(const TrayViewModel& model, const QString& autostartLabel) {
    TrayMenuTexts texts;
    switch (model.login) {
    case TrayLoginAction::Reconnect:
        texts.login = tr("Reconnect");
        break;
    case TrayLoginAction::LoggingIn:
        texts.login = tr("Logging in") + QChar(0x2026);
        break;
    case TrayLoginAction::LogInNow:
        texts.login = tr("Log in now");
        break;
    }
    texts.pause = model.pollingPaused ? tr("Resume polling") : tr("Pause polling");
    texts.openDashboard = tr("Open dashboard");
    texts.copyApiUrl = tr("Copy API URL");
    texts.openLogFolder = tr("Open log folder");
    texts.autostart = tr(autostartLabel.toUtf8().constData());
    texts.about = tr("About kiwoomd");
    texts.quit = tr("Quit kiwoomd");
    return texts;
}

TrayNotification TrayText::notice(const TrayNotice& notice) {
    switch (notice.kind) {
    case TrayNoticeKind::ModuleUpdating:
        return {tr("Kiwoom OpenAPI+ is updating itself"),
                tr("The OpenAPI module installs an update. kiwoomd ends the control's host and logs in "
                   "again with a fresh one."),
                notice.level};
    case TrayNoticeKind::Reconnected:
        return {tr("Reconnected to Kiwoom"),
                tr("Logged in again on the %1; polling goes on.").arg(serverPhrase(notice.server)),
                notice.level};
    case TrayNoticeKind::Throttled:
        return {tr("Kiwoom is throttling requests"),
                tr("The server refused a query with -200 (%1 since the start). kiwoomd waits and retries; "
                   "the data may lag meanwhile.")
                    .arg(notice.throttledCount),
                notice.level};
    case TrayNoticeKind::ConnectionLost:
        break;
    }
    const QString error = notice.error.isEmpty() ? tr("connection lost") : notice.error;
    return {tr("Connection to Kiwoom lost"),
            notice.nextLogin ? tr("%1. Logging in again at %2.").arg(error, kstTime(*notice.nextLogin))
                             : error,
            notice.level};
}

TrayNotification TrayText::statusMessage(const TrayViewModel& model) {
    QStringList lines = statusLines(model).mid(1); // the title already says the state
    lines << tr("Serving %1").arg(model.baseUrl);
    return {tr("kiwoomd: %1").arg(state(model.state)), lines.join(QLatin1Char('\n')),
            statusMessageLevel(model)};
}

QString TrayText::autostartFailed(const QString& detail) {
    return tr("The entry could not be changed: %1").arg(detail);
}

QString TrayText::aboutTitle() {
    return tr("About kiwoomd");
}

QString TrayText::aboutText(const QString& version, const TrayViewModel& model, const QString& dataDir,
                            const QString& logDir) {
    return tr("<b>kiwoomd %1</b><br>Kiwoom OpenAPI+ market data on a local REST API.<br><br>Serving "
              "<a href=\"%2\">%2</a><br>Data folder: %3<br>Logs: %4")
        .arg(version, model.dashboardUrl, dataDir.toHtmlEscaped(), logDir.toHtmlEscaped());
}

} // namespace kiwoomd::app
