#pragma once
// Meanings of the OpenAPI's result codes (OnEventConnect, CommRqData), from
// shared/kiwoom-openapi.md, so that users read a sentence instead of a number.

#include <string>

namespace kiwoomd::kiwoom_error {

inline constexpr int kOk = 0;
inline constexpr int kFail = -10;
inline constexpr int kUserInfoExchangeFailed = -100;
inline constexpr int kServerConnectionFailed = -101;
inline constexpr int kVersionProcessingFailed = -102;
inline constexpr int kPersonalFirewall = -103;
inline constexpr int kMemoryProtection = -104;
inline constexpr int kBadFunctionInput = -105;
inline constexpr int kSocketClosed = -106;
inline constexpr int kQueryOverload = -200;
inline constexpr int kRequestInitFailed = -201;
inline constexpr int kRequestInputError = -202;
inline constexpr int kNoData = -203;
inline constexpr int kTooManyCodes = -204;
inline constexpr int kReceiveFailed = -205;
inline constexpr int kTooManyFids = -206;
inline constexpr int kRealTimeReleaseError = -207;
// -209 and -210 are query limits like -200, per Kiwoom's own answer to users.
inline constexpr int kQueryLimit = -209;
inline constexpr int kQueryLimitAlternate = -210;
inline constexpr int kInputError = -300;
inline constexpr int kNoAccountPassword = -301;
inline constexpr int kOthersAccount = -302;
inline constexpr int kNoAccountInfo = -340;
inline constexpr int kNoSuchCode = -500;

// Kiwoom REST API return codes (positive, so they never meet the OpenAPI's negative ones).
inline constexpr int kRestThrottled = 1700;       // too many requests (also seen as HTTP 429)
inline constexpr int kRestTokenInvalid = 8005;    // the token is not valid (expired, revoked)
inline constexpr int kRestIpNotRegistered = 8010; // the token was issued to another IP
inline constexpr int kRestLiveKeyOnMock = 8030;   // live and mock keys differ
inline constexpr int kRestMockKeyOnLive = 8031;
inline constexpr int kRestDeviceAuth = 8040;
inline constexpr int kRestDeviceAuthAlternate = 8050;
inline constexpr int kRestTokenNotFound = 8103;

// Whether a REST answer with `code` is worth one retry with a freshly issued token (the official
// client does exactly that for 8005, 8031 and 8103, and for HTTP 401).
bool isStaleToken(int code);

// Whether `code` says the server throttled the query (-200, -209, -210; REST 1700): the answer is to wait
// (ThrottlePolicy.h), not to call the request malformed.
bool isThrottle(int code);

// What a refused request means for the poll (a CommRqData result other than 0, or a code in the
// server's message): a throttle waits and sends it again, "no data" is an empty answer, anything
// else fails the poll.
enum class Refusal { Throttled, NoData, Failed };
Refusal classifyRefusal(int code);

// "query overload (throttled)" and the like; "unknown error code N" for codes not documented.
std::string describe(int code);

// "-200 (query overload (throttled))"
std::string describeWithCode(int code);

} // namespace kiwoomd::kiwoom_error
