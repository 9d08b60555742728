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

// "query overload (throttled)" and the like; "unknown error code N" for codes not documented.
std::string describe(int code);

// "-200 (query overload (throttled))"
std::string describeWithCode(int code);

} // namespace kiwoomd::kiwoom_error
