// Whether what the page shows is live, and what to tell the user when it is not.
// Pure: no DOM, unit-tested in Node.
//
// The daemon decides staleness (docs/api.md, "Freshness"): a ranking is `stale` when the session
// is not connected, when it has not been fetched in this run, or when it is too old. The page adds
// one case the daemon cannot report: the page itself no longer hears from the daemon.

import { formatKstTime } from './format.mjs';

/** How the page currently receives data (see api.mjs). */
export const Transport = Object.freeze({
    CONNECTING: 'connecting',
    STREAM: 'stream',
    POLLING: 'polling',
    OFFLINE: 'offline',
});

const CONNECTION = {
    connected: { text: '연결됨', tone: 'ok' },
    logging_in: { text: '로그인 중', tone: 'warn' },
    disconnected: { text: '접속 전', tone: 'warn' },
    lost: { text: '연결 끊김', tone: 'bad' },
    waiting_to_reconnect: { text: '재접속 대기', tone: 'bad' },
};

const SERVER = {
    real: { text: '실서버', tone: 'ok' },
    mock: { text: '모의투자', tone: 'info' },
    unknown: { text: '서버 미확인', tone: 'muted' },
};

const TRANSPORT = {
    [Transport.CONNECTING]: '연결 중…',
    [Transport.STREAM]: '실시간 (SSE)',
    [Transport.POLLING]: '폴링',
    [Transport.OFFLINE]: 'kiwoomd 응답 없음',
};

/** The banner's fixed start, so the warning always reads the same way. */
export const STALE_TITLE = '데이터 지연 (stale)';

function staleReason({ status, snapshot, transport, now }) {
    if (transport === Transport.OFFLINE) {
        return 'kiwoomd 응답 없음 — 마지막으로 받은 데이터를 표시 중';
    }
    switch (status?.connection) {
        case 'lost':
            return '연결 끊김 — 키움 서버에 다시 접속하는 중';
        case 'waiting_to_reconnect': {
            const next = status.next_reconnect_at ? ` (다음 시도 ${formatKstTime(status.next_reconnect_at, now)})` : '';
            return `연결 끊김 — 재접속 대기${next}`;
        }
        case 'logging_in':
            return '키움 서버 로그인 중';
        case 'disconnected':
            return '키움 서버 접속 전';
        default:
            break;
    }
    if (status?.polling_paused) {
        return '조회 일시정지 중 — 트레이 메뉴의 Resume polling으로 다시 시작';
    }
    if (!snapshot?.last_update) {
        return '첫 조회를 기다리는 중';
    }
    if (snapshot.market_open === false) {
        return `장 마감 전에 받은 데이터 (마지막 갱신 ${formatKstTime(snapshot.last_update, now)})`;
    }
    return `갱신 지연 — 마지막 갱신 ${formatKstTime(snapshot.last_update, now)}`;
}

/**
 * Everything the header shows about freshness, from the last `/api/status`, the selected feed's
 * last ranking and the transport:
 *   level:      'live' | 'closed' (final data after the close) | 'stale' | 'connecting'
 *   banner:     the stale warning's text, or null when the data is live
 *   connection, server, market, transport: { text, tone } for the header's badges
 * The banner text does not contain a running age, so a screen reader announces it once. Times of
 * another day than `now` carry their date.
 */
export function describeFreshness({
    status = null,
    snapshot = null,
    transport = Transport.CONNECTING,
    now = new Date(),
} = {}) {
    const connectionState = status?.connection;
    const marketOpen = snapshot?.market_open ?? status?.market_open;
    let connection =
        transport === Transport.OFFLINE
            ? { text: '응답 없음', tone: 'bad' }
            : (CONNECTION[connectionState] ?? { text: '확인 중', tone: 'muted' });
    if (status?.polling_paused && connectionState === 'connected' && transport !== Transport.OFFLINE) {
        // Logged in, but asking nothing (paused from the tray): the data ages by the usual rules.
        connection = { text: '조회 일시정지', tone: 'warn' };
    }
    const server = SERVER[status?.server] ?? SERVER.unknown;
    const market =
        marketOpen === undefined || marketOpen === null
            ? { text: '장 상태 미확인', tone: 'muted' }
            : marketOpen
              ? { text: '장중', tone: 'ok' }
              : { text: '장 마감', tone: 'muted' };

    const waitingForFirstData = transport === Transport.CONNECTING && !snapshot;
    const stale =
        !waitingForFirstData &&
        (transport === Transport.OFFLINE ||
            snapshot?.stale === true ||
            (connectionState !== undefined && connectionState !== 'connected'));

    let level = 'live';
    if (waitingForFirstData) {
        level = 'connecting';
    } else if (stale) {
        level = 'stale';
    } else if (marketOpen === false) {
        level = 'closed';
    }
    return {
        level,
        banner: stale ? `${STALE_TITLE} — ${staleReason({ status, snapshot, transport, now })}` : null,
        connection,
        server,
        market,
        transport: { text: TRANSPORT[transport] ?? transport, tone: transport === Transport.STREAM ? 'ok' : 'muted' },
    };
}
