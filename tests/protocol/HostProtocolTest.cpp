// The lines kiwoomd and kiwoomd-host exchange: every message survives encode -> decode, the
// control's padded Korean cells cross byte for byte, and anything the protocol does not allow is
// refused with a reason instead of a throw. LineBuffer frames the stream and refuses a line past
// its limit for good, however the bytes arrive.
#include "kiwoomd/protocol/HostProtocol.h"

#include "kiwoomd/core/ControlCalls.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace kiwoomd::protocol {
namespace {

using Json = nlohmann::json;

PageRequest sampleRequest() {
    PageRequest request;
    request.rqName = "kospi-volume-surge";
    request.trCode = "opt10023";
    request.prevNext = prev_next::kNextPage;
    request.screenNo = "0101";
    request.inputs = {{"시장구분", "001"}, {"정렬구분", "1"}, {"시간구분", "2"}};
    return request;
}

// A page as the control returns it: names padded with spaces, signs and leading zeros kept.
TrPage paddedKoreanPage() {
    TrPage page;
    page.rqName = "kospi-volume-surge";
    page.trCode = "opt10023";
    page.screenNo = "0101";
    page.recordName = "거래량급증";
    page.more = true;
    page.rows = {{"005930", "삼성전자            ", "+00071200", "  -1.25", "   "},
                 {"000660", "  SK하이닉스  ", "-0000123", "", "\t한글\t"}};
    return page;
}

void expectSameRequest(const PageRequest& actual, const PageRequest& expected) {
    EXPECT_EQ(actual.rqName, expected.rqName);
    EXPECT_EQ(actual.trCode, expected.trCode);
    EXPECT_EQ(actual.prevNext, expected.prevNext);
    EXPECT_EQ(actual.screenNo, expected.screenNo);
    EXPECT_EQ(actual.inputs, expected.inputs);
}

Command roundTrip(const Command& command) {
    const std::string line = encode(command);
    EXPECT_EQ(line.find('\n'), std::string::npos) << "one message, one line";
    std::string error;
    const auto decoded = decodeCommand(line, error);
    EXPECT_TRUE(decoded.has_value()) << line << ": " << error;
    EXPECT_EQ(error, "");
    return decoded.value_or(Command{});
}

HostMessage roundTrip(const HostMessage& message) {
    const std::string line = encode(message);
    EXPECT_EQ(line.find('\n'), std::string::npos) << "one message, one line";
    std::string error;
    const auto decoded = decodeHostMessage(line, error);
    EXPECT_TRUE(decoded.has_value()) << line << ": " << error;
    EXPECT_EQ(error, "");
    return decoded.value_or(HostMessage{});
}

// The reason a command line is refused ("" if it is accepted).
std::string commandRefusal(const std::string& line) {
    std::string error;
    const auto decoded = decodeCommand(line, error);
    EXPECT_FALSE(decoded.has_value()) << line;
    EXPECT_NE(error, "") << line << " is refused without a reason";
    return error;
}

std::string hostMessageRefusal(const std::string& line) {
    std::string error;
    const auto decoded = decodeHostMessage(line, error);
    EXPECT_FALSE(decoded.has_value()) << line;
    EXPECT_NE(error, "") << line << " is refused without a reason";
    return error;
}

std::vector<std::string> drain(LineBuffer& buffer) {
    std::vector<std::string> lines;
    while (auto line = buffer.nextLine()) {
        lines.push_back(*line);
    }
    return lines;
}

// --- daemon -> host ---------------------------------------------------------------------------

TEST(HostProtocolCommand, LoginLogoutAndQuitRoundTrip) {
    for (const auto kind : {Command::Kind::Login, Command::Kind::Logout, Command::Kind::Quit}) {
        Command command;
        command.kind = kind;
        EXPECT_EQ(roundTrip(command).kind, kind) << encode(command);
    }
}

TEST(HostProtocolCommand, RequestRoundTripsWithItsKoreanInputsInOrder) {
    Command command;
    command.kind = Command::Kind::Request;
    command.request = sampleRequest();
    const Command decoded = roundTrip(command);
    EXPECT_EQ(decoded.kind, Command::Kind::Request);
    expectSameRequest(decoded.request, command.request);
}

TEST(HostProtocolCommand, ReleaseRoundTripsItsScreen) {
    Command command;
    command.kind = Command::Kind::Release;
    command.screenNo = "0107";
    const Command decoded = roundTrip(command);
    EXPECT_EQ(decoded.kind, Command::Kind::Release);
    EXPECT_EQ(decoded.screenNo, "0107");
}

TEST(HostProtocolCommand, PingRoundTripsEveryUnsigned64BitSequence) {
    for (const std::uint64_t seq :
         {std::uint64_t{0}, std::uint64_t{1}, std::numeric_limits<std::uint64_t>::max()}) {
        Command command;
        command.kind = Command::Kind::Ping;
        command.seq = seq;
        const Command decoded = roundTrip(command);
        EXPECT_EQ(decoded.kind, Command::Kind::Ping);
        EXPECT_EQ(decoded.seq, seq);
    }
}

TEST(HostProtocolCommand, IsWrittenWithTheCmdKey) {
    Command command;
    command.kind = Command::Kind::Ping;
    command.seq = 42;
    EXPECT_EQ(Json::parse(encode(command)), Json::parse(R"({"cmd":"ping","seq":42})"));
}

// --- host -> daemon ---------------------------------------------------------------------------

TEST(HostProtocolMessage, HelloRoundTripsEveryField) {
    Hello hello;
    hello.protocol = kVersion;
    hello.pid = 4'000'000'123LL; // wider than 32 bits
    hello.bits = 32;
    hello.backend = Backend::ActiveX;
    EXPECT_EQ(Json::parse(encode(helloMessage(hello)))["backend"], "activex");
    const HostMessage decoded = roundTrip(helloMessage(hello));
    EXPECT_EQ(decoded.kind, HostMessage::Kind::Hello);
    EXPECT_EQ(decoded.hello.protocol, kVersion);
    EXPECT_EQ(decoded.hello.pid, 4'000'000'123LL);
    EXPECT_EQ(decoded.hello.bits, 32);
    EXPECT_EQ(decoded.hello.backend, Backend::ActiveX);
}

TEST(HostProtocolMessage, LoginInfoRoundTripsAsAGetLoginInfoCall) {
    const HostMessage message = loginInfoMessage(login_tag::kServerKind, "1");
    EXPECT_EQ(Json::parse(encode(message))["call"], "GetLoginInfo");
    const HostMessage decoded = roundTrip(message);
    EXPECT_EQ(decoded.kind, HostMessage::Kind::LoginInfo);
    EXPECT_EQ(decoded.tag, login_tag::kServerKind);
    EXPECT_EQ(decoded.value, "1");
}

TEST(HostProtocolMessage, ConnectRoundTripsSuccessAndKiwoomErrorCodes) {
    for (const int code : {0, -100, -106, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()}) {
        const HostMessage decoded = roundTrip(connectMessage(code));
        EXPECT_EQ(decoded.kind, HostMessage::Kind::Connect);
        EXPECT_EQ(decoded.code, code);
    }
}

TEST(HostProtocolMessage, RequestResultRoundTripsTheRequestItAnswers) {
    const HostMessage decoded = roundTrip(requestResultMessage(sampleRequest(), -200));
    EXPECT_EQ(decoded.kind, HostMessage::Kind::RequestResult);
    EXPECT_EQ(decoded.code, -200);
    expectSameRequest(decoded.request, sampleRequest());
}

TEST(HostProtocolMessage, TrDataRoundTripsEveryField) {
    const TrPage page = paddedKoreanPage();
    const HostMessage decoded = roundTrip(trDataMessage(page));
    EXPECT_EQ(decoded.kind, HostMessage::Kind::TrData);
    EXPECT_EQ(decoded.page.rqName, page.rqName);
    EXPECT_EQ(decoded.page.trCode, page.trCode);
    EXPECT_EQ(decoded.page.screenNo, page.screenNo);
    EXPECT_EQ(decoded.page.recordName, page.recordName);
    EXPECT_TRUE(decoded.page.more);
    EXPECT_EQ(decoded.page.rows, page.rows);
}

TEST(HostProtocolMessage, TrDataKeepsPaddedKoreanCellsByteForByte) {
    TrPage page = paddedKoreanPage();
    page.more = false;
    const std::string line = encode(trDataMessage(page));
    // UTF-8 crosses as it is, not as \u escapes.
    EXPECT_NE(line.find("삼성전자            "), std::string::npos) << line;
    const HostMessage decoded = roundTrip(trDataMessage(page));
    ASSERT_EQ(decoded.page.rows.size(), 2u);
    EXPECT_EQ(decoded.page.rows[0][1], "삼성전자            ");
    EXPECT_EQ(decoded.page.rows[0][1].size(), std::string("삼성전자").size() + 12);
    EXPECT_EQ(decoded.page.rows[0][2], "+00071200");
    EXPECT_EQ(decoded.page.rows[0][4], "   ");
    EXPECT_EQ(decoded.page.rows[1][1], "  SK하이닉스  ");
    EXPECT_EQ(decoded.page.rows[1][4], "\t한글\t");
    EXPECT_FALSE(decoded.page.more);
}

TEST(HostProtocolMessage, TrDataWithNoRowsRoundTrips) {
    TrPage page = paddedKoreanPage();
    page.rows.clear();
    EXPECT_TRUE(roundTrip(trDataMessage(page)).page.rows.empty());
}

TEST(HostProtocolMessage, ServerMessageRoundTripsItsKoreanText) {
    const HostMessage decoded =
        roundTrip(serverMessage("0101", "kospi-volume-surge", "opt10023", "[00Z218] 조회가 완료되었습니다"));
    EXPECT_EQ(decoded.kind, HostMessage::Kind::ServerMessage);
    EXPECT_EQ(decoded.screenNo, "0101");
    EXPECT_EQ(decoded.rqName, "kospi-volume-surge");
    EXPECT_EQ(decoded.trCode, "opt10023");
    EXPECT_EQ(decoded.text, "[00Z218] 조회가 완료되었습니다");
}

TEST(HostProtocolMessage, PongRoundTripsItsSequence) {
    const HostMessage decoded = roundTrip(pongMessage(std::numeric_limits<std::uint64_t>::max()));
    EXPECT_EQ(decoded.kind, HostMessage::Kind::Pong);
    EXPECT_EQ(decoded.seq, std::numeric_limits<std::uint64_t>::max());
}

TEST(HostProtocolMessage, DialogRoundTripsWhatWasClosed) {
    const HostMessage decoded = roundTrip(dialogMessage("버전처리 안내"));
    EXPECT_EQ(decoded.kind, HostMessage::Kind::Dialog);
    EXPECT_EQ(decoded.text, "버전처리 안내");
}

TEST(HostProtocolMessage, InvalidUtf8InACellIsReplacedNotThrown) {
    TrPage page = paddedKoreanPage();
    const std::string cutKorean = std::string("삼성").substr(0, 4); // a character cut in half
    page.rows = {{"\xff\xfe", cutKorean, "ok"}};
    std::string line;
    EXPECT_NO_THROW(line = encode(trDataMessage(page)));
    const HostMessage decoded = roundTrip(trDataMessage(page));
    ASSERT_EQ(decoded.page.rows.size(), 1u);
    ASSERT_EQ(decoded.page.rows[0].size(), 3u);
    EXPECT_NE(decoded.page.rows[0][0].find("\xEF\xBF\xBD"), std::string::npos) << "U+FFFD in its place";
    EXPECT_EQ(decoded.page.rows[0][1].rfind("삼", 0), 0u) << "the whole character before the cut stays";
    EXPECT_EQ(decoded.page.rows[0][2], "ok");
}

TEST(HostProtocolMessage, InvalidUtf8InEveryTextFieldIsEncodedWithoutThrowing) {
    const std::string bad = "\xc3\x28\xa0\xa1";
    EXPECT_NO_THROW(encode(serverMessage(bad, bad, bad, bad)));
    EXPECT_NO_THROW(encode(dialogMessage(bad)));
    EXPECT_NO_THROW(encode(loginInfoMessage(bad, bad)));
    Command command;
    command.kind = Command::Kind::Release;
    command.screenNo = bad;
    std::string line;
    EXPECT_NO_THROW(line = encode(command));
    std::string error;
    EXPECT_TRUE(decodeCommand(line, error).has_value()) << error;
}

TEST(HostProtocolMessage, TheRecordingFormCarriesTheElapsedTime) {
    const Json recorded = Json::parse(encode(connectMessage(0), 1234));
    EXPECT_EQ(recorded["t"], 1234);
    EXPECT_EQ(recorded["event"], "connect");
    EXPECT_FALSE(Json::parse(encode(connectMessage(0))).contains("t")) << "the socket does without";
    std::string error;
    const auto decoded = decodeHostMessage(encode(trDataMessage(paddedKoreanPage()), 0), error);
    ASSERT_TRUE(decoded.has_value()) << error;
    EXPECT_EQ(decoded->page.rows, paddedKoreanPage().rows);
}

TEST(HostProtocolMessage, ServerKindsMapToGetServerGubunAndBack) {
    EXPECT_EQ(serverGubunFor(ServerKind::Mock), "1");
    EXPECT_EQ(serverGubunFor(ServerKind::Real), "0");
    EXPECT_EQ(serverGubunFor(ServerKind::Unknown), "");
    for (const ServerKind kind : {ServerKind::Mock, ServerKind::Real, ServerKind::Unknown}) {
        EXPECT_EQ(serverKindFor(serverGubunFor(kind)), kind);
    }
}

// --- refusals ---------------------------------------------------------------------------------

TEST(HostProtocolRefusal, NonJsonIsNotAJsonObject) {
    EXPECT_EQ(commandRefusal("hello"), "not a JSON object");
    EXPECT_EQ(hostMessageRefusal("hello"), "not a JSON object");
    EXPECT_EQ(hostMessageRefusal(""), "not a JSON object");
    EXPECT_EQ(hostMessageRefusal(R"({"event":"pong","seq":1)"), "not a JSON object");
    EXPECT_EQ(hostMessageRefusal(std::string("{\"event\":\"pong\",\"seq\":1}\0", 21)), "not a JSON object");
}

TEST(HostProtocolRefusal, AJsonArrayOrScalarIsNotAJsonObject) {
    EXPECT_EQ(commandRefusal(R"([{"cmd":"ping","seq":1}])"), "not a JSON object");
    EXPECT_EQ(hostMessageRefusal(R"(["event","pong"])"), "not a JSON object");
    EXPECT_EQ(hostMessageRefusal("42"), "not a JSON object");
    EXPECT_EQ(hostMessageRefusal(R"("pong")"), "not a JSON object");
    EXPECT_EQ(hostMessageRefusal("null"), "not a JSON object");
}

TEST(HostProtocolRefusal, ALineLongerThanTheLimitIsRefusedBeforeParsing) {
    const std::string line = R"({"event":"dialog","closed":")" + std::string(kMaxLineBytes, 'x') + R"("})";
    EXPECT_EQ(hostMessageRefusal(line), "line longer than 4194304 bytes");
    EXPECT_EQ(commandRefusal(line), "line longer than 4194304 bytes");
}

TEST(HostProtocolRefusal, MissingKeysAreNamed) {
    EXPECT_EQ(commandRefusal(R"({"seq":1})"), "'cmd' must be a string");
    EXPECT_EQ(commandRefusal(R"({"cmd":"ping"})"), "'seq' must be an integer");
    EXPECT_EQ(commandRefusal(R"({"cmd":"release"})"), "'screen' must be a string");
    EXPECT_EQ(
        commandRefusal(R"({"cmd":"request","rq_name":"a","tr":"opt10023","prev_next":0,"screen":"0101"})"),
        "'inputs' must be an array of [name, value] pairs");
    EXPECT_EQ(hostMessageRefusal(R"({"event":"hello","protocol":1,"bits":64,"backend":"emulator"})"),
              "'pid' must be an integer");
    EXPECT_EQ(hostMessageRefusal(R"({"event":"connect"})"), "'code' must be an integer");
    EXPECT_EQ(hostMessageRefusal(R"({"event":"tr_data","rq_name":"a","tr":"b","screen":"0101","record":"r",)"
                                 R"("prev_next":"0"})"),
              "'rows' must be an array of rows of strings");
    EXPECT_EQ(hostMessageRefusal(R"({"call":"GetLoginInfo","tag":"USER_ID"})"), "'value' must be a string");
    EXPECT_EQ(hostMessageRefusal(R"({"event":"dialog"})"), "'closed' must be a string");
    EXPECT_EQ(hostMessageRefusal(R"({"seq":1})"), "neither 'call' nor 'event'");
}

TEST(HostProtocolRefusal, WrongTypesAreNamed) {
    EXPECT_EQ(commandRefusal(R"({"cmd":1})"), "'cmd' must be a string");
    EXPECT_EQ(commandRefusal(R"({"cmd":"ping","seq":"1"})"), "'seq' must be an integer");
    EXPECT_EQ(commandRefusal(R"({"cmd":"ping","seq":1.5})"), "'seq' must be an integer");
    EXPECT_EQ(commandRefusal(R"({"cmd":"ping","seq":true})"), "'seq' must be an integer");
    EXPECT_EQ(
        commandRefusal(R"({"cmd":"request","rq_name":"a","tr":"opt10023","prev_next":0,"screen":"0101",)"
                       R"("inputs":[["시장구분"]]})"),
        "'inputs' must be an array of [name, value] pairs");
    EXPECT_EQ(
        commandRefusal(R"({"cmd":"request","rq_name":"a","tr":"opt10023","prev_next":0,"screen":"0101",)"
                       R"("inputs":[["시장구분",1]]})"),
        "'inputs' must be an array of [name, value] pairs");
    EXPECT_EQ(hostMessageRefusal(R"({"event":"hello","protocol":"1","pid":1,"bits":64,"backend":"x"})"),
              "'protocol' must be an integer");
    EXPECT_EQ(hostMessageRefusal(R"({"event":"hello","protocol":1,"pid":1,"bits":64,"backend":null})"),
              "'backend' must be a string");
    EXPECT_EQ(hostMessageRefusal(R"({"event":7})"), "neither 'call' nor 'event'");
    EXPECT_EQ(hostMessageRefusal(R"({"call":["GetLoginInfo"]})"), "'call' must be a string");
    const std::string trData = R"({"event":"tr_data","rq_name":"a","tr":"b","screen":"0101","record":"r",)"
                               R"("prev_next":"0","rows":)";
    EXPECT_EQ(hostMessageRefusal(trData + R"([["005930",71200]]})"),
              "'rows' must be an array of rows of strings");
    EXPECT_EQ(hostMessageRefusal(trData + R"(["005930"]})"), "'rows' must be an array of rows of strings");
    EXPECT_EQ(hostMessageRefusal(trData + R"({"0":["005930"]}})"),
              "'rows' must be an array of rows of strings");
    EXPECT_EQ(hostMessageRefusal(R"({"event":"tr_data","rq_name":"a","tr":"b","screen":"0101","record":"r",)"
                                 R"("prev_next":2,"rows":[]})"),
              "'prev_next' must be a string");
}

TEST(HostProtocolRefusal, AHelloNamingNoBackendOfOursIsRefused) {
    const std::string hello = R"({"event":"hello","protocol":1,"pid":1,"bits":64,"backend":)";
    EXPECT_EQ(hostMessageRefusal(hello + R"("abacus"})"),
              "'backend' must be one of activex, emulator, replay, rest");
    EXPECT_EQ(hostMessageRefusal(hello + R"("Emulator"})"),
              "'backend' must be one of activex, emulator, replay, rest");
    EXPECT_EQ(hostMessageRefusal(hello + R"(""})"),
              "'backend' must be one of activex, emulator, replay, rest");
    std::string error;
    const auto accepted = decodeHostMessage(hello + R"("replay"})", error);
    ASSERT_TRUE(accepted.has_value()) << error;
    EXPECT_EQ(accepted->hello.backend, Backend::Replay);
}

TEST(HostProtocolRefusal, IntegersOutOfRangeAreRefused) {
    const std::string request =
        R"({"cmd":"request","rq_name":"a","tr":"opt10023","screen":"0101","inputs":[],)";
    // 1e20 is a JSON number but not an integer; 2^32 is an integer but not an int.
    EXPECT_EQ(commandRefusal(request + R"("prev_next":1e20})"), "'prev_next' must be an integer");
    EXPECT_EQ(commandRefusal(request + R"("prev_next":100000000000000000000})"),
              "'prev_next' must be an integer");
    EXPECT_EQ(commandRefusal(request + R"("prev_next":4294967296})"),
              "'prev_next' must be an integer in range");
    EXPECT_EQ(commandRefusal(request + R"("prev_next":-2147483649})"),
              "'prev_next' must be an integer in range");
    EXPECT_EQ(commandRefusal(R"({"cmd":"ping","seq":-1})"), "'seq' must be an integer in range");
    EXPECT_EQ(hostMessageRefusal(R"({"event":"pong","seq":-1})"), "'seq' must be an integer in range");
    EXPECT_EQ(hostMessageRefusal(R"({"event":"connect","code":2147483648})"),
              "'code' must be an integer in range");
    EXPECT_EQ(hostMessageRefusal(R"({"event":"hello","protocol":1,"pid":1,"bits":18446744073709551615,)"
                                 R"("backend":"x"})"),
              "'bits' must be an integer in range");
    EXPECT_EQ(hostMessageRefusal(R"({"event":"hello","protocol":1,"pid":9223372036854775808,"bits":64,)"
                                 R"("backend":"x"})"),
              "'pid' must be an integer in range");
}

TEST(HostProtocolRefusal, IntegersAtTheEdgeOfTheirRangeAreAccepted) {
    std::string error;
    const auto ping = decodeCommand(R"({"cmd":"ping","seq":18446744073709551615})", error);
    ASSERT_TRUE(ping.has_value()) << error;
    EXPECT_EQ(ping->seq, std::numeric_limits<std::uint64_t>::max());
    const auto connect = decodeHostMessage(R"({"event":"connect","code":-2147483648})", error);
    ASSERT_TRUE(connect.has_value()) << error;
    EXPECT_EQ(connect->code, std::numeric_limits<int>::min());
}

TEST(HostProtocolRefusal, UnknownCommandsEventsAndCallsAreNamed) {
    EXPECT_EQ(commandRefusal(R"({"cmd":"explode"})"), "unknown command 'explode'");
    EXPECT_EQ(commandRefusal(R"({"cmd":"PING","seq":1})"), "unknown command 'PING'");
    EXPECT_EQ(hostMessageRefusal(R"({"event":"explode"})"), "unknown event 'explode'");
    EXPECT_EQ(hostMessageRefusal(R"({"call":"CommTerminate"})"), "unknown call 'CommTerminate'");
    // A command is not a host message, nor the other way round.
    EXPECT_EQ(hostMessageRefusal(R"({"cmd":"ping","seq":1})"), "neither 'call' nor 'event'");
    EXPECT_EQ(commandRefusal(R"({"event":"pong","seq":1})"), "'cmd' must be a string");
}

// --- LineBuffer -------------------------------------------------------------------------------

TEST(LineBuffer, SplitsLinesHoweverTheBytesAreChunked) {
    Hello hello;
    hello.protocol = kVersion;
    hello.pid = 77;
    hello.bits = 64;
    hello.backend = Backend::Emulator;
    const std::vector<std::string> lines = {encode(helloMessage(hello)),
                                            encode(trDataMessage(paddedKoreanPage())), "",
                                            encode(pongMessage(3)), encode(dialogMessage("로그인"))};
    std::string stream;
    for (const auto& line : lines) {
        stream += line + '\n';
    }
    // Every chunk size, so that boundaries fall inside keys, UTF-8 sequences and right at '\n'.
    for (std::size_t chunk = 1; chunk <= stream.size(); ++chunk) {
        LineBuffer buffer;
        std::vector<std::string> received;
        for (std::size_t at = 0; at < stream.size(); at += chunk) {
            ASSERT_TRUE(buffer.append(std::string_view(stream).substr(at, chunk)));
            for (auto& line : drain(buffer)) {
                received.push_back(std::move(line));
            }
        }
        ASSERT_EQ(received, lines) << "chunks of " << chunk;
        EXPECT_FALSE(buffer.overflowed());
    }
}

TEST(LineBuffer, HoldsAnUnfinishedLineUntilItsNewlineArrives) {
    LineBuffer buffer;
    ASSERT_TRUE(buffer.append(R"({"event":"pong",)"));
    EXPECT_FALSE(buffer.nextLine().has_value());
    ASSERT_TRUE(buffer.append(R"("seq":1})"));
    EXPECT_FALSE(buffer.nextLine().has_value());
    ASSERT_TRUE(buffer.append("\n"));
    EXPECT_EQ(buffer.nextLine(), std::optional<std::string>(R"({"event":"pong","seq":1})"));
    EXPECT_FALSE(buffer.nextLine().has_value());
}

TEST(LineBuffer, StripsOneCarriageReturnBeforeTheNewline) {
    LineBuffer buffer;
    ASSERT_TRUE(buffer.append("first\r\nsecond\nthi\rrd\r\n\r\nfourth\r\r\n"));
    EXPECT_EQ(drain(buffer), (std::vector<std::string>{"first", "second", "thi\rrd", "", "fourth\r"}));
}

TEST(LineBuffer, ALineOfExactlyTheLimitIsAccepted) {
    LineBuffer buffer(16);
    ASSERT_TRUE(buffer.append(std::string(16, 'x')));
    ASSERT_TRUE(buffer.append("\n"));
    EXPECT_EQ(buffer.nextLine(), std::optional<std::string>(std::string(16, 'x')));
    EXPECT_FALSE(buffer.overflowed());
}

TEST(LineBuffer, RefusesALineThatGrowsPastTheLimitInPiecesAndStaysRefused) {
    LineBuffer buffer(16);
    ASSERT_TRUE(buffer.append("ok\n"));
    ASSERT_TRUE(buffer.append(std::string(10, 'x')));
    EXPECT_TRUE(buffer.append(std::string(6, 'x'))) << "16 bytes: still within the limit";
    EXPECT_FALSE(buffer.append("x")) << "17 bytes and no newline yet";
    EXPECT_TRUE(buffer.overflowed());
    EXPECT_FALSE(buffer.nextLine().has_value()) << "not even the line that came before it";
    EXPECT_FALSE(buffer.append("\n{\"event\":\"pong\",\"seq\":1}\n"));
    EXPECT_FALSE(buffer.nextLine().has_value());
    EXPECT_TRUE(buffer.overflowed());
}

TEST(LineBuffer, RefusesALineLongerThanTheLimitThatArrivesWhole) {
    LineBuffer buffer(16);
    buffer.append("ok\n" + std::string(17, 'x') + "\nlater\n");
    EXPECT_EQ(buffer.nextLine(), std::optional<std::string>("ok")) << "the line before it is whole";
    EXPECT_FALSE(buffer.nextLine().has_value());
    EXPECT_TRUE(buffer.overflowed());
    EXPECT_FALSE(buffer.nextLine().has_value()) << "nor any line after it";
    EXPECT_FALSE(buffer.append("fine\n"));
    EXPECT_FALSE(buffer.nextLine().has_value());
}

TEST(LineBuffer, RefusesALineOverTheProtocolLimitByDefault) {
    LineBuffer buffer;
    const std::string piece(1024 * 1024, 'x');
    for (int i = 0; i < 4; ++i) {
        ASSERT_TRUE(buffer.append(piece)) << "4 MiB is the limit itself";
    }
    EXPECT_FALSE(buffer.append("x"));
    EXPECT_TRUE(buffer.overflowed());
}

} // namespace
} // namespace kiwoomd::protocol
