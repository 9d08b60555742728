#pragma once
// The order in which the session sends its page requests, one at a time. A ranking already under
// way finishes before another begins: its next page (and a request sent again after a throttle or
// a timeout) goes to the front. First pages wait by feed priority (lower first), first come first
// served within a priority.
// Thread: not thread-safe; owned by the session on its thread.

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace kiwoomd {

struct PollRequest {
    std::size_t feed = 0; // the feed's index in the session's list
    int prevNext = 0;     // prev_next::kFirstPage or prev_next::kNextPage
    int attempt = 1;      // 2 for the one repeat after a timeout
};

// The request to send again after `request` timed out, while attempts remain (`maxAttempts` in
// all): always a first page, since a continuation lives on the screen it started on and a timeout
// swaps the screen. None when this was the last attempt.
std::optional<PollRequest> retryAfterTimeout(const PollRequest& request, int maxAttempts);

// The one request sent and not yet answered, and which of the source's events are about it: an
// event names the request by its request name, so an answer to a request that timed out or was
// dropped (a name no longer in flight) is ignored.
class InFlightRequest {
public:
    void start(const PollRequest& request, std::string rqName);
    void clear() { m_current.reset(); }
    bool active() const { return m_current.has_value(); }
    // The request in flight, if any.
    std::optional<PollRequest> request() const;

    // The request that a send result for `rqName` is about: the one in flight, until it is accepted.
    std::optional<PollRequest> awaitingResult(const std::string& rqName) const;
    // The control took the request (its send result was 0); an answer or a refusal follows.
    void accept();
    // The request a server message or a page for `rqName` is about, accepted or not.
    std::optional<PollRequest> named(const std::string& rqName) const;

private:
    struct Current {
        PollRequest request;
        std::string rqName;
        bool accepted = false;
    };
    std::optional<Current> m_current;
};

class PollQueue {
public:
    // A first page waits behind every queued request of the same or a higher priority (a lower
    // or equal number) and ahead of those of a lower priority.
    void addFirstPage(const PollRequest& request, int priority);
    // At the front: the next page of the ranking being read, or a request sent again as it was.
    void addToFront(const PollRequest& request);
    // A new request: a next page at the front (a started ranking finishes before another begins),
    // a first page by `priority`.
    void add(const PollRequest& request, int priority);

    bool empty() const { return m_entries.empty(); }
    std::size_t size() const { return m_entries.size(); }
    // The request to send next, removed from the queue; none when the queue is empty.
    std::optional<PollRequest> takeNext();

    // Drops every request of one feed (its poll failed).
    void removeFeed(std::size_t feed);
    // Drops the first pages not yet sent, keeping the continuations (polling paused); returns the
    // feeds whose first page was dropped, in queue order.
    std::vector<std::size_t> dropFirstPages();
    // Drops everything (the connection ended, or the feed list changed).
    void clear() { m_entries.clear(); }

    // The queued requests in sending order.
    std::vector<PollRequest> pending() const;

private:
    struct Entry {
        PollRequest request;
        int priority = 0;
    };
    std::deque<Entry> m_entries;
};

} // namespace kiwoomd
