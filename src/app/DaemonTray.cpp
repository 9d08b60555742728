#include "DaemonTray.h"

#include "Daemon.h"

#include "kiwoomd/app/Autostart.h"
#include "kiwoomd/app/tray/TrayTranslation.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <spdlog/spdlog.h>

namespace kiwoomd::app {
namespace {

// How "Start with Windows" starts this daemon again: the same program, data dir and config.
QStringList autostartCommand(const DaemonOptions& options) {
    QStringList command{QCoreApplication::applicationFilePath()};
    if (options.dataDir) {
        command << QStringLiteral("--data-dir") << QFileInfo(*options.dataDir).absoluteFilePath();
    }
    if (options.configFile) {
        command << QStringLiteral("--config") << QFileInfo(*options.configFile).absoluteFilePath();
    }
    return command;
}

} // namespace

DaemonTray::DaemonTray(bool headless, const TrayConfig& tray, const TrayLinks& links,
                       const DaemonOptions& options, DaemonTrayParts inputs) {
    QObject::connect(&inputs.session, &KiwoomSession::versionUpdateRequired, qApp, [this] {
        if (m_tray) {
            m_tray->refresh(); // pops "the OpenAPI module is updating"
        }
    });
    if (!headless) {
        // The tray's language (tray.language, else the system's) is chosen before the tray is made.
        const TrayLanguage language = installTrayTranslator(*QCoreApplication::instance(), tray.language);
        spdlog::info("tray language: {}", trayLanguageCode(language));
        m_tray = std::make_unique<TrayIcon>(inputs.board, inputs.cache, inputs.clock, links,
                                            createAutostart(autostartCommand(options)));
        QObject::connect(m_tray.get(), &TrayIcon::quitRequested, qApp,
                         [] { QCoreApplication::exit(kExitOk); });
        QObject::connect(m_tray.get(), &TrayIcon::loginRequested, &inputs.session,
                         &KiwoomSession::reconnectNow);
        QObject::connect(m_tray.get(), &TrayIcon::pausePollingRequested, &inputs.session,
                         &KiwoomSession::setPollingPaused);
        inputs.instance.setTrayShown([this] { return m_tray && m_tray->isShown(); });
    } else {
        spdlog::info("headless: no tray icon");
    }
    const StatusBoard& board = inputs.board;
    QObject::connect(&inputs.instance, &SingleInstance::statusRequested, qApp,
                     [this, &board, baseUrl = links.baseUrl](qint64 pid) {
                         const auto status = board.current();
                         spdlog::info("another kiwoomd start (pid {}) found this one running; connection {}, "
                                      "serving {}",
                                      pid, connectionStateName(status->connection), baseUrl.toStdString());
                         if (m_tray) {
                             m_tray->showStatusMessage();
                         }
                     });
}

} // namespace kiwoomd::app
