#include "kiwoomd/core/Config.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace kiwoomd {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

EmulatorFault parsed(const std::string& text) {
    std::string error;
    const auto fault = parseFaultSpec(text, error);
    if (!fault) {
        ADD_FAILURE() << "\"" << text << "\" was rejected: " << error;
        return {};
    }
    EXPECT_TRUE(error.empty()) << error;
    return *fault;
}

std::string errorFor(const std::string& text) {
    std::string error;
    const auto fault = parseFaultSpec(text, error);
    EXPECT_FALSE(fault.has_value()) << "\"" << text << "\" was accepted as " << fault->name;
    EXPECT_FALSE(error.empty()) << "no message for \"" << text << "\"";
    return error;
}

TEST(EmulatorFault, ANameWithATimeStartsThenAndLastsToTheEnd) {
    const auto fault = parsed("disconnect@30");
    EXPECT_EQ(fault.name, "disconnect");
    EXPECT_EQ(fault.at, seconds(30));
    EXPECT_FALSE(fault.duration.has_value());
}

TEST(EmulatorFault, ADurationFollowsThePlus) {
    const auto fault = parsed("throttle@10+20");
    EXPECT_EQ(fault.name, "throttle");
    EXPECT_EQ(fault.at, seconds(10));
    ASSERT_TRUE(fault.duration.has_value());
    EXPECT_EQ(*fault.duration, seconds(20));
}

TEST(EmulatorFault, ABareNameStartsAtOnceAndNeverEnds) {
    const auto fault = parsed("login-fail");
    EXPECT_EQ(fault.name, "login-fail");
    EXPECT_EQ(fault.at, milliseconds(0));
    EXPECT_FALSE(fault.duration.has_value());
}

TEST(EmulatorFault, ADurationWithoutATimeStartsAtOnce) {
    const auto fault = parsed("slow+15");
    EXPECT_EQ(fault.name, "slow");
    EXPECT_EQ(fault.at, milliseconds(0));
    ASSERT_TRUE(fault.duration.has_value());
    EXPECT_EQ(*fault.duration, seconds(15));
}

TEST(EmulatorFault, EveryListedNameIsAccepted) {
    const auto& names = emulatorFaultNames();
    ASSERT_FALSE(names.empty());
    for (const auto& name : names) {
        EXPECT_EQ(parsed(name + "@1").name, name);
    }
}

TEST(EmulatorFault, TheDocumentedFaultsAreListed) {
    const auto& names = emulatorFaultNames();
    for (const char* name :
         {"login-fail", "disconnect", "throttle", "drop", "slow", "malformed", "empty", "version-update",
          "server-refuse", "blank-rows", "commdataex-empty", "commdataex-mismatch"}) {
        EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
    }
}

TEST(EmulatorFault, AnUnknownNameIsRejectedWithTheKnownNames) {
    const auto error = errorFor("explode@5");
    EXPECT_NE(error.find("explode"), std::string::npos) << error;
    for (const auto& name : emulatorFaultNames()) {
        EXPECT_NE(error.find(name), std::string::npos) << name << " missing from: " << error;
    }
}

TEST(EmulatorFault, NamesAreCaseSensitive) {
    errorFor("Disconnect@5");
}

TEST(EmulatorFault, ATimeThatIsNotWholeSecondsIsRejected) {
    for (const char* text : {"disconnect@x", "disconnect@", "disconnect@1.5", "disconnect@-3",
                             "disconnect@ 3", "disconnect@3@4"}) {
        const auto error = errorFor(text);
        EXPECT_NE(error.find(text), std::string::npos) << "the message should quote the spec: " << error;
    }
}

TEST(EmulatorFault, AZeroDurationIsRejected) {
    const auto error = errorFor("drop@5+0");
    EXPECT_NE(error.find("above 0"), std::string::npos) << error;
}

TEST(EmulatorFault, AMissingOrMalformedDurationIsRejected) {
    for (const char* text : {"drop+", "drop@5+", "drop+x", "drop+5+5", "drop+-5"}) {
        errorFor(text);
    }
}

TEST(EmulatorFault, AnEmptySpecIsRejected) {
    errorFor("");
}

TEST(EmulatorFault, ATimeWithoutANameIsRejected) {
    errorFor("@5");
    errorFor("+5");
}

} // namespace
} // namespace kiwoomd
