// The header: connection, server, market session, the data's age and the stale banner.

import { describeFreshness } from './freshness.mjs';
import { NULL_TEXT, ageSeconds, formatAge, formatKstTime } from './format.mjs';
import { rankingTitle } from './feeds.mjs';

function setBadge(element, { text, tone }) {
    if (element.textContent !== text) {
        element.textContent = text;
    }
    element.dataset.tone = tone;
}

function setText(element, text) {
    if (element.textContent !== text) {
        element.textContent = text;
    }
}

export class Header {
    #el;
    #lastBanner = null;

    /** `root` is the document; the elements are found by id. */
    constructor(root) {
        const byId = (id) => root.getElementById(id);
        this.#el = {
            body: root.body,
            banner: byId('stale-banner'),
            bannerText: byId('stale-text'),
            connection: byId('connection'),
            server: byId('server'),
            market: byId('market'),
            transport: byId('transport'),
            age: byId('age'),
            updated: byId('updated'),
            version: byId('version'),
            feedTitle: byId('feed-title'),
        };
    }

    /**
     * Shows the state of the selected feed. Called whenever the status, the selected feed's
     * ranking or the transport changes; cheap when nothing did.
     */
    render({ status, snapshot, transport, feedLabel }) {
        const el = this.#el;
        const freshness = describeFreshness({ status, snapshot, transport });
        setBadge(el.connection, freshness.connection);
        setBadge(el.server, freshness.server);
        setBadge(el.market, freshness.market);
        setBadge(el.transport, freshness.transport);
        el.body.dataset.health = freshness.level;

        if (freshness.banner !== this.#lastBanner) {
            this.#lastBanner = freshness.banner;
            el.banner.hidden = freshness.banner === null;
            el.bannerText.textContent = freshness.banner ?? '';
        }

        const title = rankingTitle(feedLabel ?? '', snapshot?.tr);
        setText(el.feedTitle, title);
        setText(el.version, snapshot ? `v${snapshot.version}` : NULL_TEXT);
        setText(el.updated, snapshot?.last_update ? formatKstTime(snapshot.last_update) : NULL_TEXT);
        el.updated.dateTime = snapshot?.last_update ?? '';
        this.tick(snapshot);

        const prefix = freshness.banner ? '⚠ 지연 · ' : '';
        const pageTitle = `${prefix}${title || '거래량급증'} · kiwoomd`;
        if (document.title !== pageTitle) {
            document.title = pageTitle;
        }
    }

    /** Refreshes the age only (called every second). */
    tick(snapshot) {
        const age = snapshot?.last_update ? ageSeconds(snapshot.last_update, Date.now()) : null;
        setText(this.#el.age, age === null ? '데이터 없음' : `${formatAge(age)} 갱신`);
    }
}
