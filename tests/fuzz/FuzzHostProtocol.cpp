// Fuzzes what either side of the kiwoomd <-> kiwoomd-host socket may receive (HostProtocol.h):
// arbitrary bytes, framed by LineBuffer in chunks the input chooses, then every line through both
// decoders. None may crash, leak or throw; a refusal always says why; whatever is accepted encodes
// to one line that decodes to the same message again.

#include "FuzzCheck.h"

#include "kiwoomd/protocol/HostProtocol.h"

#include <cstdint>
#include <string>
#include <string_view>

using namespace kiwoomd;
using namespace kiwoomd::protocol;

namespace {

// Small enough that the fuzzer reaches the limit within -max_len; the framing is the same.
constexpr std::size_t kFuzzLineLimit = 512;

bool sameRequest(const PageRequest& a, const PageRequest& b) {
    return a.rqName == b.rqName && a.trCode == b.trCode && a.prevNext == b.prevNext &&
           a.screenNo == b.screenNo && a.inputs == b.inputs;
}

void checkCommand(std::string_view line) {
    std::string error;
    const auto command = decodeCommand(line, error);
    if (!command) {
        FUZZ_CHECK(!error.empty());
        return;
    }
    const std::string again = encode(*command);
    FUZZ_CHECK(again.find('\n') == std::string::npos);
    std::string againError;
    const auto decoded = decodeCommand(again, againError);
    FUZZ_CHECK(decoded.has_value());
    FUZZ_CHECK(decoded->kind == command->kind);
    FUZZ_CHECK(decoded->seq == command->seq);
    FUZZ_CHECK(decoded->screenNo == command->screenNo);
    FUZZ_CHECK(sameRequest(decoded->request, command->request));
}

void checkHostMessage(std::string_view line) {
    std::string error;
    const auto message = decodeHostMessage(line, error);
    if (!message) {
        FUZZ_CHECK(!error.empty());
        return;
    }
    // Decoded strings may hold invalid UTF-8 only if the input did; nlohmann rejects that on
    // parse, so what was accepted re-encodes without replacement and must read back the same.
    const std::string again = encode(*message);
    FUZZ_CHECK(again.find('\n') == std::string::npos);
    std::string againError;
    const auto decoded = decodeHostMessage(again, againError);
    FUZZ_CHECK(decoded.has_value());
    FUZZ_CHECK(decoded->kind == message->kind);
    FUZZ_CHECK(decoded->hello.protocol == message->hello.protocol);
    FUZZ_CHECK(decoded->hello.pid == message->hello.pid);
    FUZZ_CHECK(decoded->hello.bits == message->hello.bits);
    FUZZ_CHECK(decoded->hello.backend == message->hello.backend);
    FUZZ_CHECK(decoded->tag == message->tag && decoded->value == message->value);
    FUZZ_CHECK(decoded->code == message->code);
    FUZZ_CHECK(sameRequest(decoded->request, message->request));
    FUZZ_CHECK(decoded->page.rqName == message->page.rqName && decoded->page.trCode == message->page.trCode);
    FUZZ_CHECK(decoded->page.screenNo == message->page.screenNo);
    FUZZ_CHECK(decoded->page.recordName == message->page.recordName);
    FUZZ_CHECK(decoded->page.rows == message->page.rows);
    FUZZ_CHECK(decoded->page.more == message->page.more);
    FUZZ_CHECK(decoded->screenNo == message->screenNo && decoded->rqName == message->rqName);
    FUZZ_CHECK(decoded->trCode == message->trCode && decoded->text == message->text);
    FUZZ_CHECK(decoded->seq == message->seq);
    // The recording form is the same message with "t".
    std::string recordedError;
    FUZZ_CHECK(decodeHostMessage(encode(*message, 1234), recordedError).has_value());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    // Each line whole, as a decoder sees it after framing.
    checkCommand(input);
    checkHostMessage(input);

    // The stream in chunks: the first byte picks the chunk size, the rest is the stream.
    if (size == 0) {
        return 0;
    }
    const std::size_t chunk = 1 + static_cast<unsigned char>(input.front()) % 64;
    const std::string_view stream = input.substr(1);
    LineBuffer buffer(kFuzzLineLimit);
    bool refused = false;
    for (std::size_t at = 0; at < stream.size(); at += chunk) {
        const bool accepted = buffer.append(stream.substr(at, chunk));
        FUZZ_CHECK(accepted == !buffer.overflowed());
        FUZZ_CHECK(!(refused && accepted)); // once refused, refused for good
        refused = refused || !accepted;
        while (auto line = buffer.nextLine()) {
            FUZZ_CHECK(!refused);
            FUZZ_CHECK(line->size() <= kFuzzLineLimit);
            FUZZ_CHECK(line->find('\n') == std::string::npos);
            checkCommand(*line);
            checkHostMessage(*line);
        }
        refused = refused || buffer.overflowed();
    }
    return 0;
}
