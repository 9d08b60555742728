#include "kiwoomd/app/Logging.h"

#include "kiwoomd/kiwoom/SpdlogLevel.h"

#include <QString>
#include <QtGlobal>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#ifdef _WIN32
#include <spdlog/sinks/msvc_sink.h>
#endif

#include <filesystem>
#include <type_traits>
#include <vector>

namespace kiwoomd::app {
namespace {

constexpr std::size_t kMaxLogBytes = 5 * 1024 * 1024;
constexpr std::size_t kMaxLogFiles = 3;

void qtMessageToSpdlog(QtMsgType type, const QMessageLogContext&, const QString& message) {
    const std::string text = "qt: " + message.toStdString();
    switch (type) {
    case QtDebugMsg:
        spdlog::debug(text);
        break;
    case QtInfoMsg:
        spdlog::info(text);
        break;
    case QtWarningMsg:
        spdlog::warn(text);
        break;
    case QtCriticalMsg:
    case QtFatalMsg:
        spdlog::error(text);
        break;
    }
}

// The log file's name as spdlog opens it. The Windows build's spdlog is made with
// SPDLOG_WCHAR_FILENAMES (cmake/triplets), so it takes a wide name and opens it with _wfopen: a
// narrow name would go through the ANSI code page, and a Korean profile folder
// (C:\Users\홍길동\AppData\Local) would silently lose the log. Elsewhere names are UTF-8.
template <typename FileName = spdlog::filename_t> FileName spdlogFileName(const std::filesystem::path& path) {
    if constexpr (std::is_same_v<FileName, std::wstring>) {
        return path.wstring();
    } else {
        return path.u8string();
    }
}

} // namespace

void setLogLevel(LogLevel level) {
    spdlog::set_level(spdlogLevel(level));
}

std::string setUpLogging(const std::string& logDir, LogLevel level) {
    std::vector<spdlog::sink_ptr> sinks;
    sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
#ifdef _WIN32
    sinks.push_back(std::make_shared<spdlog::sinks::msvc_sink_mt>());
#endif
    std::string logFile;
    std::string fileError;
    try {
        const std::filesystem::path path = std::filesystem::u8path(logDir) / "kiwoomd.log";
        std::filesystem::create_directories(path.parent_path());
        logFile = path.u8string();
        sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(spdlogFileName(path),
                                                                               kMaxLogBytes, kMaxLogFiles));
    } catch (const std::exception& error) {
        fileError = error.what();
        logFile.clear();
    }
    auto logger = std::make_shared<spdlog::logger>("kiwoomd", sinks.begin(), sinks.end());
    logger->set_pattern("%Y-%m-%d %H:%M:%S.%e %^%-5l%$ %v");
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    setLogLevel(level);
    spdlog::flush_every(std::chrono::seconds(2));
    qInstallMessageHandler(qtMessageToSpdlog);
    if (!fileError.empty()) {
        spdlog::warn("logging to the console only: cannot open a log file in {}: {}", logDir, fileError);
    }
    return logFile;
}

} // namespace kiwoomd::app
