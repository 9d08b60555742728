#include "../DialogWatch.h"

namespace kiwoomd::host {

// No OCX, no dialogs of its own: the emulator and the replay never raise one.
void watchDialogs(QObject&, std::function<void(const std::string&)>, std::function<void()>) {}

} // namespace kiwoomd::host
