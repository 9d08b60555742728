#include "kiwoomd/app/Autostart.h"

namespace kiwoomd::app {

std::unique_ptr<Autostart> createAutostart(const QStringList& command) {
    return std::make_unique<XdgAutostart>(command);
}

} // namespace kiwoomd::app
