#include "ConfigWatcher.h"

#include "kiwoomd/core/ConfigLoader.h"

#include <QFile>
#include <QFileInfo>

#include <spdlog/spdlog.h>

namespace kiwoomd::app {
namespace {

constexpr int kSettleMs = 300; // editors write in several steps; read once they are done

QByteArray contentOf(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

ConfigWatcher::ConfigWatcher(QString path, QObject* parent)
    : QObject(parent)
    , m_path(QFileInfo(path).absoluteFilePath())
    , m_lastContent(contentOf(m_path)) {
    m_watcher.addPath(m_path);
    m_watcher.addPath(QFileInfo(m_path).absolutePath());
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kSettleMs);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &ConfigWatcher::onChanged);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &ConfigWatcher::onChanged);
    connect(&m_debounce, &QTimer::timeout, this, &ConfigWatcher::reload);
}

void ConfigWatcher::onChanged() {
    if (!m_watcher.files().contains(m_path) && QFileInfo::exists(m_path)) {
        m_watcher.addPath(m_path); // replaced by rename: watch the new file
    }
    m_debounce.start();
}

void ConfigWatcher::reload() {
    const QByteArray content = contentOf(m_path);
    if (content == m_lastContent) {
        return; // a touch, or a change elsewhere in the folder
    }
    m_lastContent = content;
    try {
        const Config config = loadConfigFile(m_path.toStdString());
        spdlog::info("config {} reloaded", m_path.toStdString());
        emit reloaded(config);
    } catch (const ConfigError& error) {
        spdlog::error("config edit rejected, the previous configuration stays in force: {}", error.what());
    }
}

} // namespace kiwoomd::app
