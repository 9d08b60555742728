#pragma once
// Reloads the config file when it is edited. A valid edit is handed on; an invalid one is
// logged with the same message a bad start gives, and the running config stays in force.
// Editors often save by writing a new file and renaming it over the old one, which ends a plain
// file watch, so the folder is watched too and the file re-added. Thread: main thread.

#include "kiwoomd/core/Config.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace kiwoomd::app {

class ConfigWatcher : public QObject {
    Q_OBJECT

public:
    explicit ConfigWatcher(QString path, QObject* parent = nullptr);

signals:
    void reloaded(const kiwoomd::Config& config);

private:
    void onChanged();
    void reload();

    QString m_path;
    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
    QByteArray m_lastContent;
};

} // namespace kiwoomd::app
