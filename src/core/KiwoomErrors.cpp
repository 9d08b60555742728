#include "kiwoomd/core/KiwoomErrors.h"

namespace kiwoomd::kiwoom_error {

std::string describe(int code) {
    switch (code) {
    case kOk:
        return "ok";
    case kFail:
        return "failed";
    case kUserInfoExchangeFailed:
        return "user information exchange failed";
    case kServerConnectionFailed:
        return "server connection failed";
    case kVersionProcessingFailed:
        return "version processing failed (the OpenAPI module must update: restart the program)";
    case kPersonalFirewall:
        return "personal firewall blocked the connection";
    case kMemoryProtection:
        return "memory protection error";
    case kBadFunctionInput:
        return "bad function input";
    case kSocketClosed:
        return "connection closed (socket closed)";
    case kQueryOverload:
        return "query overload (throttled)";
    case kRequestInitFailed:
        return "request initialisation failed";
    case kRequestInputError:
        return "request input error";
    case kNoData:
        return "no data";
    case kTooManyCodes:
        return "too many codes requested";
    case kReceiveFailed:
        return "receiving data failed";
    case kTooManyFids:
        return "too many FIDs requested";
    case kRealTimeReleaseError:
        return "real-time release error";
    case kQueryLimit:
    case kQueryLimitAlternate:
        return "query limit reached (throttled)";
    case kInputError:
        return "input error";
    case kNoAccountPassword:
        return "no account password";
    case kOthersAccount:
        return "not the user's own account";
    case kNoAccountInfo:
        return "no account information";
    case kNoSuchCode:
        return "no such stock code";
    case kRestThrottled:
        return "too many requests (throttled)";
    case kRestTokenInvalid:
        return "the access token is not valid (expired or revoked)";
    case kRestIpNotRegistered:
        return "this computer's public IP address is not registered for the app key (register it on "
               "Kiwoom's REST API site)";
    case kRestLiveKeyOnMock:
    case kRestMockKeyOnLive:
        return "live and mock keys differ: the app key does not belong to this server (rest.server)";
    case kRestDeviceAuth:
    case kRestDeviceAuthAlternate:
        return "device authentication required (confirm this device on Kiwoom's REST API site)";
    case kRestTokenNotFound:
        return "the access token is unknown to the server";
    default:
        return "unknown error code " + std::to_string(code);
    }
}

bool isThrottle(int code) {
    return code == kQueryOverload || code == kQueryLimit || code == kQueryLimitAlternate ||
           code == kRestThrottled;
}

Refusal classifyRefusal(int code) {
    if (isThrottle(code)) {
        return Refusal::Throttled;
    }
    return code == kNoData ? Refusal::NoData : Refusal::Failed;
}

bool isStaleToken(int code) {
    return code == kRestTokenInvalid || code == kRestMockKeyOnLive || code == kRestTokenNotFound;
}

std::string describeWithCode(int code) {
    return std::to_string(code) + " (" + describe(code) + ")";
}

} // namespace kiwoomd::kiwoom_error
