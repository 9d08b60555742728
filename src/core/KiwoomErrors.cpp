#include "kiwoomd/core/KiwoomErrors.h"

namespace kiwoomd::kiwoom_error {

std::string describe(int code) {
    switch (code) {
    case 0:
        return "ok";
    case -10:
        return "failed";
    case -100:
        return "user information exchange failed";
    case -101:
        return "server connection failed";
    case -102:
        return "version processing failed (the OpenAPI module must update: restart the program)";
    case -103:
        return "personal firewall blocked the connection";
    case -104:
        return "memory protection error";
    case -105:
        return "bad function input";
    case -106:
        return "connection closed (socket closed)";
    case -200:
        return "query overload (throttled)";
    case -201:
        return "request initialisation failed";
    case -202:
        return "request input error";
    case -203:
        return "no data";
    case -204:
        return "too many codes requested";
    case -205:
        return "receiving data failed";
    case -206:
        return "too many FIDs requested";
    case -207:
        return "real-time release error";
    case -209:
    case -210:
        return "query limit reached (throttled)";
    case -300:
        return "input error";
    case -301:
        return "no account password";
    case -302:
        return "not the user's own account";
    case -340:
        return "no account information";
    case -500:
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

bool isStaleToken(int code) {
    return code == kRestTokenInvalid || code == kRestMockKeyOnLive || code == kRestTokenNotFound;
}

std::string describeWithCode(int code) {
    return std::to_string(code) + " (" + describe(code) + ")";
}

} // namespace kiwoomd::kiwoom_error
