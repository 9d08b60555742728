#pragma once
// cpp-httplib's task queue with threads made on demand: a connection is served by a thread of
// its own for its keep-alive life, so the pool grows with the connections (up to maxThreads) and
// shrinks again when threads sit idle. httplib's fixed pool (hardware threads - 1, at least 8)
// would leave the ninth keep-alive client waiting for someone else to hang up.
// Thread-safe: httplib's accept thread enqueues; workers run the tasks.

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <list>
#include <mutex>
#include <thread>

namespace kiwoomd::http {

class ElasticThreadPool final : public httplib::TaskQueue {
public:
    ElasticThreadPool(std::size_t maxThreads, std::chrono::milliseconds idleExit);
    ~ElasticThreadPool() override;

    // Runs the task on an idle thread, a new one while under maxThreads, or queues it.
    void enqueue(std::function<void()> task) override;
    // Runs what is queued, then joins every thread.
    void shutdown() override;

private:
    struct Worker {
        std::thread thread;
        bool finished = false;
    };
    void work(std::list<Worker>::iterator self);
    void reapFinished(std::unique_lock<std::mutex>& lock);

    const std::size_t m_maxThreads;
    const std::chrono::milliseconds m_idleExit;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_tasks;
    std::list<Worker> m_workers;
    std::size_t m_idle = 0;
    bool m_shutdown = false;
};

} // namespace kiwoomd::http
