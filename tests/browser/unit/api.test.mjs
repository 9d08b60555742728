// The stream and its polling fallback (src/web/js/api.mjs), with a fake EventSource, a fake
// fetch and a manual clock: no sockets, no sleeping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, LiveSource, fetchJson } from '../../../src/web/js/api.mjs';
import { Transport } from '../../../src/web/js/freshness.mjs';

class FakeEventSource {
    static instances = [];
    constructor(url) {
        this.url = url;
        this.readyState = 0;
        this.listeners = new Map();
        this.closed = false;
        FakeEventSource.instances.push(this);
    }
    addEventListener(type, listener) {
        this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
    }
    close() {
        this.readyState = 2;
        this.closed = true;
    }
    emit(type, data) {
        for (const listener of this.listeners.get(type) ?? []) {
            listener({ type, data: typeof data === 'string' ? data : JSON.stringify(data) });
        }
    }
    open() {
        this.readyState = 1;
        this.emit('open');
    }
    fail(readyState) {
        this.readyState = readyState;
        this.emit('error');
    }
}

class ManualClock {
    constructor() {
        this.now = 0;
        this.timers = new Map();
        this.nextId = 1;
    }
    set = (fn, ms) => {
        const id = this.nextId++;
        this.timers.set(id, { fn, at: this.now + ms });
        return id;
    };
    clear = (id) => {
        this.timers.delete(id);
    };
    /** Moves time on, running due timers and letting their promises settle. */
    async advance(ms) {
        const end = this.now + ms;
        for (;;) {
            await settle();
            const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
            if (!due) {
                break;
            }
            this.timers.delete(due[0]);
            this.now = Math.max(this.now, due[1].at);
            due[1].fn();
        }
        this.now = end;
        await settle();
    }
}

async function settle() {
    for (let i = 0; i < 10; i++) {
        await new Promise((resolve) => setImmediate(resolve));
    }
}

function response(status, body, headers = {}) {
    return {
        status,
        ok: status >= 200 && status < 300,
        headers: { get: (name) => headers[name.toLowerCase()] ?? null },
        json: async () => (body === undefined ? Promise.reject(new Error('no body')) : body),
    };
}

function setup({ fetchImpl } = {}) {
    FakeEventSource.instances = [];
    const clock = new ManualClock();
    const seen = { statuses: [], snapshots: [], transports: [] };
    const source = new LiveSource({
        onStatus: (s) => seen.statuses.push(s),
        onSnapshot: (feed, body) => seen.snapshots.push([feed, body.version]),
        onTransport: (t) => seen.transports.push(t),
        EventSourceImpl: FakeEventSource,
        fetchImpl,
        now: () => clock.now,
        setTimer: clock.set,
        clearTimer: clock.clear,
        isHidden: () => false,
    });
    return { source, clock, seen };
}

test('the stream delivers the status and the rankings of the listened feeds', async () => {
    const { source, seen } = setup();
    source.start(['kospi', 'kosdaq'], 'kospi');
    const stream = FakeEventSource.instances[0];
    assert.equal(stream.url, 'api/stream');
    stream.open();
    stream.emit('status', { connection: 'connected' });
    stream.emit('kospi', { version: 7 });
    stream.emit('kosdaq', { version: 8 });
    stream.emit('other', { version: 9 });
    stream.emit('kospi', 'not json');
    assert.deepEqual(seen.transports, [Transport.STREAM]);
    assert.deepEqual(seen.statuses, [{ connection: 'connected' }]);
    assert.deepEqual(seen.snapshots, [
        ['kospi', 7],
        ['kosdaq', 8],
    ]);
    source.stop();
});

test('a refused stream falls back to polling with If-None-Match, and the stream is tried again later', async () => {
    const requests = [];
    const fetchImpl = async (url, init) => {
        requests.push([url, init.headers['If-None-Match'] ?? null]);
        if (url.startsWith('api/volume-ranking')) {
            return init.headers['If-None-Match'] === '"v1"'
                ? response(304)
                : response(200, { version: 1 }, { etag: '"v1"' });
        }
        return response(200, { connection: 'connected' });
    };
    const { source, clock, seen } = setup({ fetchImpl });
    source.start(['kospi'], 'kospi');
    FakeEventSource.instances[0].fail(2); // 503 too_many_subscribers: EventSource gives up
    await clock.advance(0);
    assert.deepEqual(requests.slice(0, 2), [
        ['api/volume-ranking?feed=kospi', null],
        ['api/status', null],
    ]);
    assert.deepEqual(seen.snapshots, [['kospi', 1]]);
    assert.deepEqual(seen.transports, [Transport.POLLING]);

    await clock.advance(1000);
    assert.deepEqual(requests[2], ['api/volume-ranking?feed=kospi', '"v1"']);
    assert.equal(seen.snapshots.length, 1, 'a 304 delivers nothing');

    await clock.advance(29000);
    assert.equal(FakeEventSource.instances.length, 2, 'the stream is retried');
    FakeEventSource.instances[1].open();
    assert.equal(seen.transports.at(-1), Transport.STREAM);
    const count = requests.length;
    await clock.advance(5000);
    assert.equal(requests.length, count, 'polling stops once the stream is back');
    source.stop();
});

