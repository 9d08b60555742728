#pragma once
// The KHOpenAPI control as the session sees it: the exact dynamicCall signature strings and the
// exact event signatures of the real OCX (KOA Studio; shared/kiwoom-openapi.md). Two real
// implementations: AxOpenApiControl (QAxWidget, Windows only) and EmulatedControl.
// Thread: lives on the Qt main thread; every call and every signal happen there.

#include "kiwoomd/core/SessionStatus.h"

#include <QObject>
#include <QString>
#include <QVariant>
#include <QVariantList>

namespace kiwoomd {

class OpenApiControl : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~OpenApiControl() override = default;

    // Same meaning as QAxBase::dynamicCall: `signature` is a string from ControlCalls.h such as
    // "CommRqData(QString, QString, int, QString)". An unknown signature answers an invalid QVariant.
    virtual QVariant dynamicCall(const char* signature, const QVariantList& args = {}) = 0;

    // Emulator, Replay or ActiveX: for logs and /api/status.
    virtual Backend backend() const = 0;

signals:
    // The signal names and argument lists are the control's own events; do not rename them.
    void OnEventConnect(int errCode);
    void OnReceiveTrData(const QString& screenNo, const QString& rqName, const QString& trCode,
                         const QString& recordName, const QString& prevNext, int dataLength,
                         const QString& errorCode, const QString& message, const QString& splmMsg);
    void OnReceiveMsg(const QString& screenNo, const QString& rqName, const QString& trCode,
                      const QString& msg);
    void OnReceiveRealData(const QString& code, const QString& realType, const QString& realData);
};

} // namespace kiwoomd
