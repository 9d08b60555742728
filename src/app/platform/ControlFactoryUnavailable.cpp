#include "../ControlFactory.h"

namespace kiwoomd::app {

std::unique_ptr<OpenApiControl> createRealControl(QString& whyNot) {
    whyNot =
        QStringLiteral("the Kiwoom OpenAPI+ control is a Windows ActiveX control and does not exist on this "
                       "platform");
    return nullptr;
}

} // namespace kiwoomd::app
