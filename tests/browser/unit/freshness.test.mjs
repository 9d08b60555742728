// What the header says about the data's freshness (src/web/js/freshness.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Transport, describeFreshness, staleTitle } from '../../../src/web/js/freshness.mjs';

const connected = { connection: 'connected', server: 'mock', market_open: true };
const fresh = { stale: false, market_open: true, last_update: '2026-11-25T09:14:12+09:00', version: 3 };
// The same KST day as the times above, so banners show times without a date whenever the tests run.
const now = new Date('2026-11-25T09:15:00+09:00');

test('connected, fresh data over the stream is live with no banner', () => {
    const f = describeFreshness({ status: connected, snapshot: fresh, transport: Transport.STREAM });
    assert.equal(f.level, 'live');
    assert.equal(f.banner, null);
    assert.deepEqual(f.connection, { text: '연결됨', tone: 'ok' });
    assert.deepEqual(f.server, { text: '모의투자', tone: 'info' });
    assert.deepEqual(f.market, { text: '장중', tone: 'ok' });
    assert.equal(f.transport.text, '실시간 (SSE)');
});

test('the real server is named as such', () => {
    assert.equal(
        describeFreshness({ status: { ...connected, server: 'real' }, snapshot: fresh }).server.text,
        '실서버',
    );
});

test('a lost connection is a stale warning saying the connection dropped', () => {
    const f = describeFreshness({
        status: { ...connected, connection: 'lost' },
        snapshot: { ...fresh, stale: true },
        transport: Transport.STREAM,
    });
    assert.equal(f.level, 'stale');
    assert.ok(f.banner.startsWith(`${staleTitle()} — 연결 끊김`), f.banner);
    assert.deepEqual(f.connection, { text: '연결 끊김', tone: 'bad' });
});

test('the stale warning comes with the connection state even before the feed says stale', () => {
    const f = describeFreshness({
        status: { ...connected, connection: 'waiting_to_reconnect', next_reconnect_at: '2026-11-25T09:14:56+09:00' },
        snapshot: fresh,
        transport: Transport.STREAM,
        now,
    });
    assert.equal(f.level, 'stale');
    assert.ok(f.banner.endsWith('연결 끊김 — 재접속 대기 (다음 시도 09:14:56)'), f.banner);
});

test('a time on another day than today carries its date', () => {
    const f = describeFreshness({
        status: connected,
        snapshot: { ...fresh, stale: true },
        transport: Transport.STREAM,
        now: new Date('2026-11-26T00:30:00+09:00'),
    });
    assert.ok(f.banner.endsWith('갱신 지연 — 마지막 갱신 11.25 09:14:12'), f.banner);
});

test('a stale feed on a live connection says the update is late, with the last update time', () => {
    const f = describeFreshness({
        status: connected,
        snapshot: { ...fresh, stale: true },
        transport: Transport.STREAM,
        now,
    });
    assert.equal(f.level, 'stale');
    assert.ok(f.banner.endsWith('갱신 지연 — 마지막 갱신 09:14:12'), f.banner);
});

test('a feed never fetched yet is stale and says so', () => {
    const f = describeFreshness({
        status: connected,
        snapshot: { stale: true, last_update: null, version: 0, market_open: true },
        transport: Transport.STREAM,
    });
    assert.match(f.banner, /첫 조회를 기다리는 중/);
});

test('a daemon that no longer answers makes the data stale whatever it said last', () => {
    const f = describeFreshness({ status: connected, snapshot: fresh, transport: Transport.OFFLINE });
    assert.equal(f.level, 'stale');
    assert.match(f.banner, /kiwoomd 응답 없음/);
    assert.equal(f.connection.tone, 'bad');
});

test('final data after the close is not stale, and shows the market closed', () => {
    const f = describeFreshness({
        status: { ...connected, market_open: false },
        snapshot: { ...fresh, market_open: false },
        transport: Transport.POLLING,
    });
    assert.equal(f.level, 'closed');
    assert.equal(f.banner, null);
    assert.deepEqual(f.market, { text: '장 마감', tone: 'muted' });
    assert.equal(f.transport.text, '폴링');
});

test('before anything arrived the page is connecting, not stale', () => {
    const f = describeFreshness({});
    assert.equal(f.level, 'connecting');
    assert.equal(f.banner, null);
    assert.equal(f.connection.text, '확인 중');
});

test('every connection state has a Korean name', () => {
    const names = ['disconnected', 'logging_in', 'connected', 'lost', 'waiting_to_reconnect'].map(
        (connection) =>
            describeFreshness({ status: { connection }, snapshot: fresh, transport: Transport.STREAM }).connection.text,
    );
    assert.deepEqual(names, ['접속 전', '로그인 중', '연결됨', '연결 끊김', '재접속 대기']);
});

test('paused polling shows in the connection badge, and names the reason once the data is stale', () => {
    const paused = { ...connected, polling_paused: true };
    const live = describeFreshness({ status: paused, snapshot: fresh, transport: Transport.STREAM });
    assert.deepEqual(live.connection, { text: '조회 일시정지', tone: 'warn' });
    assert.equal(live.banner, null);
    const stale = describeFreshness({
        status: paused,
        snapshot: { ...fresh, stale: true },
        transport: Transport.STREAM,
    });
    assert.match(stale.banner, /조회 일시정지 중/);
});
