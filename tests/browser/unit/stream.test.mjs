// The event stream read with fetch, for a daemon that wants its token (src/web/js/stream.mjs):
// a fake fetch whose body the test writes chunk by chunk, and a manual timer. No sockets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventStreamParser, FetchEventSource, ReadyState } from '../../../src/web/js/stream.mjs';

function parse(chunks) {
    const events = [];
    const retries = [];
    const parser = new EventStreamParser({ onEvent: (e) => events.push(e), onRetry: (ms) => retries.push(ms) });
    for (const chunk of chunks) {
        parser.push(chunk);
    }
    return { events, retries };
}

test('named events, data lines, ids, comments and retry are read as EventSource reads them', () => {
    const { events, retries } = parse([
        ': keep-alive\n',
        'retry: 3000\n',
        'event: status\nid: 7\ndata: {"a":1}\n\n',
        'data: first\ndata: second\n\n',
        'event: kospi\ndata:no-space\n\n',
        'event: empty\n\n',
    ]);
    assert.deepEqual(retries, [3000]);
    assert.deepEqual(events, [
        { type: 'status', data: '{"a":1}', lastEventId: '7' },
        { type: 'message', data: 'first\nsecond', lastEventId: '7' },
        { type: 'kospi', data: 'no-space', lastEventId: '7' },
    ]);
});

test('an event split anywhere across chunks, CRLF included, comes out whole and once', () => {
    const text = 'event: kospi\r\ndata: {"version":3}\r\n\r\nevent: kosdaq\rdata: x\r\r';
    for (let cut = 1; cut < text.length; cut++) {
        const { events } = parse([text.slice(0, cut), text.slice(cut)]);
        assert.deepEqual(
            events.map((e) => [e.type, e.data]),
            [
                ['kospi', '{"version":3}'],
                ['kosdaq', 'x'],
            ],
            `cut at ${cut}`,
        );
    }
});

class Timers {
    constructor() {
        this.pending = [];
    }
    set = (fn, ms) => {
        this.pending.push({ fn, ms });
        return this.pending.length;
    };
    clear = () => {};
    runAll() {
        const due = this.pending;
        this.pending = [];
        for (const { fn } of due) {
            fn();
        }
    }
}

/** A fetch answering with a body the test writes to; records each request. */
function streamingFetch(status = 200, contentType = 'text/event-stream') {
    const requests = [];
    const bodies = [];
    const fetchImpl = async (url, init) => {
        requests.push({ url, headers: init.headers, signal: init.signal });
        let controller;
        const body = new ReadableStream({
            start(c) {
                controller = c;
            },
        });
        const encoder = new TextEncoder();
        bodies.push({
            write: (text) => controller.enqueue(encoder.encode(text)),
            end: () => controller.close(),
        });
        return { status, headers: new Headers({ 'Content-Type': contentType }), body };
    };
    return { fetchImpl, requests, bodies };
}

async function settle() {
    for (let i = 0; i < 10; i++) {
        await new Promise((resolve) => setImmediate(resolve));
    }
}

test('the stream is asked for with the token, opens, and delivers its named events', async () => {
    const { fetchImpl, requests, bodies } = streamingFetch();
    const timers = new Timers();
    const source = new FetchEventSource('api/stream', {
        token: 'secret',
        fetchImpl,
        setTimer: timers.set,
        clearTimer: timers.clear,
    });
    const seen = [];
    source.addEventListener('open', () => seen.push(['open', source.readyState]));
    source.addEventListener('kospi', (e) => seen.push(['kospi', e.data]));
    await settle();
    assert.equal(requests[0].url, 'api/stream');
    assert.equal(requests[0].headers.Authorization, 'Bearer secret');
    assert.equal(requests[0].headers.Accept, 'text/event-stream');
    bodies[0].write('event: kospi\ndata: {"version":1}\n\n');
    await settle();
    assert.deepEqual(seen, [
        ['open', ReadyState.OPEN],
        ['kospi', '{"version":1}'],
    ]);
    source.close();
    assert.equal(source.readyState, ReadyState.CLOSED);
    assert.equal(requests[0].signal.aborted, true, 'closing aborts the request');
});

test('a refusal (401) closes it for good, as EventSource does', async () => {
    const { fetchImpl, requests } = streamingFetch(401, 'application/json');
    const timers = new Timers();
    const source = new FetchEventSource('api/stream', { token: 'x', fetchImpl, setTimer: timers.set });
    const states = [];
    source.addEventListener('error', () => states.push(source.readyState));
    await settle();
    assert.deepEqual(states, [ReadyState.CLOSED]);
    assert.equal(timers.pending.length, 0, 'no retry');
    assert.equal(requests.length, 1);
});

test('an ended stream reconnects after the server’s retry delay, with Last-Event-ID', async () => {
    const { fetchImpl, requests, bodies } = streamingFetch();
    const timers = new Timers();
    const source = new FetchEventSource('api/stream', { token: 'x', fetchImpl, setTimer: timers.set });
    const states = [];
    source.addEventListener('error', () => states.push(source.readyState));
    await settle();
    bodies[0].write('retry: 1500\nid: 41\nevent: kospi\ndata: {}\n\n');
    bodies[0].end();
    await settle();
    assert.deepEqual(states, [ReadyState.CONNECTING]);
    assert.equal(timers.pending.length, 1);
    assert.equal(timers.pending[0].ms, 1500);
    timers.runAll();
    await settle();
    assert.equal(requests.length, 2);
    assert.equal(requests[1].headers['Last-Event-ID'], '41');
    assert.equal(source.readyState, ReadyState.OPEN);
    source.close();
});

test('a failed fetch (daemon down) retries too, and close() stops the retries', async () => {
    let calls = 0;
    const fetchImpl = async () => {
        calls += 1;
        throw new TypeError('Failed to fetch');
    };
    const timers = new Timers();
    const source = new FetchEventSource('api/stream', { token: 'x', fetchImpl, setTimer: timers.set });
    await settle();
    assert.equal(source.readyState, ReadyState.CONNECTING);
    assert.equal(timers.pending.length, 1);
    source.close();
    timers.runAll();
    await settle();
    assert.equal(calls, 1);
});
