#pragma once
// The dashboard's files for the HTTP API: the copy compiled into the executable as Qt resources
// (src/web, listed by CMake), or a folder on disk given with --web-root.
// Thread: main thread, at startup; the result is immutable and shared with the HTTP threads.

#include "kiwoomd/http/AssetSource.h"

#include <QString>

#include <memory>

namespace kiwoomd::app {

std::shared_ptr<const http::AssetSource> embeddedWebAssets();
std::shared_ptr<const http::AssetSource> webAssetsFromFolder(const QString& folder);

} // namespace kiwoomd::app
