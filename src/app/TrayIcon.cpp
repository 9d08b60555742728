#include "TrayIcon.h"

#include "kiwoomd/app/tray/TrayText.h"

#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>
#include <QUrl>

#include <spdlog/spdlog.h>

namespace kiwoomd::app {
namespace {

constexpr int kRefreshMs = 1000;
constexpr int kTrayRetryMs = 2000;
constexpr int kTrayRetries = 15; // desktop sessions can take ~30 s to bring up the tray
constexpr int kNotificationMs = 8000;

QColor colourFor(TrayIconKind kind) {
    switch (kind) {
    case TrayIconKind::LoggingIn:
        return {0x19, 0x76, 0xd2};
    case TrayIconKind::Live:
        return {0x2e, 0x7d, 0x32};
    case TrayIconKind::Stale:
        return {0xf9, 0xa8, 0x25};
    case TrayIconKind::Error:
        return {0xc6, 0x28, 0x28};
    case TrayIconKind::Offline:
        break;
    }
    return {0x9e, 0x9e, 0x9e};
}

// The app's glyph (three rising volume bars, as in kiwoomd.ico) on a disc in the state's colour.
// Drawn rather than loaded, so no state can be missing an image; no text, so no font is needed.
QIcon drawIcon(TrayIconKind kind) {
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QColor colour = colourFor(kind);
        painter.setPen(QPen(colour.darker(140), size / 16.0));
        painter.setBrush(colour);
        painter.drawEllipse(QRectF(0.5, 0.5, size - 1.0, size - 1.0));
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        const double unit = size / 16.0;
        const double heights[] = {4, 7, 10};
        for (int bar = 0; bar < 3; ++bar) {
            painter.drawRect(
                QRectF((4 + bar * 3) * unit, (13 - heights[bar]) * unit, 2 * unit, heights[bar] * unit));
        }
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QSystemTrayIcon::MessageIcon messageIcon(TrayNotificationLevel level) {
    switch (level) {
    case TrayNotificationLevel::Warning:
        return QSystemTrayIcon::Warning;
    case TrayNotificationLevel::Critical:
        return QSystemTrayIcon::Critical;
    case TrayNotificationLevel::Information:
        break;
    }
    return QSystemTrayIcon::Information;
}

void apply(QAction* action, const TrayMenuItem& item, const QString& text) {
    action->setText(text);
    action->setEnabled(item.enabled);
    if (action->isCheckable()) {
        action->setChecked(item.checked);
    }
}

} // namespace

TrayIcon::TrayIcon(const StatusBoard& board, const SnapshotCache& cache, const Clock& clock, TrayLinks links,
                   std::unique_ptr<Autostart> autostart, QObject* parent)
    : QObject(parent)
    , m_board(board)
    , m_cache(cache)
    , m_clock(clock)
    , m_links(std::move(links))
    , m_autostart(std::move(autostart))
    , m_autostartEnabled(m_autostart->isEnabled())
    , m_presenter(TrayPresenterSettings{m_links.baseUrl})
    , m_menu(std::make_unique<QMenu>()) {
    for (const auto kind : {TrayIconKind::Offline, TrayIconKind::LoggingIn, TrayIconKind::Live,
                            TrayIconKind::Stale, TrayIconKind::Error}) {
        m_icons[kind] = drawIcon(kind);
    }

    m_statusEnd = m_menu->addSeparator();
    m_login = m_menu->addAction(QString());
    connect(m_login, &QAction::triggered, this, &TrayIcon::loginRequested);
    m_pause = m_menu->addAction(QString());
    connect(m_pause, &QAction::triggered, this,
            [this] { emit pausePollingRequested(!m_model.pollingPaused); });
    m_menu->addSeparator();
    m_dashboard = m_menu->addAction(QString());
    connect(m_dashboard, &QAction::triggered, this,
            [this] { QDesktopServices::openUrl(QUrl(m_model.dashboardUrl)); });
    m_copyUrl = m_menu->addAction(QString());
    connect(m_copyUrl, &QAction::triggered, this,
            [this] { QGuiApplication::clipboard()->setText(m_model.apiUrl); });
    m_logFolder = m_menu->addAction(QString());
    connect(m_logFolder, &QAction::triggered, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_links.logDir)); });
    m_autostartAction = m_menu->addAction(QString());
    m_autostartAction->setCheckable(true);
    connect(m_autostartAction, &QAction::triggered, this, &TrayIcon::toggleAutostart);
    m_menu->addSeparator();
    m_about = m_menu->addAction(QString());
    connect(m_about, &QAction::triggered, this, &TrayIcon::showAbout);
    m_quit = m_menu->addAction(QString());
    connect(m_quit, &QAction::triggered, this, &TrayIcon::quitRequested);

    render(m_presenter.present(inputs()));
    connect(&m_refreshTimer, &QTimer::timeout, this, &TrayIcon::refresh);
    m_refreshTimer.start(kRefreshMs);
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
    render(m_model);
    m_tray->show();
    spdlog::info("tray icon shown");
}

