// Server-sent events read with fetch, for a daemon that wants its token on every request
// (token_policy "always"): the browser's EventSource cannot send an Authorization header, and a
// token in the query string would land in logs and in the history. FetchEventSource behaves as
// much of EventSource as LiveSource uses (addEventListener, readyState, close), and parses the
// stream as the HTML standard's "event stream interpretation" says.

export const ReadyState = Object.freeze({ CONNECTING: 0, OPEN: 1, CLOSED: 2 });

const DEFAULT_RETRY_MS = 3000;

/**
 * Splits an event stream into events. Feed it decoded text as it arrives; it calls
 * onEvent({type, data, lastEventId}) for every complete event and onRetry(ms) for a `retry:`
 * field. Lines end with CRLF, LF or CR; a line starting with ':' is a comment.
 */
export class EventStreamParser {
    #buffer = '';
    #type = '';
    #data = [];
    #lastEventId = '';
    #onEvent;
    #onRetry;
    #pendingCr = false;

    constructor({ onEvent, onRetry = () => {} }) {
        this.#onEvent = onEvent;
        this.#onRetry = onRetry;
    }

    get lastEventId() {
        return this.#lastEventId;
    }

    push(text) {
        let chunk = text;
        if (this.#pendingCr && chunk.startsWith('\n')) {
            // The LF of a CRLF split across two chunks: the CR already ended the line.
            chunk = chunk.slice(1);
        }
        this.#pendingCr = chunk.endsWith('\r');
        this.#buffer += chunk;
        const lines = this.#buffer.split(/\r\n|\r|\n/u);
        this.#buffer = lines.pop();
        for (const line of lines) {
            this.#line(line);
        }
    }

    #line(line) {
        if (line === '') {
            this.#dispatch();
            return;
        }
        if (line.startsWith(':')) {
            return;
        }
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) {
            value = value.slice(1);
        }
        switch (field) {
            case 'event':
                this.#type = value;
                break;
            case 'data':
                this.#data.push(value);
                break;
            case 'id':
                if (!value.includes('\0')) {
                    this.#lastEventId = value;
                }
                break;
            case 'retry':
                if (/^\d+$/u.test(value)) {
                    this.#onRetry(Number(value));
                }
                break;
            default:
                break;
        }
    }

    #dispatch() {
        const type = this.#type || 'message';
        const data = this.#data;
        this.#type = '';
        this.#data = [];
        if (data.length > 0) {
            this.#onEvent({ type, data: data.join('\n'), lastEventId: this.#lastEventId });
        }
    }
}

/**
 * An event stream over fetch, with the given token as `Authorization: Bearer`. Like EventSource:
 * an answer other than 200 text/event-stream closes it for good (readyState CLOSED, then
 * `error`); a broken or ended stream fires `error` in CONNECTING and connects again after the
 * server's `retry:` delay, sending Last-Event-ID.
 */
export class FetchEventSource {
    #url;
    #token;
    #fetchImpl;
    #setTimer;
    #clearTimer;
    #listeners = new Map();
    #abort = null;
    #timer = null;
    #retryMs = DEFAULT_RETRY_MS;
    #lastEventId = '';

    constructor(
        url,
        {
            token,
            fetchImpl = globalThis.fetch?.bind(globalThis),
            setTimer = globalThis.setTimeout.bind(globalThis),
            clearTimer = globalThis.clearTimeout.bind(globalThis),
        } = {},
    ) {
        this.#url = url;
        this.#token = token;
        this.#fetchImpl = fetchImpl;
        this.#setTimer = setTimer;
        this.#clearTimer = clearTimer;
        this.readyState = ReadyState.CONNECTING;
        this.#connect();
    }

    addEventListener(type, listener) {
        if (!this.#listeners.has(type)) {
            this.#listeners.set(type, new Set());
        }
        this.#listeners.get(type).add(listener);
    }

    removeEventListener(type, listener) {
        this.#listeners.get(type)?.delete(listener);
    }

    close() {
        this.readyState = ReadyState.CLOSED;
        this.#clearTimer(this.#timer);
        this.#timer = null;
        this.#abort?.abort();
        this.#abort = null;
    }

    #emit(type, event = {}) {
        for (const listener of [...(this.#listeners.get(type) ?? [])]) {
            listener({ type, ...event });
        }
    }

    async #connect() {
        const abort = new AbortController();
        this.#abort = abort;
        const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${this.#token}` };
        if (this.#lastEventId) {
            headers['Last-Event-ID'] = this.#lastEventId;
        }
        let response;
        try {
            response = await this.#fetchImpl(this.#url, { headers, cache: 'no-store', signal: abort.signal });
        } catch {
            this.#reconnectLater(abort);
            return;
        }
        if (abort.signal.aborted) {
            return;
        }
        const type = response.headers.get('Content-Type') ?? '';
        if (response.status !== 200 || !type.startsWith('text/event-stream') || !response.body) {
            response.body?.cancel?.().catch(() => {});
            this.#abort = null;
            this.readyState = ReadyState.CLOSED;
            this.#emit('error');
            return;
        }
        this.readyState = ReadyState.OPEN;
        this.#emit('open');
        const parser = new EventStreamParser({
            onEvent: (event) => {
                this.#lastEventId = event.lastEventId;
                if (!abort.signal.aborted) {
                    this.#emit(event.type, { data: event.data, lastEventId: event.lastEventId });
                }
            },
            onRetry: (ms) => {
                this.#retryMs = ms;
            },
        });
        const decoder = new TextDecoder();
        try {
            const reader = response.body.getReader();
            for (;;) {
                const { done, value } = await reader.read();
                if (done) {
                    break;
                }
                parser.push(decoder.decode(value, { stream: true }));
            }
        } catch {
            // A dropped connection, or close(): the same as the end of the stream below.
        }
        this.#reconnectLater(abort);
    }

    #reconnectLater(abort) {
        if (abort.signal.aborted || this.readyState === ReadyState.CLOSED) {
            return;
        }
        this.readyState = ReadyState.CONNECTING;
        this.#emit('error');
        if (this.readyState !== ReadyState.CONNECTING) {
            return; // a listener closed it
        }
        this.#timer = this.#setTimer(() => {
            this.#timer = null;
            if (this.readyState === ReadyState.CONNECTING) {
                this.#connect();
            }
        }, this.#retryMs);
    }
}
