#include "ElasticThreadPool.h"

#include "SocketIo.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace kiwoomd::http {
namespace {

// glibc keeps what a burst of connections freed (request buffers, event-stream chunks formatted on
// the workers' own arenas) mapped and resident; trimming hands the free pages back. Elsewhere the
// allocator returns memory by itself or offers no such call.
void returnFreeMemory() {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

} // namespace

ElasticThreadPool::ElasticThreadPool(std::size_t maxThreads, std::chrono::milliseconds idleExit)
    : m_maxThreads(maxThreads > 0 ? maxThreads : 1)
    , m_idleExit(idleExit) {}

ElasticThreadPool::~ElasticThreadPool() {
    shutdown();
}

void ElasticThreadPool::enqueue(std::function<void()> task) {
    std::unique_lock lock(m_mutex);
    reapFinished(lock);
    m_tasks.push_back(std::move(task));
    // Idle threads first; a new thread only when every running one is busy.
    if (m_idle >= m_tasks.size() || m_workers.size() >= m_maxThreads || m_shutdown) {
        m_wake.notify_one();
        return;
    }
    m_workers.emplace_back();
    const auto self = std::prev(m_workers.end());
    self->thread = std::thread([this, self] { work(self); });
}

void ElasticThreadPool::work(std::list<Worker>::iterator self) {
    net::lowerCurrentThreadPriority(); // the event-stream writers go first (SocketIo.h)
    std::unique_lock lock(m_mutex);
    bool idleExit = false;
    for (;;) {
        if (m_tasks.empty()) {
            if (m_shutdown) {
                break;
            }
            ++m_idle;
            const bool woken =
                m_wake.wait_for(lock, m_idleExit, [this] { return !m_tasks.empty() || m_shutdown; });
            --m_idle;
            if (!woken) {
                idleExit = true; // idle too long: give the memory of the stack back
                break;
            }
            continue;
        }
        auto task = std::move(m_tasks.front());
        m_tasks.pop_front();
        lock.unlock();
        task();
        task = nullptr; // whatever the task captured goes before the lock is taken again
        lock.lock();
    }
    // An ended thread keeps its stack mapped (the touched pages stay resident) until it is joined.
    // Joining the threads that ended before this one now, rather than at the next connection,
    // gives that memory back when a burst of connections is over: only the last one waits.
    reapFinished(lock);
    // The last of a wave of idle threads to leave: the load that made them is over.
    const bool trim = idleExit && m_idle == 0 && !m_shutdown;
    self->finished = true;
    if (trim) {
        lock.unlock();
        returnFreeMemory();
    }
}

void ElasticThreadPool::reapFinished(std::unique_lock<std::mutex>& lock) {
    std::list<Worker> finished;
    for (auto it = m_workers.begin(); it != m_workers.end();) {
        const auto next = std::next(it);
        if (it->finished) {
            finished.splice(finished.end(), m_workers, it);
        }
        it = next;
    }
    if (finished.empty()) {
        return;
    }
    lock.unlock();
    for (auto& worker : finished) {
        worker.thread.join(); // it has already left work(); this only collects it
    }
    lock.lock();
}

void ElasticThreadPool::shutdown() {
    std::list<Worker> workers;
    {
        std::lock_guard lock(m_mutex);
        m_shutdown = true;
        workers.swap(m_workers);
    }
    m_wake.notify_all();
    for (auto& worker : workers) {
        if (worker.thread.joinable()) {
            worker.thread.join();
        }
    }
}

} // namespace kiwoomd::http
