// The dashboard's entry point: picks the language and the API token, loads the feed list, then
// keeps the header and the table in step with the daemon through LiveSource (stream, or polling
// when the stream is unavailable).

import { ApiError, FEEDS_URL, LiveSource, fetchJson } from './api.mjs';
import { Transport } from './freshness.mjs';
import { feedIdsDiffer, feedLabels, pickFeed, rankingTitle } from './feeds.mjs';
import { Header } from './header.mjs';
import { language, onLanguageChange, pickLanguage, setLanguage, t } from './i18n.mjs';
import { LanguageSwitch, applyStaticTexts } from './language.mjs';
import { RankTracker } from './movement.mjs';
import { describeProblem } from './problems.mjs';
import { RankingTable } from './table.mjs';
import { MarketSwitch } from './switch.mjs';
import { splitFragment, takeToken } from './token.mjs';

const LANGUAGE_STORAGE_KEY = 'kiwoomd.language';

function storage(name) {
    try {
        return globalThis[name] ?? null;
    } catch {
        return null; // storage disabled by the browser's settings
    }
}

function storedLanguage() {
    try {
        return storage('localStorage')?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
    } catch {
        return null;
    }
}

// The token arrives in the fragment (#token=...), which never reaches a server; it leaves the
// address bar at once, so it is neither bookmarked nor shown over a shoulder.
const fragment = splitFragment(location.hash);
const token = takeToken(fragment.token, storage('sessionStorage'));
if (fragment.token) {
    history.replaceState(null, '', `${location.pathname}${location.search}${fragment.hash}`);
}

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
    problem: null,
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

function setProblem(error) {
    if (state.problem !== error) {
        state.problem = error;
        renderHeader();
    }
}

const source = new LiveSource({
    token,
    onProblem: setProblem,
    onStatus(status) {
        state.status = status;
        state.problem = null;
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
        state.problem = null;
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
        problem: describeProblem(state.problem, {
            tokenSent: Boolean(token),
            pageUrl: `${location.origin}${location.pathname}`,
        }),
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
        caption: t('table.caption', rankingTitle(label, snapshot?.tr)),
    });
    const total = snapshot?.data?.length ?? 0;
    const shown = Number(document.getElementById('ranking').dataset.rows || 0);
    rowCount.textContent = state.query ? t('table.countFiltered', total, shown) : t('table.count', total);
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

/** The market switch's labels, in the current language. */
function relabelFeeds() {
    const labels = feedLabels(state.feeds);
    state.labels = new Map(state.feeds.map((feed, i) => [feed.id, labels[i]]));
    marketSwitch.setFeeds(state.feeds.map((feed) => ({ id: feed.id, label: state.labels.get(feed.id) })));
}

async function loadFeeds() {
    const { body } = await fetchJson(FEEDS_URL, { token });
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
        } catch (error) {
            // Refused (ApiError) is not silent: the daemon answers, and the banner says why.
            state.transport = error instanceof ApiError ? Transport.CONNECTING : Transport.OFFLINE;
            state.problem = error;
            renderHeader();
            await new Promise((resolve) => setTimeout(resolve, FEEDS_RETRY_MS));
        }
    }
    state.transport = Transport.CONNECTING;
    state.problem = null;
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
    if (splitFragment(location.hash).token) {
        // A token pasted into the address of an open page: start again with it.
        location.reload();
        return;
    }
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

// The language: the reader's stored choice, else the browser's; the switch changes it live.
const languageSwitch = new LanguageSwitch(document.getElementById('language-switch'), {
    onSelect(lang) {
        try {
            storage('localStorage')?.setItem(LANGUAGE_STORAGE_KEY, lang);
        } catch {
            // Not stored: the choice holds until the page is reloaded.
        }
        setLanguage(lang);
    },
});
onLanguageChange(() => {
    applyStaticTexts(document, language());
    languageSwitch.select(language());
    relabelFeeds();
    renderTable();
    renderHeader();
});
setLanguage(pickLanguage(storedLanguage(), navigator.languages ?? [navigator.language]));
applyStaticTexts(document, language());
languageSwitch.select(language());

renderHeader();
renderTable();
start();
