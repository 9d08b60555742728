// The log file under a folder with a Korean name, as a Korean Windows user's profile path is
// (C:\Users\홍길동\AppData\Local\kiwoomd\logs). On Windows this needs spdlog's wide file names.
#include "kiwoomd/app/Logging.h"

#include "kiwoomd/core/ConfigSchema.h"

#include <QTemporaryDir>
#include <QtGlobal>

#include <spdlog/spdlog.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace kiwoomd::app {
namespace {

TEST(Logging, TheLogFileIsWrittenUnderAFolderWithAKoreanName) {
    QTemporaryDir root;
    ASSERT_TRUE(root.isValid());
    const std::string logDir = root.path().toStdString() + "/홍길동/kiwoomd/logs";
    const auto previous = spdlog::default_logger();
    const std::string logFile = setUpLogging(logDir, LogLevel::Info);
    spdlog::info("로그 한 줄");
    spdlog::default_logger()->flush();
    spdlog::set_default_logger(previous);
    qInstallMessageHandler(nullptr);

    ASSERT_FALSE(logFile.empty()) << "the file could not be opened";
    const std::filesystem::path path = std::filesystem::u8path(logFile);
    EXPECT_EQ(path.parent_path(), std::filesystem::u8path(logDir));
    std::ifstream file(path, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("로그 한 줄"), std::string::npos) << text;
}

TEST(Logging, EachConfigLevelSetsSpdlogsLevelOfTheSameName) {
    const auto previous = spdlog::get_level();
    for (const auto& [level, name] : configNames<LogLevel>()) {
        setLogLevel(level);
        EXPECT_EQ(spdlog::get_level(), spdlog::level::from_str(name)) << name;
    }
    spdlog::set_level(previous);
}

} // namespace
} // namespace kiwoomd::app
