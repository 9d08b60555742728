// A minimal server-sent-events client for the test itself: it listens to the daemon's
// /api/stream next to the browser, to know when each snapshot was published.

import http from 'node:http';

/**
 * Parses a text/event-stream into events ({event, id, data}), following the WHATWG rules the
 * daemon relies on: fields up to a blank line, `data` lines joined by "\n", comments ignored.
 */
export class EventStreamParser {
    #buffer = '';
    #event = { event: 'message', id: null, data: [] };

    /** Feeds a chunk of text; returns the events it completed. */
    push(text) {
        this.#buffer += text;
        const events = [];
        let newline;
        while ((newline = this.#buffer.search(/\r\n|\r|\n/)) >= 0) {
            const line = this.#buffer.slice(0, newline);
            const length = this.#buffer[newline] === '\r' && this.#buffer[newline + 1] === '\n' ? 2 : 1;
            this.#buffer = this.#buffer.slice(newline + length);
            if (line === '') {
                if (this.#event.data.length > 0) {
                    events.push({ event: this.#event.event, id: this.#event.id, data: this.#event.data.join('\n') });
                }
                this.#event = { event: 'message', id: this.#event.id, data: [] };
                continue;
            }
            if (line.startsWith(':')) {
                continue;
            }
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'event') {
                this.#event.event = value;
            } else if (field === 'data') {
                this.#event.data.push(value);
            } else if (field === 'id') {
                this.#event.id = value;
            }
        }
        return events;
    }
}

/**
 * Subscribes to `${baseUrl}/api/stream`. Every event is kept with its arrival time
 * (`at`, Date.now()) and its parsed JSON (`body`). `next(predicate, timeoutMs)` waits for the
 * first event after the call (or already seen, with `includeSeen`) that matches.
 */
export class StreamListener {
    events = [];
    #waiters = new Set();
    #request;
    status = null;

    static open(baseUrl) {
        const listener = new StreamListener();
        return new Promise((resolve, reject) => {
            const parser = new EventStreamParser();
            listener.#request = http.get(
                `${baseUrl}/api/stream`,
                { headers: { Accept: 'text/event-stream' } },
                (response) => {
                    listener.status = response.statusCode;
                    listener.contentType = response.headers['content-type'] ?? '';
                    if (response.statusCode !== 200) {
                        response.resume();
                        reject(new Error(`GET /api/stream answered ${response.statusCode} (${listener.contentType})`));
                        return;
                    }
                    response.setEncoding('utf8');
                    response.on('data', (chunk) => {
                        const at = Date.now();
                        for (const event of parser.push(chunk)) {
                            let body = null;
                            try {
                                body = JSON.parse(event.data);
                            } catch {
                                // kept with body null; the test decides whether that matters
                            }
                            const entry = { ...event, body, at };
                            listener.events.push(entry);
                            for (const waiter of listener.#waiters) {
                                waiter(entry);
                            }
                        }
                    });
                    resolve(listener);
                },
            );
            listener.#request.on('error', reject);
        });
    }

    next(predicate, timeoutMs, { includeSeen = false } = {}) {
        if (includeSeen) {
            const seen = this.events.find(predicate);
            if (seen) {
                return Promise.resolve(seen);
            }
        }
        return new Promise((resolve, reject) => {
            const waiter = (entry) => {
                if (predicate(entry)) {
                    clearTimeout(timer);
                    this.#waiters.delete(waiter);
                    resolve(entry);
                }
            };
            const timer = setTimeout(() => {
                this.#waiters.delete(waiter);
                reject(new Error(`no matching stream event within ${timeoutMs} ms`));
            }, timeoutMs);
            this.#waiters.add(waiter);
        });
    }

    close() {
        this.#request?.destroy();
    }
}
