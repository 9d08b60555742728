#include "kiwoomd/core/PollQueue.h"

#include "kiwoomd/core/TrPage.h"

#include <algorithm>
#include <utility>

namespace kiwoomd {

void PollQueue::addFirstPage(const PollRequest& request, int priority) {
    const auto position = std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry& queued) {
        return queued.request.prevNext == prev_next::kFirstPage && queued.priority > priority;
    });
    m_entries.insert(position, Entry{request, priority});
}

void PollQueue::add(const PollRequest& request, int priority) {
    if (request.prevNext == prev_next::kNextPage) {
        addToFront(request);
    } else {
        addFirstPage(request, priority);
    }
}

void PollQueue::addToFront(const PollRequest& request) {
    // The priority of a front entry never matters: first pages are only compared among themselves
    // by where they stand, and a front entry stays ahead of every first page added later.
    m_entries.push_front(Entry{request, 0});
}

std::optional<PollRequest> PollQueue::takeNext() {
    if (m_entries.empty()) {
        return std::nullopt;
    }
    const PollRequest next = m_entries.front().request;
    m_entries.pop_front();
    return next;
}

void PollQueue::removeFeed(std::size_t feed) {
    m_entries.erase(std::remove_if(m_entries.begin(), m_entries.end(),
                                   [&](const Entry& e) { return e.request.feed == feed; }),
                    m_entries.end());
}

std::vector<std::size_t> PollQueue::dropFirstPages() {
    std::vector<std::size_t> dropped;
    for (const Entry& e : m_entries) {
        if (e.request.prevNext == prev_next::kFirstPage) {
            dropped.push_back(e.request.feed);
        }
    }
    m_entries.erase(
        std::remove_if(m_entries.begin(), m_entries.end(),
                       [](const Entry& e) { return e.request.prevNext == prev_next::kFirstPage; }),
        m_entries.end());
    return dropped;
}

std::vector<PollRequest> PollQueue::pending() const {
    std::vector<PollRequest> out;
    out.reserve(m_entries.size());
    for (const Entry& e : m_entries) {
        out.push_back(e.request);
    }
    return out;
}

void InFlightRequest::start(const PollRequest& request, std::string rqName) {
    m_current = Current{request, std::move(rqName), false};
}

std::optional<PollRequest> InFlightRequest::request() const {
    if (!m_current) {
        return std::nullopt;
    }
    return m_current->request;
}

std::optional<PollRequest> InFlightRequest::awaitingResult(const std::string& rqName) const {
    if (!m_current || m_current->accepted) {
        return std::nullopt;
    }
    return named(rqName);
}

void InFlightRequest::accept() {
    if (m_current) {
        m_current->accepted = true;
    }
}

std::optional<PollRequest> InFlightRequest::named(const std::string& rqName) const {
    if (!m_current || m_current->rqName != rqName) {
        return std::nullopt;
    }
    return m_current->request;
}

std::optional<PollRequest> retryAfterTimeout(const PollRequest& request, int maxAttempts) {
    if (request.attempt >= maxAttempts) {
        return std::nullopt;
    }
    return PollRequest{request.feed, prev_next::kFirstPage, request.attempt + 1};
}

} // namespace kiwoomd
