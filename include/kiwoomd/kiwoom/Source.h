#pragma once
// Where rankings come from, page by page: "log in", "request this TR with these inputs (page N)",
// "page arrived (rows as text, more?)", "server message", "lost". The session's pacing, paging,
// parsing, freshness and publishing are written once above this interface; below it sit the
// control in this process (ControlSource, used by kiwoomd-host and by tests) and the control in a
// supervised host process (HostSource, the daemon's).
// Thread: the Qt main thread; every call and every signal happen there.

#include "kiwoomd/core/SessionStatus.h"
#include "kiwoomd/core/TrPage.h"

#include <QObject>
#include <QString>

#include <optional>
#include <string>

namespace kiwoomd {

class Source : public QObject {
    Q_OBJECT

public:
    explicit Source(QObject* parent = nullptr);
    ~Source() override = default;

    // What answers this source's requests: for logs and /api/status.
    virtual Backend backend() const = 0;

    // Starts a login with a control that has never logged in: the real control cannot log in again
    // in the process where its session dropped, so a second logIn() gets a fresh control (a fresh
    // host process). The answer is loggedIn or loginFailed.
    virtual void logIn() = 0;
    // Ends the session on purpose (the user's "Reconnect"); no signal follows.
    virtual void logOut() = 0;
    // Sends one page request; the answer is requestSent, then pageArrived and/or serverMessage.
    virtual void request(const PageRequest& request) = 0;
    // Gives the screen back (DisconnectRealData), e.g. after a request timed out on it.
    virtual void releaseScreen(const std::string& screenNo) = 0;

    // Ends the source for good at the daemon's exit, waiting a little for it to finish (a host
    // to quit, a token to be revoked).
    virtual void shutDown() { logOut(); }

    // The process hosting the control, for sources that run one.
    virtual std::optional<HostStatus> hostStatus() const { return std::nullopt; }

signals:
    void loggedIn(const kiwoomd::LoginInfo& info);
    void loginFailed(int code, const QString& reason);
    // A live session ended: the server dropped it (-106), the control's process died or hung.
    void lost(int code, const QString& reason);
    // CommRqData's immediate answer: 0 accepted, or an error code such as -200.
    void requestSent(const QString& rqName, int result);
    void pageArrived(const kiwoomd::TrPage& page);
    void serverMessage(const QString& rqName, const QString& trCode, const QString& screenNo,
                       const QString& message);
    void hostChanged();
};

} // namespace kiwoomd

Q_DECLARE_METATYPE(kiwoomd::TrPage)
Q_DECLARE_METATYPE(kiwoomd::LoginInfo)
