#include "kiwoomd/app/Autostart.h"

#include <QSettings>

namespace kiwoomd::app {

std::unique_ptr<Autostart> createAutostart(const QStringList& command) {
    // The per-user Run key: read by Explorer at every login, writable without admin rights.
    auto runKey = std::make_unique<QSettings>(
        QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"),
        QSettings::NativeFormat);
    return std::make_unique<RunKeyAutostart>(std::move(runKey), command);
}

} // namespace kiwoomd::app
