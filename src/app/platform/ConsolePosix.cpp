#include "../Console.h"

namespace kiwoomd::app {

void attachConsole(bool /*createIfNone*/) {
    // A POSIX process inherits its terminal's descriptors; there is nothing to attach.
}

} // namespace kiwoomd::app
