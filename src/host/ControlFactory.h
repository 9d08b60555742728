#pragma once
// Creates the platform's real control when it exists. One implementation per platform, chosen
// in CMake: the ActiveX host on Windows, "not available" elsewhere. Thread: the host's main thread.

#include "kiwoomd/kiwoom/OpenApiControl.h"

#include <QString>

#include <memory>

namespace kiwoomd::host {

// nullptr, with the reason in `whyNot`, when no real control can be created here.
std::unique_ptr<OpenApiControl> createRealControl(QString& whyNot);

} // namespace kiwoomd::host
