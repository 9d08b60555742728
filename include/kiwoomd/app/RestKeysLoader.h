#pragma once
// Where the REST API's app key and secret key come from: KIWOOM_APPKEY and KIWOOM_SECRETKEY in
// the environment, or the files rest.appkey_file and rest.secretkey_file, which must not be
// readable by anyone but their owner. Never from the config itself. Thread: main, at startup.

#include "kiwoomd/core/Config.h"
#include "kiwoomd/rest/RestSource.h"

#include <QString>

#include <optional>

namespace kiwoomd::app {

inline constexpr char kAppKeyVariable[] = "KIWOOM_APPKEY";
inline constexpr char kSecretKeyVariable[] = "KIWOOM_SECRETKEY";

// nullopt with `error` saying what is missing or why a file is refused (it never quotes a key).
std::optional<RestKeys> loadRestKeys(const RestConfig& config, QString& error);

} // namespace kiwoomd::app
