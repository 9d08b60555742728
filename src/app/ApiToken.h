#pragma once
// The API token: 32 random bytes as hex, created on first run in the data dir and readable by
// the user only. Thread: main thread, at startup.

#include <QString>

#include <optional>

namespace kiwoomd::app {

// Reads the token from `path`, creating it when missing; nullopt (and a log line) on an I/O error.
std::optional<QString> loadOrCreateApiToken(const QString& path);

} // namespace kiwoomd::app
