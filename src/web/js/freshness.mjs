// Whether what the page shows is live, and what to tell the user when it is not.
// Pure: no DOM, unit-tested in Node.
//
// The daemon decides staleness (docs/api.md, "Freshness"): a ranking is `stale` when the session
// is not connected, when it has not been fetched in this run, or when it is too old. The page adds
// one case the daemon cannot report: the page itself no longer hears from the daemon.

import { formatKstTime } from './format.mjs';
import { t } from './i18n.mjs';

/** How the page currently receives data (see api.mjs). */
export const Transport = Object.freeze({
    CONNECTING: 'connecting',
    STREAM: 'stream',
    POLLING: 'polling',
    OFFLINE: 'offline',
});

const CONNECTION_TONES = {
    connected: 'ok',
    logging_in: 'warn',
    disconnected: 'warn',
    lost: 'bad',
    waiting_to_reconnect: 'bad',
};

const SERVER_TONES = { real: 'ok', mock: 'info' };

/** The banner's fixed start, so the warning always reads the same way (in the current language). */
export function staleTitle() {
    return t('stale.title');
}

function staleReason({ status, snapshot, transport, now }) {
    if (transport === Transport.OFFLINE) {
        return t('stale.offline');
    }
    switch (status?.connection) {
        case 'lost':
            return t('stale.lost');
        case 'waiting_to_reconnect':
            return t('stale.waiting', status.next_reconnect_at ? formatKstTime(status.next_reconnect_at, now) : '');
        case 'logging_in':
            return t('stale.loggingIn');
        case 'disconnected':
            return t('stale.disconnected');
        default:
            break;
    }
    if (status?.polling_paused) {
        return t('stale.paused');
    }
    if (!snapshot?.last_update) {
        return t('stale.firstFetch');
    }
    if (snapshot.market_open === false) {
        return t('stale.closed', formatKstTime(snapshot.last_update, now));
    }
    return t('stale.late', formatKstTime(snapshot.last_update, now));
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
    const knownConnection = Object.hasOwn(CONNECTION_TONES, connectionState ?? '');
    let connection =
        transport === Transport.OFFLINE
            ? { text: t('connection.offline'), tone: 'bad' }
            : knownConnection
              ? { text: t(`connection.${connectionState}`), tone: CONNECTION_TONES[connectionState] }
              : { text: t('connection.unknown'), tone: 'muted' };
    if (status?.polling_paused && connectionState === 'connected' && transport !== Transport.OFFLINE) {
        // Logged in, but asking nothing (paused from the tray): the data ages by the usual rules.
        connection = { text: t('connection.paused'), tone: 'warn' };
    }
    const serverKind = Object.hasOwn(SERVER_TONES, status?.server ?? '') ? status.server : 'unknown';
    const server = { text: t(`server.${serverKind}`), tone: SERVER_TONES[serverKind] ?? 'muted' };
    const market =
        marketOpen === undefined || marketOpen === null
            ? { text: t('market.unknown'), tone: 'muted' }
            : marketOpen
              ? { text: t('market.open'), tone: 'ok' }
              : { text: t('market.closed'), tone: 'muted' };

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
        banner: stale ? `${staleTitle()} — ${staleReason({ status, snapshot, transport, now })}` : null,
        connection,
        server,
        market,
        transport: {
            text: Object.values(Transport).includes(transport) ? t(`transport.${transport}`) : transport,
            tone: transport === Transport.STREAM ? 'ok' : 'muted',
        },
    };
}