TrayInputs TrayIcon::inputs() const {
    return TrayInputs{m_board.current(), m_cache.all(), m_clock.now(), m_autostartEnabled};
}

void TrayIcon::refresh() {
    const TrayInputs now = inputs();
    render(m_presenter.present(now));
    if (const auto notice = m_presenter.notification(now)) {
        notify(TrayText::notice(*notice));
    }
}

void TrayIcon::render(const TrayViewModel& model) {
    m_model = model;
    const QStringList statusLines = TrayText::statusLines(model);
    // The status section is rebuilt only when its number of lines changes.
    if (m_statusActions.size() != static_cast<std::size_t>(statusLines.size())) {
        for (QAction* action : m_statusActions) {
            m_menu->removeAction(action);
            action->deleteLater();
        }
        m_statusActions.clear();
        for (int i = 0; i < statusLines.size(); ++i) {
            auto* action = new QAction(m_menu.get());
            action->setEnabled(false); // read-only lines
            m_menu->insertAction(m_statusEnd, action);
            m_statusActions.push_back(action);
        }
    }
    for (int i = 0; i < statusLines.size(); ++i) {
        m_statusActions[static_cast<std::size_t>(i)]->setText(statusLines[i]);
    }
    const TrayMenuTexts texts = TrayText::menu(model, m_autostart->label());
    apply(m_login, model.loginItem, texts.login);
    apply(m_pause, model.pause, texts.pause);
    apply(m_dashboard, model.openDashboard, texts.openDashboard);
    apply(m_copyUrl, model.copyApiUrl, texts.copyApiUrl);
    apply(m_logFolder, model.openLogFolder, texts.openLogFolder);
    apply(m_autostartAction, model.autostart, texts.autostart);
    apply(m_about, model.about, texts.about);
    apply(m_quit, model.quit, texts.quit);
    if (m_tray) {
        m_tray->setIcon(m_icons.at(model.icon));
        m_tray->setToolTip(TrayText::toolTip(model));
    }
}

void TrayIcon::notify(const TrayNotification& notification) {
    spdlog::info("notification: {}: {}", notification.title.toStdString(),
                 notification.message.simplified().toStdString());
    if (m_tray && QSystemTrayIcon::supportsMessages()) {
        m_tray->showMessage(notification.title, notification.message, messageIcon(notification.level),
                            kNotificationMs);
    }
}

void TrayIcon::showStatusMessage() {
    render(m_presenter.present(inputs()));
    notify(TrayText::statusMessage(m_model));
}

void TrayIcon::toggleAutostart(bool enabled) {
    QString error;
    if (m_autostart->setEnabled(enabled, error)) {
        spdlog::info("{} {}: {}", m_autostart->label().toStdString(), enabled ? "enabled" : "disabled",
                     m_autostart->location().toStdString());
    } else {
        spdlog::error("{}: {}", m_autostart->label().toStdString(), error.toStdString());
        notify({TrayText::menu(m_model, m_autostart->label()).autostart, TrayText::autostartFailed(error),
                TrayNotificationLevel::Warning});
    }
    m_autostartEnabled = m_autostart->isEnabled();
    refresh();
}

void TrayIcon::showAbout() {
    // Shown without exec(): a modal dialog would run a nested event loop inside the menu's slot.
    auto* box = new QMessageBox(QMessageBox::Information, TrayText::aboutTitle(),
                                TrayText::aboutText(QCoreApplication::applicationVersion(), m_model,
                                                    m_links.dataDir, m_links.logDir));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::RichText);
    box->show();
}

} // namespace kiwoomd::app
