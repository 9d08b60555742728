#pragma once
// The real KHOpenAPI control hosted through ActiveQt's QAxWidget. Windows only, 32-bit only (the
// OCX is a 32-bit in-process server). It forwards dynamicCall and the control's events unchanged,
// and reports a COM exception as a lost connection (OnEventConnect(-106)), so the supervisor logs
// in again. The product builds it only on Windows (kiwoomd_activex); tests compile the same file
// on every platform against a stand-in for QAxWidget (tests/activex_standin).
// Thread: the Qt GUI thread, which must own the widget and pump its messages.

#include "kiwoomd/kiwoom/OpenApiControl.h"

#include <QString>

#include <cstddef>
#include <memory>

class QAxWidget;

namespace kiwoomd {

class AxOpenApiControl final : public OpenApiControl {
    Q_OBJECT

public:
    static constexpr char kProgId[] = "KHOPENAPI.KHOpenAPICtrl.1";

    // `pointerBytes` is the size of a pointer in this process: the product passes nothing; a test
    // on a 64-bit machine passes 4 to get past the bitness check to the rest of the host.
    explicit AxOpenApiControl(QObject* parent = nullptr, std::size_t pointerBytes = sizeof(void*));
    ~AxOpenApiControl() override;

    // False when the OCX could not be instantiated; loadError() says why and what to do.
    bool isLoaded() const;
    QString loadError() const { return m_loadError; }

    // An invalid QVariant, and no call at all, when the control is not loaded.
    QVariant dynamicCall(const char* signature, const QVariantList& args = {}) override;
    Backend backend() const override { return Backend::ActiveX; }

private slots:
    void onComException(int code, const QString& source, const QString& description, const QString& help);

private:
    std::unique_ptr<QAxWidget> m_widget;
    QString m_loadError;
};

} // namespace kiwoomd
