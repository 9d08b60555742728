#include "kiwoomd/kiwoom/activex/AxOpenApiControl.h"

#include <QAxWidget>

#include <spdlog/spdlog.h>

namespace kiwoomd {

AxOpenApiControl::AxOpenApiControl(QObject* parent)
    : OpenApiControl(parent)
    , m_widget(std::make_unique<QAxWidget>()) {
    if (sizeof(void*) != 4) {
        m_loadError = QStringLiteral("the Kiwoom OpenAPI+ control is 32-bit only; build kiwoomd for x86");
        return;
    }
    if (!m_widget->setControl(QString::fromLatin1(kProgId))) {
        m_loadError = QStringLiteral("the Kiwoom OpenAPI+ control (%1) is not installed or not registered")
                          .arg(QString::fromLatin1(kProgId));
        return;
    }
    // The control's events, re-emitted under the same names and argument lists.
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
    return m_loadError.isEmpty() && !m_widget->isNull();
}

QVariant AxOpenApiControl::dynamicCall(const char* signature, const QVariantList& args) {
    if (!isLoaded()) {
        return {};
    }
    QList<QVariant> vars = args; // QAxBase takes the list by reference for out-parameters
    return m_widget->dynamicCall(signature, vars);
}

void AxOpenApiControl::onComException(int code, const QString& source, const QString& description,
                                      const QString& help) {
    Q_UNUSED(help);
    spdlog::error("COM exception {} from {}: {}; treating the session as lost", code, source.toStdString(),
                  description.toStdString());
    // A COM failure means the control can no longer be trusted: the session re-logs in.
    emit OnEventConnect(-106);
}

} // namespace kiwoomd
