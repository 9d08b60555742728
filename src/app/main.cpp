#include "Daemon.h"

int main(int argc, char** argv) {
    return kiwoomd::app::runDaemon(argc, argv);
}
