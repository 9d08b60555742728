#include "kiwoomd/protocol/HostProtocol.h"

#include "kiwoomd/core/ControlCalls.h"

#include <nlohmann/json.hpp>

#include <limits>

namespace kiwoomd::protocol {
namespace {

using nlohmann::json;

// Keys and names of the record/replay vocabulary (docs/record-replay.md) and of the additions.
constexpr char kCall[] = "call";
constexpr char kEvent[] = "event";
constexpr char kCmd[] = "cmd";

std::string dump(const json& value) {
    // Invalid UTF-8 from a control never breaks a line: it is replaced, not thrown.
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Typed access that reports what is wrong instead of throwing.
class Reader {
public:
    Reader(const json& object, std::string& error)
        : m_object(object)
        , m_error(error) {}

    bool string(const char* key, std::string& out) {
        const auto it = m_object.find(key);
        if (it == m_object.end() || !it->is_string()) {
            return fail(key, "a string");
        }
        out = it->get<std::string>();
        return true;
    }
    // A backend by its API name: a host that names none of ours is not one this daemon can report.
    bool backend(const char* key, Backend& out) {
        std::string name;
        if (!string(key, name)) {
            return false;
        }
        const auto backend = backendFromName(name);
        if (!backend) {
            return fail(key, "one of activex, emulator, replay, rest");
        }
        out = *backend;
        return true;
    }
    template <typename Int> bool integer(const char* key, Int& out) {
        const auto it = m_object.find(key);
        if (it == m_object.end() || !it->is_number_integer()) {
            return fail(key, "an integer");
        }
        if (it->is_number_unsigned()) {
            const auto value = it->get<std::uint64_t>();
            if (value > static_cast<std::uint64_t>(std::numeric_limits<Int>::max())) {
                return fail(key, "an integer in range");
            }
            out = static_cast<Int>(value);
            return true;
        }
        const auto value = it->get<std::int64_t>();
        if (value < static_cast<std::int64_t>(std::numeric_limits<Int>::min()) ||
            (value > 0 && static_cast<std::uint64_t>(value) >
                              static_cast<std::uint64_t>(std::numeric_limits<Int>::max()))) {
            return fail(key, "an integer in range");
        }
        out = static_cast<Int>(value);
        return true;
    }
    bool inputs(const char* key, TrInputs& out) {
        const auto it = m_object.find(key);
        if (it == m_object.end() || !it->is_array()) {
            return fail(key, "an array of [name, value] pairs");
        }
        for (const json& pair : *it) {
            if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) {
                return fail(key, "an array of [name, value] pairs");
            }
            out.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
        }
        return true;
    }
    bool rows(const char* key, std::vector<std::vector<std::string>>& out) {
        const auto it = m_object.find(key);
        if (it == m_object.end() || !it->is_array()) {
            return fail(key, "an array of rows of strings");
        }
        out.reserve(it->size());
        for (const json& row : *it) {
            if (!row.is_array()) {
                return fail(key, "an array of rows of strings");
            }
            std::vector<std::string> cells;
            cells.reserve(row.size());
            for (const json& cell : row) {
                if (!cell.is_string()) {
                    return fail(key, "an array of rows of strings");
                }
                cells.push_back(cell.get<std::string>());
            }
            out.push_back(std::move(cells));
        }
        return true;
    }

private:
    bool fail(const char* key, const char* what) {
        m_error = std::string("'") + key + "' must be " + what;
        return false;
    }

    const json& m_object;
    std::string& m_error;
};

std::optional<json> parseObject(std::string_view line, std::string& error) {
    if (line.size() > kMaxLineBytes) {
        error = "line longer than " + std::to_string(kMaxLineBytes) + " bytes";
        return std::nullopt;
    }
    json value = json::parse(line.begin(), line.end(), nullptr, false);
    if (value.is_discarded() || !value.is_object()) {
        error = "not a JSON object";
        return std::nullopt;
    }
    return value;
}

json inputsJson(const TrInputs& inputs) {
    json out = json::array();
    for (const auto& [name, value] : inputs) {
        out.push_back({name, value});
    }
    return out;
}

bool readRequest(Reader& reader, PageRequest& request) {
    return reader.string("rq_name", request.rqName) && reader.string("tr", request.trCode) &&
           reader.integer("prev_next", request.prevNext) && reader.string("screen", request.screenNo) &&
           reader.inputs("inputs", request.inputs);
}

json requestJson(const PageRequest& request) {
    return {{"rq_name", request.rqName},
            {"tr", request.trCode},
            {"prev_next", request.prevNext},
            {"screen", request.screenNo},
            {"inputs", inputsJson(request.inputs)}};
}

} // namespace

std::string encode(const Command& command) {
    switch (command.kind) {
    case Command::Kind::Login:
        return dump({{kCmd, "login"}});
    case Command::Kind::Logout:
        return dump({{kCmd, "logout"}});
    case Command::Kind::Request: {
        json out = requestJson(command.request);
        out[kCmd] = "request";
        return dump(out);
    }
    case Command::Kind::Release:
        return dump({{kCmd, "release"}, {"screen", command.screenNo}});
    case Command::Kind::Ping:
        return dump({{kCmd, "ping"}, {"seq", command.seq}});
    case Command::Kind::Quit:
        return dump({{kCmd, "quit"}});
    }
    return {};
}

std::optional<Command> decodeCommand(std::string_view line, std::string& error) {
    const auto object = parseObject(line, error);
    if (!object) {
        return std::nullopt;
    }
    Reader reader(*object, error);
    std::string name;
    if (!reader.string(kCmd, name)) {
        return std::nullopt;
    }
    Command command;
    if (name == "login") {
        command.kind = Command::Kind::Login;
    } else if (name == "logout") {
        command.kind = Command::Kind::Logout;
    } else if (name == "request") {
        command.kind = Command::Kind::Request;
        if (!readRequest(reader, command.request)) {
            return std::nullopt;
        }
    } else if (name == "release") {
        command.kind = Command::Kind::Release;
        if (!reader.string("screen", command.screenNo)) {
            return std::nullopt;
        }
    } else if (name == "ping") {
        command.kind = Command::Kind::Ping;
        if (!reader.integer("seq", command.seq)) {
            return std::nullopt;
        }
    } else if (name == "quit") {
        command.kind = Command::Kind::Quit;
    } else {
        error = "unknown command '" + name + "'";
        return std::nullopt;
    }
    return command;
}

HostMessage helloMessage(const Hello& hello) {
    HostMessage m;
    m.kind = HostMessage::Kind::Hello;
    m.hello = hello;
    return m;
}

HostMessage loginInfoMessage(std::string tag, std::string value) {
    HostMessage m;
    m.kind = HostMessage::Kind::LoginInfo;
    m.tag = std::move(tag);
    m.value = std::move(value);
    return m;
}

HostMessage connectMessage(int code) {
    HostMessage m;
    m.kind = HostMessage::Kind::Connect;
    m.code = code;
    return m;
}

HostMessage requestResultMessage(const PageRequest& request, int result) {
    HostMessage m;
    m.kind = HostMessage::Kind::RequestResult;
    m.request = request;
    m.code = result;
    return m;
}

HostMessage trDataMessage(const TrPage& page) {
    HostMessage m;
    m.kind = HostMessage::Kind::TrData;
    m.page = page;
    return m;
}

HostMessage serverMessage(std::string screenNo, std::string rqName, std::string trCode, std::string text) {
    HostMessage m;
    m.kind = HostMessage::Kind::ServerMessage;
    m.screenNo = std::move(screenNo);
    m.rqName = std::move(rqName);
    m.trCode = std::move(trCode);
    m.text = std::move(text);
    return m;
}

HostMessage pongMessage(std::uint64_t seq) {
    HostMessage m;
    m.kind = HostMessage::Kind::Pong;
    m.seq = seq;
    return m;
}

HostMessage dialogMessage(std::string whatClosed) {
    HostMessage m;
    m.kind = HostMessage::Kind::Dialog;
    m.text = std::move(whatClosed);
    return m;
}

std::string encode(const HostMessage& message, std::optional<long long> elapsedMs) {
    json out;
    switch (message.kind) {
    case HostMessage::Kind::Hello:
        out = {{kEvent, "hello"},
               {"protocol", message.hello.protocol},
               {"pid", message.hello.pid},
               {"bits", message.hello.bits},
               {"backend", backendName(message.hello.backend)}};
        break;
    case HostMessage::Kind::LoginInfo:
        out = {{kCall, "GetLoginInfo"}, {"tag", message.tag}, {"value", message.value}};
        break;
    case HostMessage::Kind::Connect:
        out = {{kEvent, "connect"}, {"code", message.code}};
        break;
    case HostMessage::Kind::RequestResult:
        out = requestJson(message.request);
        out[kCall] = "CommRqData";
        out["result"] = message.code;
        break;
    case HostMessage::Kind::TrData: {
        json rows = json::array();
        for (const auto& row : message.page.rows) {
            rows.push_back(row);
        }
        out = {{kEvent, "tr_data"},
               {"rq_name", message.page.rqName},
               {"tr", message.page.trCode},
               {"screen", message.page.screenNo},
               {"record", message.page.recordName},
               {"prev_next", message.page.more ? prev_next::kMoreData : "0"},
               {"rows", std::move(rows)}};
        break;
    }
    case HostMessage::Kind::ServerMessage:
        out = {{kEvent, "msg"},
               {"screen", message.screenNo},
               {"rq_name", message.rqName},
               {"tr", message.trCode},
               {"message", message.text}};
        break;
    case HostMessage::Kind::Pong:
        out = {{kEvent, "pong"}, {"seq", message.seq}};
        break;
    case HostMessage::Kind::Dialog:
        out = {{kEvent, "dialog"}, {"closed", message.text}};
        break;
    }
    if (elapsedMs) {
        out["t"] = *elapsedMs;
    }
    return dump(out);
}

std::optional<HostMessage> decodeHostMessage(std::string_view line, std::string& error) {
    const auto object = parseObject(line, error);
    if (!object) {
        return std::nullopt;
    }
    Reader reader(*object, error);
    HostMessage m;
    std::string name;
    if (object->contains(kCall)) {
        if (!reader.string(kCall, name)) {
            return std::nullopt;
        }
        if (name == "GetLoginInfo") {
            m.kind = HostMessage::Kind::LoginInfo;
            if (reader.string("tag", m.tag) && reader.string("value", m.value)) {
                return m;
            }
            return std::nullopt;
        }
        if (name == "CommRqData") {
            m.kind = HostMessage::Kind::RequestResult;
            if (readRequest(reader, m.request) && reader.integer("result", m.code)) {
                return m;
            }
            return std::nullopt;
        }
        error = "unknown call '" + name + "'";
        return std::nullopt;
    }
    if (!reader.string(kEvent, name)) {
        error = "neither 'call' nor 'event'";
        return std::nullopt;
    }
    bool ok = false;
    if (name == "hello") {
        m.kind = HostMessage::Kind::Hello;
        ok = reader.integer("protocol", m.hello.protocol) && reader.integer("pid", m.hello.pid) &&
             reader.integer("bits", m.hello.bits) && reader.backend("backend", m.hello.backend);
    } else if (name == "connect") {
        m.kind = HostMessage::Kind::Connect;
        ok = reader.integer("code", m.code);
    } else if (name == "tr_data") {
        m.kind = HostMessage::Kind::TrData;
        std::string prevNext;
        ok = reader.string("rq_name", m.page.rqName) && reader.string("tr", m.page.trCode) &&
             reader.string("screen", m.page.screenNo) && reader.string("record", m.page.recordName) &&
             reader.string("prev_next", prevNext) && reader.rows("rows", m.page.rows);
        m.page.more = prevNext == prev_next::kMoreData;
    } else if (name == "msg") {
        m.kind = HostMessage::Kind::ServerMessage;
        ok = reader.string("screen", m.screenNo) && reader.string("rq_name", m.rqName) &&
             reader.string("tr", m.trCode) && reader.string("message", m.text);
    } else if (name == "pong") {
        m.kind = HostMessage::Kind::Pong;
        ok = reader.integer("seq", m.seq);
    } else if (name == "dialog") {
        m.kind = HostMessage::Kind::Dialog;
        ok = reader.string("closed", m.text);
    } else {
        error = "unknown event '" + name + "'";
    }
    if (!ok) {
        return std::nullopt;
    }
    return m;
}

std::string serverGubunFor(ServerKind serverKind) {
    switch (serverKind) {
    case ServerKind::Mock:
        return "1";
    case ServerKind::Real:
        return "0";
    case ServerKind::Unknown:
        break;
    }
    return "";
}

ServerKind serverKindFor(const std::string& gubun) {
    if (gubun.empty()) {
        return ServerKind::Unknown;
    }
    return gubun == "1" ? ServerKind::Mock : ServerKind::Real;
}

bool LineBuffer::append(std::string_view bytes) {
    if (m_overflow) {
        return false;
    }
    m_buffer.append(bytes.data(), bytes.size());
    // The line still open at the end, if already too long, will never be read whole.
    const auto lastNewline = m_buffer.rfind('\n');
    const std::size_t openLine = m_buffer.size() - (lastNewline == std::string::npos ? 0 : lastNewline + 1);
    if (openLine > m_maxLine) {
        overflow();
    }
    return !m_overflow;
}

std::optional<std::string> LineBuffer::nextLine() {
    const auto newline = m_overflow ? std::string::npos : m_buffer.find('\n');
    if (newline == std::string::npos) {
        return std::nullopt;
    }
    if (newline > m_maxLine) {
        overflow();
        return std::nullopt;
    }
    std::string line = m_buffer.substr(0, newline);
    m_buffer.erase(0, newline + 1);
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return line;
}

void LineBuffer::overflow() {
    m_overflow = true;
    m_buffer.clear();
    m_buffer.shrink_to_fit();
}

} // namespace kiwoomd::protocol
