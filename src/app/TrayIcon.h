#pragma once
// The tray icon: renders what TrayPresenter decides (icon, tooltip, menu, pop-ups) in the words
// TrayText gives it, in the language installed before it was built (tray/TrayTranslation.h), and
// forwards the menu's actions. Log in / Reconnect, Pause / Resume and Quit go out as signals for
// Daemon to wire to the session; the rest (open the dashboard or the log folder, copy the API URL,
// start with Windows, about) it does itself. Copes with a tray that is not there yet by retrying
// for a while, then runs without one.
// Thread: main thread (widgets).

#include "kiwoomd/app/Autostart.h"
#include "kiwoomd/app/tray/TrayPresenter.h"

#include "kiwoomd/core/Clock.h"
#include "kiwoomd/core/SnapshotCache.h"
#include "kiwoomd/core/StatusBoard.h"

#include <QIcon>
#include <QObject>
#include <QString>
#include <QTimer>

#include <map>
#include <memory>
#include <vector>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace kiwoomd::app {

struct TrayLinks {
    QString baseUrl; // "http://127.0.0.1:8000"
    QString logDir;  // the folder "Open log folder" opens
    QString dataDir; // named in About
};

class TrayIcon : public QObject {
    Q_OBJECT

public:
    TrayIcon(const StatusBoard& board, const SnapshotCache& cache, const Clock& clock, TrayLinks links,
             std::unique_ptr<Autostart> autostart, QObject* parent = nullptr);
    ~TrayIcon() override;

    void refresh();
    // Pops the current status as a notification (asked for by a second start) and logs it.
    void showStatusMessage();
    bool isShown() const { return m_tray != nullptr; }

signals:
    void loginRequested();
    void pausePollingRequested(bool paused);
    void quitRequested();

private:
    void tryShow();
    TrayInputs inputs() const;
    void render(const TrayViewModel& model);
    void notify(const TrayNotification& notification);
    void toggleAutostart(bool enabled);
    void showAbout();

    const StatusBoard& m_board;
    const SnapshotCache& m_cache;
    const Clock& m_clock;
    TrayLinks m_links;
    std::unique_ptr<Autostart> m_autostart;
    bool m_autostartEnabled = false;
    TrayPresenter m_presenter;
    TrayViewModel m_model;
    std::map<TrayIconKind, QIcon> m_icons;

    std::unique_ptr<QMenu> m_menu;
    QSystemTrayIcon* m_tray = nullptr;
    std::vector<QAction*> m_statusActions;
    QAction* m_statusEnd = nullptr; // the separator after the status section
    QAction* m_login = nullptr;
    QAction* m_pause = nullptr;
    QAction* m_dashboard = nullptr;
    QAction* m_copyUrl = nullptr;
    QAction* m_logFolder = nullptr;
    QAction* m_autostartAction = nullptr;
    QAction* m_about = nullptr;
    QAction* m_quit = nullptr;
    QTimer m_refreshTimer;
    QTimer m_retryTimer;
    int m_retries = 0;
};

} // namespace kiwoomd::app
