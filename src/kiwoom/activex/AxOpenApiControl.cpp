#include "kiwoomd/kiwoom/activex/AxOpenApiControl.h"

#include "kiwoomd/core/KiwoomErrors.h"

#include <QAxWidget>

#include <spdlog/spdlog.h>

namespace kiwoomd {

AxOpenApiControl::AxOpenApiControl(QObject* parent, std::size_t pointerBytes)
    : OpenApiControl(parent) {
    // A 64-bit process cannot load a 32-bit in-process server at all; COM would only answer
    // "class not registered", which sends users looking for an install problem they do not have.
    if (pointerBytes != 4) {
        m_loadError =
            QStringLiteral("the Kiwoom OpenAPI+ control is a 32-bit ActiveX control, but this kiwoomd is "
                           "a %1-bit program; use the 32-bit (x86) build of kiwoomd")
                .arg(pointerBytes * 8);
        return;
    }
    m_widget = std::make_unique<QAxWidget>();
    if (!m_widget->setControl(QString::fromLatin1(kProgId)) || m_widget->isNull()) {
        m_loadError =
            QStringLiteral("the Kiwoom OpenAPI+ control (%1) is not installed or not registered; install "
                           "Kiwoom's OpenAPI+ module (it registers C:\\OpenAPI\\khopenapi.ocx) and start "
                           "kiwoomd again")
                .arg(QString::fromLatin1(kProgId));
        m_widget.reset();
        return;
    }
    // The control's events, re-emitted under the same names and argument lists. QAxWidget builds
    // these signals from the control's type library, so they can only be connected by name.
    connect(m_widget.get(), SIGNAL(OnEventConnect(int)), this, SIGNAL(OnEventConnect(int)));
    connect(
        m_widget.get(),
        SIGNAL(OnReceiveTrData(QString, QString, QString, QString, QString, int, QString, QString, QString)),
        this,
        SIGNAL(OnReceiveTrData(QString, QString, QString, QString, QString, int, QString, QString, QString)));
    connect(m_widget.get(), SIGNAL(OnReceiveMsg(QString, QString, QString, QString)), this,
            SIGNAL(OnReceiveMsg(QString, QString, QString, QString)));
    connect(m_widget.get(), SIGNAL(OnReceiveRealData(QString, QString, QString)), this,
            SIGNAL(OnReceiveRealData(QString, QString, QString)));
    connect(m_widget.get(), SIGNAL(exception(int, QString, QString, QString)), this,
            SLOT(onComException(int, QString, QString, QString)));
}

AxOpenApiControl::~AxOpenApiControl() = default;

bool AxOpenApiControl::isLoaded() const {
    return m_widget && !m_widget->isNull();
}

QVariant AxOpenApiControl::dynamicCall(const char* signature, const QVariantList& args) {
    if (!isLoaded()) {
        return {};
    }
    QList<QVariant> vars = args; // QAxBase takes the list by reference, for out-parameters
    return m_widget->dynamicCall(signature, vars);
}

void AxOpenApiControl::onComException(int code, const QString& source, const QString& description,
                                      const QString& help) {
    spdlog::error("COM exception {} from {}: {}{}; treating the connection as lost", code,
                  source.toStdString(), description.trimmed().toStdString(),
                  help.isEmpty() ? std::string() : " (help: " + help.toStdString() + ")");
    // After a COM failure the control's session cannot be trusted: the supervisor logs in again.
    emit OnEventConnect(kiwoom_error::kSocketClosed);
}

} // namespace kiwoomd
