#include "TrayIcon.h"

#include "kiwoomd/core/SessionStatus.h"

#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>
#include <QUrl>

#include <spdlog/spdlog.h>

namespace kiwoomd::app {
namespace {

constexpr int kTrayRetryMs = 2000;
constexpr int kTrayRetries = 15; // desktop sessions can take ~30 s to bring up the tray

QIcon dotIcon(const QColor& colour) {
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(colour);
    painter.setPen(QPen(colour.darker(150), 2));
    painter.drawEllipse(3, 3, 26, 26);
    return QIcon(pixmap);
}

} // namespace

TrayIcon::TrayIcon(const StatusBoard& board, const SnapshotCache& cache, const Clock& clock,
                   QString apiBaseUrl, QObject* parent)
    : QObject(parent)
    , m_board(board)
    , m_cache(cache)
    , m_clock(clock)
    , m_apiBaseUrl(std::move(apiBaseUrl))
    , m_menu(std::make_unique<QMenu>()) {
    m_statusAction = m_menu->addAction(QStringLiteral("Starting…"));
    m_statusAction->setEnabled(false);
    m_menu->addSeparator();
    const QString rankingUrl = m_apiBaseUrl + QStringLiteral("/api/volume-ranking");
    connect(m_menu->addAction(QStringLiteral("Open ranking in browser")), &QAction::triggered, this,
            [rankingUrl] { QDesktopServices::openUrl(QUrl(rankingUrl)); });
    connect(m_menu->addAction(QStringLiteral("Copy API URL")), &QAction::triggered, this,
            [rankingUrl] { QGuiApplication::clipboard()->setText(rankingUrl); });
    m_menu->addSeparator();
    connect(m_menu->addAction(QStringLiteral("Quit kiwoomd")), &QAction::triggered, this,
            &TrayIcon::quitRequested);

    connect(&m_refreshTimer, &QTimer::timeout, this, &TrayIcon::refresh);
    m_refreshTimer.start(1000);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &TrayIcon::tryShow);
    tryShow();
}

TrayIcon::~TrayIcon() = default;

void TrayIcon::tryShow() {
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        if (++m_retries <= kTrayRetries) {
            m_retryTimer.start(kTrayRetryMs);
        } else {
            spdlog::warn("no system tray appeared; running without a tray icon (the HTTP API is unaffected)");
        }
        return;
    }
    m_tray = new QSystemTrayIcon(this);
    m_tray->setContextMenu(m_menu.get());
    refresh();
    m_tray->show();
    spdlog::info("tray icon shown");
}

void TrayIcon::refresh() {
    const SessionStatusPtr status = m_board.current();
    const Timestamp now = m_clock.now();
    std::optional<Timestamp> newest;
    bool anyFresh = false;
    for (const auto& snapshot : m_cache.all()) {
        anyFresh = anyFresh || !snapshot->stale;
        if (snapshot->fetchedAt && (!newest || *snapshot->fetchedAt > *newest)) {
            newest = snapshot->fetchedAt;
        }
    }
    QColor colour(0x9e, 0x9e, 0x9e); // offline
    QString state = QString::fromStdString(connectionStateName(status->connection));
    if (status->connection == ConnectionState::Connected) {
        colour = anyFresh ? QColor(0x2e, 0x7d, 0x32) : QColor(0xf9, 0xa8, 0x25);
        state = anyFresh ? QStringLiteral("live") : QStringLiteral("connected, data stale");
    } else if (status->connection == ConnectionState::LoggingIn) {
        colour = QColor(0x19, 0x76, 0xd2);
        state = QStringLiteral("logging in");
    } else if (status->connection == ConnectionState::Failed || status->connection == ConnectionState::Lost) {
        colour = QColor(0xc6, 0x28, 0x28);
    }
    QString age = QStringLiteral("no data yet");
    if (newest) {
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now - *newest).count();
        age = QStringLiteral("data %1 s old").arg(seconds);
    }
    const QString text = QStringLiteral("kiwoomd: %1 (%2 server, %3)")
                             .arg(state, QString::fromStdString(status->serverKind), age);
    m_statusAction->setText(text);
    if (m_tray) {
        m_tray->setIcon(dotIcon(colour));
        m_tray->setToolTip(text);
    }
}

} // namespace kiwoomd::app
