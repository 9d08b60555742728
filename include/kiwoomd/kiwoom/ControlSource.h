#pragma once
// The control in this process as a page-level Source: the per-field work of the OpenAPI contract
// happens here, inside the control's events (SetInputValue for each input, CommRqData, the page
// read with GetCommDataEx or GetRepeatCnt + GetCommData, DisconnectRealData), and whole pages
// leave. kiwoomd-host runs one behind its protocol server; tests drive one directly.
// Thread: the Qt main thread, the control's thread.

#include "kiwoomd/core/Scheduler.h"
#include "kiwoomd/kiwoom/OpenApiControl.h"
#include "kiwoomd/kiwoom/Source.h"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace kiwoomd {

struct ControlSourceSettings {
    // GetConnectState is asked this often while logged in: some drops arrive only as a dialog.
    std::chrono::milliseconds watchdogInterval{30000};
    bool useCommDataEx = true; // one COM call per page instead of one per field
};

class ControlSource final : public Source {
    Q_OBJECT

public:
    using ControlFactory = std::function<std::unique_ptr<OpenApiControl>()>;

    // `makeControl` is called for the first login and again for every login after it: a control
    // that has logged in once is never asked to log in again (shared/kiwoom-openapi.md).
    // `backend` is what the factory's controls are (Emulator, ActiveX, ...).
    ControlSource(Backend backend, ControlFactory makeControl, Scheduler& scheduler,
                  ControlSourceSettings settings = {}, QObject* parent = nullptr);
    ~ControlSource() override;

    Backend backend() const override { return m_backend; }
    void logIn() override;
    void logOut() override;
    void request(const PageRequest& request) override;
    void releaseScreen(const std::string& screenNo) override;

    // The control of the current login (nullptr before the first); for tests and fault injection.
    OpenApiControl* control() const { return m_control.get(); }

private:
    void attach(std::unique_ptr<OpenApiControl> control);
    void retire();
    void onEventConnect(int code);
    void onTrData(const QString& screenNo, const QString& rqName, const QString& trCode,
                  const QString& prevNext);
    void onMessage(const QString& screenNo, const QString& rqName, const QString& trCode,
                   const QString& message);
    LoginInfo readLoginInfo();
    std::vector<std::vector<std::string>> readPage(const QString& trCode, const std::string& recordName,
                                                   std::size_t fieldCount);
    void checkConnectState();

    Backend m_backend;
    ControlFactory m_makeControl;
    Scheduler& m_scheduler;
    ControlSourceSettings m_settings;
    std::unique_ptr<OpenApiControl> m_control;
    bool m_loggedIn = false;
    // Set before CommRqData is called: a call that re-enters while the control runs a modal loop
    // (its timers and sockets still fire) must not start a second request.
    std::optional<PageRequest> m_inFlight;
    ScheduledTask m_watchdog;
};

} // namespace kiwoomd
