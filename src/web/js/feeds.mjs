// Names of the configured feeds and the choice of the one to show. Pure: unit-tested in Node.

import { hasText, t } from './i18n.mjs';

const DEFAULT_TR = 'opt10023';

/** The name of a TR, or its code when unknown: opt10023 → 거래량급증 (Volume surge). */
export function trName(tr) {
    return tr && hasText(`tr.${tr}`) ? t(`tr.${tr}`) : (tr ?? '');
}

/** The name of a market, or the configured name in capitals: kosdaq → 코스닥 (KOSDAQ). */
export function marketName(market) {
    return market && hasText(`market.${market}`) ? t(`market.${market}`) : String(market ?? '').toUpperCase();
}

/**
 * Labels for the market switch, one per feed, unique. The default feeds read 코스피, 코스닥 and
 * 전체; a feed of another TR adds its name (코스피 · 당일거래량상위); a second feed of the same
 * market and TR adds its id (코스닥 · kosdaq-rate).
 */
export function feedLabels(feeds) {
    const labels = feeds.map((feed) => {
        const base = marketName(feed.market);
        if (feed.tr && feed.tr !== DEFAULT_TR) {
            return `${base} · ${trName(feed.tr)}`;
        }
        return feed.id === feed.market ? base : `${base} · ${feed.id}`;
    });
    const counts = new Map();
    for (const label of labels) {
        counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    return labels.map((label, i) => (counts.get(label) > 1 ? `${label} (${feeds[i].id})` : label));
}

/** What a feed's ranking is called: its label plus the TR's name, unless the label has it already. */
export function rankingTitle(label, tr) {
    const name = trName(tr);
    return !name || label.includes(name) ? label : `${label} ${name}`.trim();
}

/**
 * The feed to show: the one asked for (from the address's #fragment) when it exists, else
 * `kospi`, else the first configured one; null when there is none.
 */
export function pickFeed(feeds, wanted) {
    const ids = feeds.map((feed) => feed.id);
    if (wanted && ids.includes(wanted)) {
        return wanted;
    }
    if (ids.includes('kospi')) {
        return 'kospi';
    }
    return ids[0] ?? null;
}

/** Whether two lists of feed ids differ (a config reload added or removed a feed). */
export function feedIdsDiffer(a, b) {
    return a.length !== b.length || a.some((id, i) => id !== b[i]);
}
