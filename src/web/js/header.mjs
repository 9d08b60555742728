// The header: the data's source, connection, server, market session, the data's age, the stale
// banner and the banner of a refused or failed request.

import { describeFreshness } from './freshness.mjs';
import { NULL_TEXT, ageSeconds, formatAge, formatKstTime } from './format.mjs';
import { rankingTitle } from './feeds.mjs';
import { hasText, t } from './i18n.mjs';

/** The subtitle for /api/status's `backend`: "kiwoomd · 키움 OpenAPI+", "… REST API"; plain before. */
export function subtitleFor(backend) {
    return backend && hasText(`source.${backend}`) ? t('page.subtitle', t(`source.${backend}`)) : 'kiwoomd';
}

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
    #lastProblem = null;

    /** `root` is the document; the elements are found by id. */
    constructor(root) {
        const byId = (id) => root.getElementById(id);
        this.#el = {
            body: root.body,
            banner: byId('stale-banner'),
            bannerText: byId('stale-text'),
            problem: byId('problem-banner'),
            problemTitle: byId('problem-title'),
            problemHint: byId('problem-hint'),
            subtitle: byId('subtitle'),
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
     * ranking, the transport, the problem (problems.mjs, or null) or the language changes; cheap
     * when nothing did.
     */
    render({ status, snapshot, transport, feedLabel, problem = null }) {
        const el = this.#el;
        setText(el.subtitle, subtitleFor(status?.backend));
        const problemKey = problem ? `${problem.kind}|${problem.title}|${problem.hint}` : null;
        if (problemKey !== this.#lastProblem) {
            this.#lastProblem = problemKey;
            el.problem.hidden = problem === null;
            el.problem.dataset.problem = problem?.kind ?? '';
            el.problemTitle.textContent = problem?.title ?? '';
            el.problemHint.textContent = problem?.hint ?? '';
        }
        const freshness = describeFreshness({ status, snapshot, transport });
        setBadge(el.connection, freshness.connection);
        setBadge(el.server, freshness.server);
        setBadge(el.market, freshness.market);
        setBadge(el.transport, freshness.transport);
        el.body.dataset.health = freshness.level;

        // One alert at a time: a refused or failed request says what to do, which matters more
        // than the data's age (the health, the badges and the tab's title still say stale).
        const staleBanner = problem ? null : freshness.banner;
        if (staleBanner !== this.#lastBanner) {
            this.#lastBanner = staleBanner;
            el.banner.hidden = staleBanner === null;
            el.bannerText.textContent = staleBanner ?? '';
        }

        const title = rankingTitle(feedLabel ?? '', snapshot?.tr);
        setText(el.feedTitle, title);
        setText(el.version, snapshot ? `v${snapshot.version}` : NULL_TEXT);
        setText(el.updated, snapshot?.last_update ? formatKstTime(snapshot.last_update) : NULL_TEXT);
        el.updated.dateTime = snapshot?.last_update ?? '';
        this.tick(snapshot);

        const prefix = freshness.banner ? t('header.titleWarning') : '';
        const pageTitle = `${prefix}${title || t('tr.opt10023')} · kiwoomd`;
        if (document.title !== pageTitle) {
            document.title = pageTitle;
        }
    }

    /** Refreshes the age only (called every second). */
    tick(snapshot) {
        const age = snapshot?.last_update ? ageSeconds(snapshot.last_update, Date.now()) : null;
        setText(this.#el.age, age === null ? t('header.noData') : t('header.age', formatAge(age)));
    }
}