test('while the browser reconnects the stream by itself, polling fills in', async () => {
    const fetchImpl = async (url) => (url.startsWith('api/status') ? response(200, {}) : response(200, { version: 4 }));
    const { source, clock, seen } = setup({ fetchImpl });
    source.start(['kospi'], 'kospi');
    const stream = FakeEventSource.instances[0];
    stream.open();
    stream.fail(0); // CONNECTING: the EventSource retries on its own
    await clock.advance(0);
    assert.deepEqual(seen.snapshots, [['kospi', 4]]);
    assert.equal(FakeEventSource.instances.length, 1, 'no second stream while the first retries');
    stream.open();
    assert.equal(seen.transports.at(-1), Transport.STREAM);
    source.stop();
});

test('a daemon that does not answer makes the transport offline', async () => {
    const fetchImpl = async () => {
        throw new TypeError('Failed to fetch');
    };
    const { source, clock, seen } = setup({ fetchImpl });
    source.start(['kospi'], 'kospi');
    FakeEventSource.instances[0].fail(0);
    await clock.advance(0);
    assert.deepEqual(seen.transports, [Transport.OFFLINE]);
    source.stop();
});

test('switching feeds while polling fetches the new feed at once', async () => {
    const urls = [];
    const fetchImpl = async (url) => {
        urls.push(url);
        return response(200, { version: 1 });
    };
    const { source, clock } = setup({ fetchImpl });
    source.start(['kospi', 'kosdaq'], 'kospi');
    FakeEventSource.instances[0].fail(2);
    await clock.advance(0);
    source.select('kosdaq');
    await clock.advance(0);
    assert.equal(urls.filter((u) => u.startsWith('api/volume-ranking')).at(-1), 'api/volume-ranking?feed=kosdaq');
    source.stop();
});

test('a new feed list opens a new stream listening to it', () => {
    const { source } = setup();
    source.start(['kospi'], 'kospi');
    FakeEventSource.instances[0].open();
    source.setFeeds(['kospi', 'konex'], 'kospi');
    assert.equal(FakeEventSource.instances[0].closed, true);
    assert.ok(FakeEventSource.instances[1].listeners.has('konex'));
    source.stop();
});

test('fetchJson reads 304, ETags and error bodies', async () => {
    const notModified = await fetchJson('x', { etag: '"a"', fetchImpl: async () => response(304) });
    assert.deepEqual(notModified, { notModified: true, etag: '"a"' });
    const ok = await fetchJson('x', { fetchImpl: async () => response(200, { a: 1 }, { etag: '"b"' }) });
    assert.deepEqual(ok, { notModified: false, etag: '"b"', body: { a: 1 } });
    await assert.rejects(
        fetchJson('x', {
            fetchImpl: async () => response(404, { error: { code: 'unknown_feed', message: 'no feed' } }),
        }),
        (error) => error instanceof ApiError && error.status === 404 && error.code === 'unknown_feed',
    );
});

test('with a token, the stream is read with fetch and every request carries the token', async () => {
    const requests = [];
    let refuse = true;
    const fetchImpl = async (url, init) => {
        requests.push([url, init.headers.Authorization ?? null]);
        if (url === 'api/stream') {
            // The stream is refused (503), so the page polls; the first poll is refused too.
            return { status: 503, headers: new Headers({ 'Content-Type': 'application/json' }), body: null };
        }
        if (refuse) {
            return response(401, { error: { code: 'unauthorized', message: 'token' } });
        }
        return url.startsWith('api/volume-ranking')
            ? response(200, { version: 2 }, { etag: '"v2"' })
            : response(200, { connection: 'connected' });
    };
    const clock = new ManualClock();
    const problems = [];
    const source = new LiveSource({
        token: 'secret',
        onProblem: (error) => problems.push(error && [error.status, error.code]),
        onSnapshot: () => {},
        onStatus: () => {},
        EventSourceImpl: FakeEventSource,
        fetchImpl,
        now: () => clock.now,
        setTimer: clock.set,
        clearTimer: clock.clear,
        isHidden: () => false,
    });
    FakeEventSource.instances = [];
    source.start(['kospi'], 'kospi');
    await clock.advance(0);
    assert.equal(FakeEventSource.instances.length, 0, 'EventSource cannot send the token; fetch does');
    assert.deepEqual(requests[0], ['api/stream', 'Bearer secret']);
    assert.deepEqual(requests[1], ['api/volume-ranking?feed=kospi', 'Bearer secret']);
    assert.deepEqual(problems, [[401, 'unauthorized']], 'the refusal is reported, not taken for silence');
    refuse = false;
    await clock.advance(1000);
    assert.ok(
        requests.slice(2).every(([, auth]) => auth === 'Bearer secret'),
        'every request carries the token',
    );
    assert.deepEqual(problems.at(-1), null, 'a good answer clears the problem');
    source.stop();
});
