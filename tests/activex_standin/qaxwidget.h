#pragma once
// A stand-in for the parts of ActiveQt's QAxWidget that AxOpenApiControl uses, so that the
// Windows-only ActiveX host compiles and runs in tests on any platform. Test-only: never linked
// into the product. The members it has follow Qt 5.15's QAxBase/QAxWidget: setControl() returns
// bool, isNull(), dynamicCall(const char*, QList<QVariant>&), and the exception(int, QString,
// QString, QString) signal. The real widget creates the control's event signals from its type
// library at run time; here they are declared with the OCX's event signatures.
// The real QAxWidget is a QWidget. The host uses none of its widget side (the control is never
// shown), so this one is a plain QObject: the test needs no display and no platform plugin, and a
// widget call added to the host would fail to compile here, which is the point.
// Thread: main thread.

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariant>

class QAxWidget : public QObject {
    Q_OBJECT

public:
    explicit QAxWidget(QObject* parent = nullptr);
    ~QAxWidget() override;

    bool setControl(const QString& c);
    QString control() const { return m_control; }
    bool isNull() const { return m_control.isEmpty(); }
    void clear() { m_control.clear(); }
    QVariant dynamicCall(const char* function, QList<QVariant>& vars);

    // Test hooks, not ActiveQt API.
    struct Call {
        QByteArray signature; // exactly as passed, not normalised
        QList<QVariant> args;
    };
    static QStringList& registeredControls(); // what setControl accepts, as if installed
    static QAxWidget* current();              // the live instance, if any
    static int instancesCreated();
    const QList<Call>& calls() const { return m_calls; }
    void setAnswer(const QByteArray& signature, const QVariant& answer) {
        m_answers[QMetaObject::normalizedSignature(signature.constData())] = answer;
    }

signals:
    void exception(int code, const QString& source, const QString& desc, const QString& help);
    void OnEventConnect(int nErrCode);
    void OnReceiveTrData(const QString& sScrNo, const QString& sRQName, const QString& sTrCode,
                         const QString& sRecordName, const QString& sPrevNext, int nDataLength,
                         const QString& sErrorCode, const QString& sMessage, const QString& sSplmMsg);
    void OnReceiveMsg(const QString& sScrNo, const QString& sRQName, const QString& sTrCode,
                      const QString& sMsg);
    void OnReceiveRealData(const QString& sRealKey, const QString& sRealType, const QString& sRealData);

private:
    QString m_control;
    QList<Call> m_calls;
    QMap<QByteArray, QVariant> m_answers;
};
