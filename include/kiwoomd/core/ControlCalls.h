#pragma once
// The dynamicCall signature strings of the KHOpenAPI control, and the GetLoginInfo tags. These
// are the control's type-library names; the emulator answers exactly these and nothing else.
// CommRqData's prevNext values (prev_next::) live with PageRequest in core/TrPage.h.

#include "kiwoomd/core/TrPage.h"

namespace kiwoomd::calls {

inline constexpr char kCommConnect[] = "CommConnect()";
inline constexpr char kCommTerminate[] = "CommTerminate()";
inline constexpr char kGetConnectState[] = "GetConnectState()";
inline constexpr char kGetLoginInfo[] = "GetLoginInfo(QString)";
inline constexpr char kSetInputValue[] = "SetInputValue(QString, QString)";
inline constexpr char kCommRqData[] = "CommRqData(QString, QString, int, QString)";
inline constexpr char kGetRepeatCnt[] = "GetRepeatCnt(QString, QString)";
inline constexpr char kGetCommData[] = "GetCommData(QString, QString, int, QString)";
inline constexpr char kGetCommDataEx[] = "GetCommDataEx(QString, QString)";
inline constexpr char kDisconnectRealData[] = "DisconnectRealData(QString)";
inline constexpr char kGetCodeListByMarket[] = "GetCodeListByMarket(QString)";
inline constexpr char kGetMasterCodeName[] = "GetMasterCodeName(QString)";
// The control's extension calls by name (koa_function below), with one text argument.
inline constexpr char kKoaFunctions[] = "KOA_Functions(QString, QString)";

} // namespace kiwoomd::calls

namespace kiwoomd::login_tag {

inline constexpr char kAccountCount[] = "ACCOUNT_CNT";
inline constexpr char kAccounts[] = "ACCNO";
inline constexpr char kUserId[] = "USER_ID";
inline constexpr char kUserName[] = "USER_NAME";
inline constexpr char kKeyboardSecurity[] = "KEY_BSECGB";
inline constexpr char kFirewall[] = "FIREW_SECGB";
inline constexpr char kServerKind[] = "GetServerGubun"; // "1" = mock trading server, "" unknown

} // namespace kiwoomd::login_tag

namespace kiwoomd::koa_function {

// "1" = mock trading server; the call public wrappers try before the GetLoginInfo tag of the same
// name. An empty answer means "unknown", not "real".
inline constexpr char kServerKind[] = "GetServerGubun";

} // namespace kiwoomd::koa_function
