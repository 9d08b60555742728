#include "../ControlFactory.h"

#include "kiwoomd/kiwoom/activex/AxOpenApiControl.h"

namespace kiwoomd::host {

std::unique_ptr<OpenApiControl> createRealControl(QString& whyNot) {
    auto control = std::make_unique<AxOpenApiControl>();
    if (!control->isLoaded()) {
        whyNot = control->loadError();
        return nullptr;
    }
    return control;
}

} // namespace kiwoomd::host
