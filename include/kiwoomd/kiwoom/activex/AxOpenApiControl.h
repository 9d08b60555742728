#pragma once
// The real KHOpenAPI control hosted through ActiveQt's QAxWidget. Windows only, 32-bit only (the
// OCX is a 32-bit in-process server). It forwards dynamicCall and the control's events unchanged.
// Thread: the Qt GUI thread, which must own the widget and pump its messages.

#include "kiwoomd/kiwoom/OpenApiControl.h"

#include <QString>

#include <memory>

class QAxWidget;

namespace kiwoomd {

class AxOpenApiControl final : public OpenApiControl {
    Q_OBJECT

public:
    static constexpr char kProgId[] = "KHOPENAPI.KHOpenAPICtrl.1";

    explicit AxOpenApiControl(QObject* parent = nullptr);
    ~AxOpenApiControl() override;

    // False when the OCX could not be instantiated; loadError() says why.
    bool isLoaded() const;
    QString loadError() const { return m_loadError; }

    QVariant dynamicCall(const char* signature, const QVariantList& args = {}) override;
    QString backendName() const override { return QStringLiteral("activex"); }

private slots:
    void onComException(int code, const QString& source, const QString& description, const QString& help);

private:
    std::unique_ptr<QAxWidget> m_widget;
    QString m_loadError;
};

} // namespace kiwoomd
