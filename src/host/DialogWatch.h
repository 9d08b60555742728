#pragma once
// Watches this process for the control's modal dialogs, where the platform has them: on Windows a
// timer (which keeps firing inside a modal loop) closes each known dialog once a second
// (DialogCloser) and reports it; when the OpenAPI updater shows, the host exits so that the
// update can replace the module, and kiwoomd starts a fresh host later. Elsewhere it does nothing.
// One implementation per platform, chosen in CMake. Thread: the host's main thread.

#include <QObject>

#include <functional>
#include <string>

namespace kiwoomd::host {

// `report` gets a line for each dialog handled ("closed 'KHOpenAPI': 통신 연결이 끊겼습니다..."),
// `exitForUpdate` is called when the updater asks for the module.
void watchDialogs(QObject& owner, std::function<void(const std::string&)> report,
                  std::function<void()> exitForUpdate);

} // namespace kiwoomd::host
