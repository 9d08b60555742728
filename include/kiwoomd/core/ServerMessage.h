#pragma once
// Reading the server's messages (OnReceiveMsg). A request the control accepted (CommRqData
// returned 0) can still be refused on the server: the reason then arrives as OnReceiveMsg before
// OnReceiveTrData, or instead of it, its text ending in the code, e.g. "조회 과부하 (-200)"
// (shared/kiwoom-openapi.md, "Methods"). Public wrappers fail the request at once on such a
// message instead of waiting for a timeout.

#include <optional>
#include <string_view>

namespace kiwoomd {

// The negative code in parentheses at the end of `message` ("...(-209)", "... ( -200 ) "), or
// nullopt when there is none: "[00Z310] 모의투자 조회가 완료되었습니다" is not a refusal, and
// neither is a non-negative or malformed number. UTF-8 text; spaces around the parentheses and
// inside them are tolerated.
std::optional<int> refusalCode(std::string_view message);

} // namespace kiwoomd
