#include "../DialogCloser.h"
#include "../DialogWatch.h"

#include <QTimer>

#include <memory>

namespace kiwoomd::host {

void watchDialogs(QObject& owner, std::function<void(const std::string&)> report,
                  std::function<void()> exitForUpdate) {
    auto* timer = new QTimer(&owner);
    auto closer = std::make_shared<DialogCloser>();
    QObject::connect(timer, &QTimer::timeout, &owner, [closer, report, exitForUpdate] {
        for (const HandledDialog& dialog : closer->closeKnownDialogs()) {
            const bool leftOpen = dialog.action == DialogAction::LeaveOpen;
            report(std::string(leftOpen ? "found" : "closed") + " '" + dialog.title + "' (" +
                   std::string(dialogKindName(dialog.kind)) + "): " + dialog.body.substr(0, 200));
            if (dialog.kind == DialogKind::VersionUpdate) {
                exitForUpdate();
            }
        }
    });
    timer->start(1000);
}

} // namespace kiwoomd::host
