#pragma once
// The tray icon: connection state at a glance (colour), a tooltip with server and data age, and
// a menu to copy the API URL, open it, or quit. Copes with a tray that is not there yet by
// retrying for a while, then runs without one.
// Thread: main thread (widgets).

#include "kiwoomd/core/Clock.h"
#include "kiwoomd/core/SnapshotCache.h"
#include "kiwoomd/core/StatusBoard.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace kiwoomd::app {

class TrayIcon : public QObject {
    Q_OBJECT

public:
    TrayIcon(const StatusBoard& board, const SnapshotCache& cache, const Clock& clock, QString apiBaseUrl,
             QObject* parent = nullptr);
    ~TrayIcon() override;

    void refresh();

signals:
    void quitRequested();

private:
    void tryShow();

    const StatusBoard& m_board;
    const SnapshotCache& m_cache;
    const Clock& m_clock;
    QString m_apiBaseUrl;
    std::unique_ptr<QMenu> m_menu;
    QSystemTrayIcon* m_tray = nullptr;
    QAction* m_statusAction = nullptr;
    QTimer m_refreshTimer;
    QTimer m_retryTimer;
    int m_retries = 0;
};

} // namespace kiwoomd::app
