#include "Logging.h"

#include <QString>
#include <QtGlobal>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#ifdef _WIN32
#include <spdlog/sinks/msvc_sink.h>
#endif

#include <filesystem>
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

} // namespace

void setLogLevel(const std::string& level) {
    spdlog::set_level(spdlog::level::from_str(level));
}

std::string setUpLogging(const std::string& logDir, const std::string& level) {
    std::vector<spdlog::sink_ptr> sinks;
    sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
#ifdef _WIN32
    sinks.push_back(std::make_shared<spdlog::sinks::msvc_sink_mt>());
#endif
    std::string logFile;
    std::string fileError;
    try {
        std::filesystem::create_directories(std::filesystem::u8path(logDir));
        logFile = (std::filesystem::u8path(logDir) / "kiwoomd.log").u8string();
        sinks.push_back(
            std::make_shared<spdlog::sinks::rotating_file_sink_mt>(logFile, kMaxLogBytes, kMaxLogFiles));
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
