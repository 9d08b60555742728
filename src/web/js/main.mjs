// The dashboard's entry point: loads the feed list, then keeps the header and the table in step
// with the daemon through LiveSource (stream, or polling when the stream is unavailable).

import { FEEDS_URL, LiveSource, fetchJson } from './api.mjs';
import { Transport } from './freshness.mjs';
import { feedIdsDiffer, feedLabels, pickFeed, rankingTitle } from './feeds.mjs';
import { Header } from './header.mjs';
import { RankTracker } from './movement.mjs';
import { RankingTable } from './table.mjs';
import { MarketSwitch } from './switch.mjs';

const FEEDS_RETRY_MS = 3000;
// A config reload can add or remove feeds; the status says so when it comes, and this catches it
// when nothing else changes.
const FEEDS_CHECK_MS = 60000;
const DEFAULT_SORT = Object.freeze({ key: 'rank', kind: 'rank', dir: 'asc' });

const state = {
    feeds: [],
    labels: new Map(),
    selected: null,
    snapshots: new Map(),
    trackers: new Map(),
    status: null,
    transport: Transport.CONNECTING,
    sort: DEFAULT_SORT,
    query: '',
};

const header = new Header(document);
const table = new RankingTable(document.getElementById('ranking'), document.getElementById('empty-note'), {
    onSort(sort) {
        state.sort = sort;
        renderTable();
    },
});
const marketSwitch = new MarketSwitch(document.getElementById('market-switch'), {
    onSelect(feedId) {
        selectFeed(feedId);
    },
});
const filterInput = document.getElementById('filter');
const rowCount = document.getElementById('row-count');

const source = new LiveSource({
    onStatus(status) {
        state.status = status;
        const ids = Array.isArray(status?.feeds) ? status.feeds.map((feed) => feed.id) : null;
        if (
            ids &&
            feedIdsDiffer(
                ids,
                state.feeds.map((feed) => feed.id),
            )
        ) {
            reloadFeeds();
        }
        renderHeader();
    },
    onSnapshot(feedId, snapshot) {
        state.snapshots.set(feedId, snapshot);
        let tracker = state.trackers.get(feedId);
        if (!tracker) {
            tracker = new RankTracker();
            state.trackers.set(feedId, tracker);
        }
        tracker.update(snapshot);
        if (feedId === state.selected) {
            renderTable();
            renderHeader();
        }
    },
    onTransport(transport) {
        state.transport = transport;
        renderHeader();
    },
});

function selectedSnapshot() {
    return state.snapshots.get(state.selected) ?? null;
}

function renderHeader() {
    header.render({
        status: state.status,
        snapshot: selectedSnapshot(),
        transport: state.transport,
        feedLabel: state.labels.get(state.selected) ?? state.selected ?? '',
    });
}

function renderTable() {
    const snapshot = selectedSnapshot();
    const label = state.labels.get(state.selected) ?? '';
    table.render({
        feedId: state.selected,
        snapshot,
        movements: state.trackers.get(state.selected)?.movements,
        sort: state.sort,
        query: state.query,
        caption: `${rankingTitle(label, snapshot?.tr)} 순위`,
    });
    const total = snapshot?.data?.length ?? 0;
    const shown = Number(document.getElementById('ranking').dataset.rows || 0);
    rowCount.textContent = state.query ? `${total}종목 중 ${shown}종목` : `${total}종목`;
}

function selectFeed(feedId) {
    if (feedId === state.selected) {
        return;
    }
    state.selected = feedId;
    state.sort = DEFAULT_SORT;
    marketSwitch.select(feedId);
    if (location.hash.slice(1) !== feedId) {
        history.replaceState(null, '', `#${encodeURIComponent(feedId)}`);
    }
    source.select(feedId);
    renderTable();
    renderHeader();
}

function applyFeeds(feeds) {
    state.feeds = feeds;
    const labels = feedLabels(feeds);
    state.labels = new Map(feeds.map((feed, i) => [feed.id, labels[i]]));
    const known = new Set(feeds.map((feed) => feed.id));
    for (const id of [...state.snapshots.keys()]) {
        if (!known.has(id)) {
            state.snapshots.delete(id);
            state.trackers.delete(id);
        }
    }
    const previous = state.selected;
    const selected = pickFeed(feeds, previous ?? decodeURIComponent(location.hash.slice(1)));
    marketSwitch.setFeeds(feeds.map((feed) => ({ id: feed.id, label: state.labels.get(feed.id) })));
    if (selected === null) {
        return;
    }
    if (selected === previous) {
        marketSwitch.select(selected);
        renderTable();
        renderHeader();
    } else {
        selectFeed(selected);
    }
}

async function loadFeeds() {
    const { body } = await fetchJson(FEEDS_URL);
    return Array.isArray(body?.feeds) ? body.feeds : [];
}

let reloading = false;
async function reloadFeeds() {
    if (reloading) {
        return;
    }
    reloading = true;
    try {
        const feeds = await loadFeeds();
        if (
            !feedIdsDiffer(
                feeds.map((feed) => feed.id),
                state.feeds.map((feed) => feed.id),
            )
        ) {
            return;
        }
        applyFeeds(feeds);
        source.setFeeds(
            feeds.map((feed) => feed.id),
            state.selected,
        );
    } catch {
        // The next status will tell again; the stream or polling goes on meanwhile.
    } finally {
        reloading = false;
    }
}

async function start() {
    let feeds;
    for (;;) {
        try {
            feeds = await loadFeeds();
            break;
        } catch {
            state.transport = Transport.OFFLINE;
            renderHeader();
            await new Promise((resolve) => setTimeout(resolve, FEEDS_RETRY_MS));
        }
    }
    state.transport = Transport.CONNECTING;
    applyFeeds(feeds);
    source.start(
        feeds.map((feed) => feed.id),
        state.selected,
    );
}

filterInput.addEventListener('input', () => {
    state.query = filterInput.value.trim();
    renderTable();
});
filterInput.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && filterInput.value) {
        filterInput.value = '';
        state.query = '';
        renderTable();
    }
});
window.addEventListener('hashchange', () => {
    const wanted = decodeURIComponent(location.hash.slice(1));
    if (state.feeds.some((feed) => feed.id === wanted)) {
        selectFeed(wanted);
    }
});
// The age ticks on between updates.
setInterval(() => header.tick(selectedSnapshot()), 1000);
setInterval(() => {
    if (state.feeds.length > 0) {
        reloadFeeds();
    }
}, FEEDS_CHECK_MS);

renderHeader();
renderTable();
start();
