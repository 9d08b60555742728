#pragma once
// Writes GET /api/stream to its subscribers from one thread (the transport runs one per core). A connection
// whose request was a stream is handed over here once its response head is sent: its socket turns
// non-blocking, the HTTP worker thread goes back to the pool, and this thread writes the chunks the
// EventStreamHub queues for it. A client that stops reading is dropped, either by the hub (too
// much waiting) or here (no progress for the write timeout); a client that hangs up is noticed by
// polling for input. Nothing here waits on one client.
// Thread: owns one thread; adopt() and stop() from any thread.

#include "SocketIo.h"

#include "kiwoomd/http/EventStreamHub.h"
#include "kiwoomd/http/TransportStats.h"

#include <atomic>
#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace kiwoomd::http {

class StreamWriter {
public:
    // `ticksHub`: this writer drives the hub's heartbeats (EventStreamHub::tick) once a second;
    // the hub serves every subscriber from one tick, so one writer of several does it.
    StreamWriter(EventStreamHub& hub, std::chrono::milliseconds stallTimeout, TransportStats& stats,
                 bool ticksHub);
    ~StreamWriter();
    StreamWriter(const StreamWriter&) = delete;
    StreamWriter& operator=(const StreamWriter&) = delete;

    bool start();
    void stop(); // closes every stream; safe to call twice
    void wake(); // the hub queued something: look at the subscribers again

    // Takes over a connected socket whose response head has been sent.
    void adopt(net::NativeSocket socket, std::shared_ptr<StreamSubscription> subscription);

private:
    struct Client {
        net::NativeSocket socket;
        std::shared_ptr<StreamSubscription> subscription;
        std::deque<StreamChunk> pending;
        std::size_t offset = 0; // into pending.front()
        std::chrono::steady_clock::time_point waitingSince;
        bool closed = false;
    };
    void run();
    void pump(Client& client, std::chrono::steady_clock::time_point now);
    void close(Client& client);

    EventStreamHub& m_hub;
    const std::chrono::milliseconds m_stallTimeout;
    TransportStats& m_stats;
    const bool m_ticksHub;
    net::Wakeup m_wakeup;
    std::mutex m_mutex;
    std::vector<Client> m_adopted; // handed over, not yet picked up by the thread
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace kiwoomd::http
