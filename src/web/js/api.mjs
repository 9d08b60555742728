// Talking to kiwoomd: JSON requests with ETags, and the live stream with its polling fallback.
//
// The page prefers `GET /api/stream` (server-sent events): the daemon pushes every feed's
// ranking as soon as a snapshot is published, and the `status` whenever the connection, the
// server kind or the market session changes. When the stream cannot be had (the daemon refuses
// it with 503 beyond its subscriber cap, or an older daemon has no such endpoint), the page polls
// the selected feed with `If-None-Match`, which costs a 304 without a body while nothing changed,
// and tries the stream again from time to time. URLs are relative, so the page also works behind
// a reverse proxy that mounts the daemon under a path.
//
// With a token (token_policy "always", docs/security.md), every request carries it as
// `Authorization: Bearer`, and the stream is read with fetch (stream.mjs), since EventSource
// cannot send that header.

import { Transport } from './freshness.mjs';
import { FetchEventSource } from './stream.mjs';

/** An error answer of the API: `{"error": {"code", "message"}}` with its HTTP status. */
export class ApiError extends Error {
    constructor(status, code, message) {
        super(message || `HTTP ${status}`);
        this.name = 'ApiError';
        this.status = status;
        this.code = code ?? null;
    }
}

/**
 * GET a JSON resource. With `etag`, asks `If-None-Match` and resolves `{notModified: true}` on
 * 304; otherwise `{notModified: false, etag, body}`. With `token`, sends it as
 * `Authorization: Bearer`. Rejects with ApiError on an error status and with the fetch's
 * TypeError when the daemon cannot be reached.
 */
export async function fetchJson(url, { etag = null, token = null, fetchImpl = globalThis.fetch } = {}) {
    const headers = { Accept: 'application/json' };
    if (etag) {
        headers['If-None-Match'] = etag;
    }
    if (token) {
        headers.Authorization = `Bearer ${token}`;
    }
    // no-store: the API says so too, and a manual If-None-Match must reach the daemon.
    const response = await fetchImpl(url, { headers, cache: 'no-store' });
    if (response.status === 304) {
        return { notModified: true, etag };
    }
    const body = await response.json().catch(() => null);
    if (!response.ok) {
        throw new ApiError(response.status, body?.error?.code, body?.error?.message);
    }
    return { notModified: false, etag: response.headers.get('ETag'), body };
}

export const STREAM_URL = 'api/stream';
export const FEEDS_URL = 'api/feeds';
export const STATUS_URL = 'api/status';
export const rankingUrl = (feedId) => `api/volume-ranking?feed=${encodeURIComponent(feedId)}`;

const EVENT_SOURCE_CLOSED = 2;

/**
 * Keeps the page supplied with status and rankings, by stream or by polling.
 *
 *   onStatus(status)              the body of /api/status (or of a stream `status` event)
 *   onSnapshot(feedId, ranking)   the body of /api/volume-ranking for a feed
 *   onTransport(transport)        one of Transport, whenever it changes
 *   onProblem(error)              a poll failed (ApiError, or the fetch's TypeError), or null once
 *                                 a poll succeeds again; see problems.mjs
 *   token                         the API token to send, or null (then EventSource is used)
 *
 * Timers, fetch and EventSource can be replaced, for tests.
 */
export class LiveSource {
    #options;
    #feedIds = [];
    #selected = null;
    #stream = null;
    #streamRetryTimer = null;
    #polling = false;
    #pollTimer = null;
    #pollInFlight = false;
    #pollAgain = false;
    #lastStatusPoll = Number.NEGATIVE_INFINITY;
    #etags = new Map();
    #transport = Transport.CONNECTING;
    #stopped = false;

