#include "kiwoomd/core/LogText.h"

#include <gtest/gtest.h>

namespace kiwoomd {
namespace {

TEST(LogText, ALineBreakCannotStartAForgedLogLine) {
    EXPECT_EQ(escapeForLog("x\r\n2026-12-02 [critical] forged"), "x\\r\\n2026-12-02 [critical] forged");
}

TEST(LogText, EscNulDelAndOtherControlBytesBecomeHex) {
    EXPECT_EQ(escapeForLog(std::string("a\x1b[31mb\0c\x7f", 10)), "a\\x1b[31mb\\x00c\\x7f");
}

TEST(LogText, KoreanStaysReadableAndInvalidUtf8IsEscaped) {
    EXPECT_EQ(escapeForLog("삼성전자"), "삼성전자");
    EXPECT_EQ(escapeForLog("\xff\xc3("), "\\xff\\xc3(");
    EXPECT_EQ(escapeForLog("\xed\xa0\x80"), "\\xed\\xa0\\x80") << "a UTF-16 surrogate is not UTF-8";
    EXPECT_EQ(escapeForLog("\xc2\x9b"), "\\xc2\\x9b") << "C1 CSI drives terminals like ESC [";
}

TEST(LogText, ABackslashIsEscapedSoEscapesCannotBeFaked) {
    EXPECT_EQ(escapeForLog("\\x41"), "\\\\x41");
}

TEST(LogText, ALongValueIsCutAndSaysSo) {
    EXPECT_EQ(escapeForLog(std::string(300, 'a'), 4), "aaaa...");
}

} // namespace
} // namespace kiwoomd
