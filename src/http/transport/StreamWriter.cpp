#include "StreamWriter.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace kiwoomd::http {
namespace {

using SteadyClock = std::chrono::steady_clock;
constexpr std::chrono::milliseconds kTickInterval{1000}; // heartbeats and stall checks

} // namespace

StreamWriter::StreamWriter(EventStreamHub& hub, std::chrono::milliseconds stallTimeout, TransportStats& stats,
                           bool ticksHub)
    : m_hub(hub)
    , m_stallTimeout(stallTimeout)
    , m_stats(stats)
    , m_ticksHub(ticksHub) {}

StreamWriter::~StreamWriter() {
    stop();
}

bool StreamWriter::start() {
    if (!m_wakeup.valid()) {
        return false;
    }
    m_thread = std::thread([this] { run(); });
    return true;
}

void StreamWriter::wake() {
    m_wakeup.signal();
}

void StreamWriter::stop() {
    m_stop = true;
    if (m_thread.joinable()) {
        m_wakeup.signal();
        m_thread.join();
    }
    std::lock_guard lock(m_mutex);
    for (auto& client : m_adopted) {
        net::closeSocket(client.socket); // handed over while stopping
    }
    m_adopted.clear();
}

void StreamWriter::adopt(net::NativeSocket socket, std::shared_ptr<StreamSubscription> subscription) {
    net::setNonBlocking(socket, true);
    {
        std::lock_guard lock(m_mutex);
        m_adopted.push_back(Client{socket, std::move(subscription), {}, 0, SteadyClock::now(), false});
    }
    ++m_stats.streamConnections;
    m_wakeup.signal();
}

void StreamWriter::close(Client& client) {
    if (!client.closed) {
        client.closed = true;
        net::closeSocket(client.socket);
        client.subscription.reset(); // unsubscribes
        client.pending.clear();
        --m_stats.streamConnections;
    }
}

void StreamWriter::pump(Client& client, SteadyClock::time_point now) {
    if (client.subscription->ended()) {
        close(client); // fell too far behind, or the daemon is stopping
        return;
    }
    if (client.pending.empty()) {
        client.subscription->takeInto(client.pending);
        client.offset = 0;
        client.waitingSince = now;
    }
    while (!client.pending.empty()) {
        const std::string& chunk = *client.pending.front();
        std::size_t sent = 0;
        const auto status =
            net::sendSome(client.socket, chunk.data() + client.offset, chunk.size() - client.offset, sent);
        if (status == net::SendStatus::Failed) {
            close(client);
            return;
        }
        if (status == net::SendStatus::WouldBlock) {
            break;
        }
        client.offset += sent;
        client.waitingSince = now;
        if (client.offset < chunk.size()) {
            break; // the socket's buffer is full
        }
        client.pending.pop_front();
        client.offset = 0;
        if (client.pending.empty()) {
            client.subscription->takeInto(client.pending);
        }
    }
    if (!client.pending.empty() && now - client.waitingSince > m_stallTimeout) {
        ++m_stats.streamsClosedStalled;
        spdlog::info("dropped an event-stream client that stopped reading");
        close(client);
    }
}

void StreamWriter::run() {
    std::vector<Client> clients;
    std::vector<net::PollItem> items;
    auto nextTick = SteadyClock::now() + kTickInterval;
    while (!m_stop) {
        {
            std::lock_guard lock(m_mutex);
            for (auto& client : m_adopted) {
                clients.push_back(std::move(client));
            }
            m_adopted.clear();
        }
        const auto now = SteadyClock::now();
        for (auto& client : clients) {
            if (!client.closed) {
                pump(client, now);
            }
        }
        clients.erase(
            std::remove_if(clients.begin(), clients.end(), [](const Client& c) { return c.closed; }),
            clients.end());

        items.clear();
        items.push_back(net::PollItem{m_wakeup.handle(), true, false});
        for (const auto& client : clients) {
            // Always watch for input: a client never sends anything, so readable means it hung up.
            items.push_back(net::PollItem{client.socket, true, !client.pending.empty()});
        }
        const auto untilTick = std::chrono::duration_cast<std::chrono::milliseconds>(nextTick - now);
        if (!net::pollSockets(items, std::max(untilTick, std::chrono::milliseconds(0)))) {
            spdlog::error("event-stream writer: poll failed; retrying");
        }
        if (items[0].readable) {
            m_wakeup.drain();
        }
        for (std::size_t i = 1; i < items.size(); ++i) {
            if ((items[i].readable || items[i].failed) && !net::drainIncoming(clients[i - 1].socket)) {
                close(clients[i - 1]);
            }
        }
        if (m_ticksHub && SteadyClock::now() >= nextTick) {
            m_hub.tick();
            nextTick = SteadyClock::now() + kTickInterval;
        }
    }
    for (auto& client : clients) {
        close(client);
    }
}

} // namespace kiwoomd::http
