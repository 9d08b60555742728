#include "../ControlFactory.h"

namespace kiwoomd::host {

std::unique_ptr<OpenApiControl> createRealControl(QString& whyNot) {
    whyNot =
        QStringLiteral("the Kiwoom OpenAPI+ control is a Windows ActiveX control and does not exist on this "
                       "platform");
    return nullptr;
}

} // namespace kiwoomd::host