    constructor({
        onStatus,
        onSnapshot,
        onTransport,
        onProblem,
        token = null,
        pollMs = 1000,
        hiddenPollMs = 5000,
        statusPollMs = 2000,
        streamRetryMs = 30000,
        isHidden = () => globalThis.document?.hidden === true,
        EventSourceImpl = globalThis.EventSource,
        fetchImpl = globalThis.fetch?.bind(globalThis),
        now = () => Date.now(),
        setTimer = globalThis.setTimeout.bind(globalThis),
        clearTimer = globalThis.clearTimeout.bind(globalThis),
    }) {
        this.#options = {
            onStatus,
            onSnapshot,
            onTransport,
            onProblem,
            token,
            pollMs,
            hiddenPollMs,
            statusPollMs,
            streamRetryMs,
            isHidden,
            EventSourceImpl,
            fetchImpl,
            now,
            setTimer,
            clearTimer,
        };
    }

    /** Starts receiving the given feeds; `selected` is the one polled when the stream is down. */
    start(feedIds, selected) {
        this.#feedIds = [...feedIds];
        this.#selected = selected;
        this.#stopped = false;
        if (this.#options.token || this.#options.EventSourceImpl) {
            this.#openStream();
        } else {
            this.#startPolling();
        }
    }

    /** The feed list changed (config reload): listen to the new one from a fresh stream. */
    setFeeds(feedIds, selected) {
        this.#feedIds = [...feedIds];
        this.#selected = selected;
        if (this.#stream) {
            this.#closeStream();
            this.#openStream();
        }
        if (this.#polling) {
            this.#pollSoon();
        }
    }

    /** The user switched feeds; while polling, fetch the new one at once. */
    select(feedId) {
        this.#selected = feedId;
        if (this.#polling) {
            this.#pollSoon();
        }
    }

    stop() {
        this.#stopped = true;
        this.#closeStream();
        this.#stopPolling();
        this.#options.clearTimer(this.#streamRetryTimer);
        this.#streamRetryTimer = null;
    }

    #setTransport(transport) {
        if (transport !== this.#transport && !this.#stopped) {
            this.#transport = transport;
            this.#options.onTransport?.(transport);
        }
    }

    #openStream() {
        const { token, fetchImpl, setTimer, clearTimer } = this.#options;
        const stream = token
            ? new FetchEventSource(STREAM_URL, { token, fetchImpl, setTimer, clearTimer })
            : new this.#options.EventSourceImpl(STREAM_URL);
        this.#stream = stream;
        const current = () => stream === this.#stream;
        stream.addEventListener('open', () => {
            if (current()) {
                this.#stopPolling();
                this.#setTransport(Transport.STREAM);
            }
        });
        stream.addEventListener('status', (event) => {
            if (current()) {
                this.#deliver(event.data, (body) => this.#options.onStatus?.(body));
            }
        });
        for (const feedId of this.#feedIds) {
            stream.addEventListener(feedId, (event) => {
                if (current()) {
                    this.#deliver(event.data, (body) => this.#options.onSnapshot?.(feedId, body));
                }
            });
        }
        stream.addEventListener('error', () => {
            if (!current()) {
                return;
            }
            // CONNECTING: the browser retries by itself (the daemon's `retry: 3000`), e.g. after
            // a restart of the daemon. CLOSED: refused for good (503 beyond the subscriber cap,
            // 404 from a daemon without the stream); try a new stream later.
            if (stream.readyState === EVENT_SOURCE_CLOSED) {
                this.#closeStream();
                this.#streamRetryTimer = this.#options.setTimer(() => {
                    this.#streamRetryTimer = null;
                    if (!this.#stopped && !this.#stream) {
                        this.#openStream();
                    }
                }, this.#options.streamRetryMs);
            }
            this.#startPolling();
        });
    }

    #closeStream() {
        this.#stream?.close();
        this.#stream = null;
    }

    #deliver(text, handler) {
        let body;
        try {
            body = JSON.parse(text);
        } catch {
            console.warn('kiwoomd: ignored an unreadable stream event');
            return;
        }
        handler(body);
    }

    #startPolling() {
        if (this.#polling || this.#stopped) {
            return;
        }
        this.#polling = true;
        this.#lastStatusPoll = Number.NEGATIVE_INFINITY;
        this.#pollSoon();
    }

    #stopPolling() {
        this.#polling = false;
        this.#options.clearTimer(this.#pollTimer);
        this.#pollTimer = null;
    }

    #pollSoon() {
        if (this.#pollInFlight) {
            this.#pollAgain = true;
            return;
        }
        this.#options.clearTimer(this.#pollTimer);
        this.#pollTimer = this.#options.setTimer(() => this.#poll(), 0);
    }

    async #poll() {
        this.#pollTimer = null;
        if (!this.#polling || !this.#selected) {
            return;
        }
        this.#pollInFlight = true;
        const { fetchImpl, now, statusPollMs, token } = this.#options;
        try {
            const feedId = this.#selected;
            const ranking = await fetchJson(rankingUrl(feedId), { etag: this.#etags.get(feedId), token, fetchImpl });
            if (!ranking.notModified && this.#polling) {
                this.#etags.set(feedId, ranking.etag);
                this.#options.onSnapshot?.(feedId, ranking.body);
            }
            if (now() - this.#lastStatusPoll >= statusPollMs) {
                this.#lastStatusPoll = now();
                const status = await fetchJson(STATUS_URL, { token, fetchImpl });
                if (this.#polling) {
                    this.#options.onStatus?.(status.body);
                }
            }
            if (this.#polling) {
                this.#setTransport(Transport.POLLING);
                this.#options.onProblem?.(null);
            }
        } catch (error) {
            if (this.#polling) {
                this.#options.onProblem?.(error);
                // An unknown feed (a reload removed it) is the caller's business; anything else
                // means the daemon is not answering.
                this.#setTransport(error instanceof ApiError ? Transport.POLLING : Transport.OFFLINE);
            }
        } finally {
            this.#pollInFlight = false;
            if (this.#polling) {
                const delay = this.#pollAgain
                    ? 0
                    : this.#options.isHidden()
                      ? this.#options.hiddenPollMs
                      : this.#options.pollMs;
                this.#pollAgain = false;
                this.#pollTimer = this.#options.setTimer(() => this.#poll(), delay);
            }
        }
    }
}
