#pragma once
// The protocol between kiwoomd and kiwoomd-host: one JSON object per line, UTF-8, over a local
// socket (a named pipe on Windows). The host's lines are the record/replay vocabulary
// (docs/record-replay.md), so what crosses the socket is what --record writes; the daemon's
// commands and the handshake are the only additions. docs/architecture.md lists every message.
// Thread: none; plain functions over values.

#include "kiwoomd/core/SessionStatus.h"
#include "kiwoomd/core/TrPage.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiwoomd::protocol {

// Raised when either side changes a message in a way the other cannot read.
inline constexpr int kVersion = 1;
// One page of 200 rows with the control's padding is about 60 KB; anything near this is garbage.
inline constexpr std::size_t kMaxLineBytes = 4 * 1024 * 1024;

// --- daemon -> host ---------------------------------------------------------------------------
struct Command {
    enum class Kind { Login, Logout, Request, Release, Ping, Quit };
    Kind kind = Kind::Ping;
    PageRequest request;   // Request
    std::string screenNo;  // Release
    std::uint64_t seq = 0; // Ping
};

std::string encode(const Command& command);
std::optional<Command> decodeCommand(std::string_view line, std::string& error);

// --- host -> daemon ---------------------------------------------------------------------------
struct Hello {
    int protocol = 0;
    std::int64_t pid = 0;
    int bits = 0;
    Backend backend = Backend::Emulator; // "backend" on the line: backendName's names only
};

struct HostMessage {
    enum class Kind { Hello, LoginInfo, Connect, RequestResult, TrData, ServerMessage, Pong, Dialog };
    Kind kind = Kind::Pong;
    Hello hello;
    std::string tag;     // LoginInfo: GetLoginInfo's tag
    std::string value;   // LoginInfo: its answer
    int code = 0;        // Connect: OnEventConnect's code; RequestResult: CommRqData's result
    PageRequest request; // RequestResult
    TrPage page;         // TrData
    std::string screenNo, rqName, trCode,
        text;              // ServerMessage (text: the server's); Dialog (text: what closed)
    std::uint64_t seq = 0; // Pong
};

HostMessage helloMessage(const Hello& hello);
HostMessage loginInfoMessage(std::string tag, std::string value);
HostMessage connectMessage(int code);
HostMessage requestResultMessage(const PageRequest& request, int result);
HostMessage trDataMessage(const TrPage& page);
HostMessage serverMessage(std::string screenNo, std::string rqName, std::string trCode, std::string text);
HostMessage pongMessage(std::uint64_t seq);
HostMessage dialogMessage(std::string whatClosed);

// `elapsedMs`, when given, is written as "t" (recordings; the socket does without).
std::string encode(const HostMessage& message, std::optional<long long> elapsedMs = std::nullopt);
std::optional<HostMessage> decodeHostMessage(std::string_view line, std::string& error);

// The GetLoginInfo value a server kind is recorded as (GetServerGubun: "1" mock, "0" real, "" unknown).
std::string serverGubunFor(ServerKind serverKind);
ServerKind serverKindFor(const std::string& gubun);

// Splits a byte stream into lines, refusing a line longer than kMaxLineBytes (or `maxLine`).
class LineBuffer {
public:
    explicit LineBuffer(std::size_t maxLine = kMaxLineBytes)
        : m_maxLine(maxLine) {}

    // Appends bytes; false once a line has grown past the limit (the stream is then unusable).
    bool append(std::string_view bytes);
    // The next complete line without its '\n' (and a '\r' before it), if any.
    std::optional<std::string> nextLine();
    bool overflowed() const { return m_overflow; }

private:
    void overflow();

    std::size_t m_maxLine;
    std::string m_buffer;
    bool m_overflow = false;
};

} // namespace kiwoomd::protocol
