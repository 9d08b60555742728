#include "ProcessLimits.h"

#include <sys/resource.h>

namespace kiwoomd::app {

std::string raiseOpenFileLimit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        return "open-file limit unknown";
    }
    if (limit.rlim_cur < limit.rlim_max) {
        const rlim_t before = limit.rlim_cur;
        limit.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &limit) != 0) {
            return "open-file limit stays at " + std::to_string(before);
        }
    }
    return "open-file limit " + std::to_string(limit.rlim_cur);
}

} // namespace kiwoomd::app
