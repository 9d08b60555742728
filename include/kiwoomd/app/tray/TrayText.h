#pragma once
// The tray's words: turns TrayViewModel and TrayNotice values into the texts of the menu, the
// tooltip and the pop-ups, through Qt's translation (tr(), src/app/translations/*.ts). Source texts
// are English; the Korean ones use the dashboard's terms (연결됨, 모의투자, 실서버, 조회 일시정지).
// No decision is made here: what to show is TrayPresenter's, how it reads is this file's.
// Thread: main thread (reads the application's installed translators).

#include "kiwoomd/app/tray/TrayViewModel.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <chrono>

namespace kiwoomd::app {

struct TrayMenuTexts {
    QString login;
    QString pause;
    QString openDashboard;
    QString copyApiUrl;
    QString openLogFolder;
    QString autostart;
    QString about;
    QString quit;
};

class TrayText {
    Q_DECLARE_TR_FUNCTIONS(TrayText)

public:
    static QString state(TrayState state);
    // The backend's name as the dashboard's header gives it: "OpenAPI+", "REST API", "emulator", ...
    static QString backend(Backend backend);
    // "12 s", "5 min", "3 h", "2 days": a data age as a person reads it.
    static QString age(std::chrono::seconds age);
    // At most kMaxToolTipLength characters.
    static QString toolTip(const TrayViewModel& model);
    // The menu's read-only status section: state, user, server, last update, budget, host, errors.
    static QStringList statusLines(const TrayViewModel& model);
    // `autostartLabel` is Autostart::label(), English; it is translated here.
    static TrayMenuTexts menu(const TrayViewModel& model, const QString& autostartLabel);
    static TrayNotification notice(const TrayNotice& notice);
    // The pop-up shown on request, e.g. when a second start asks the running daemon.
    static TrayNotification statusMessage(const TrayViewModel& model);
    // A failed tick of Start with Windows; `detail` is the system's reason, with the path.
    static QString autostartFailed(const QString& detail);
    static QString aboutTitle();
    // Rich text; the folders are escaped here.
    static QString aboutText(const QString& version, const TrayViewModel& model, const QString& dataDir,
                             const QString& logDir);
};

} // namespace kiwoomd::app
