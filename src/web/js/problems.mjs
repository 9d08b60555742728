// What the page tells the user when kiwoomd refuses it or cannot be reached: one banner per error
// code of the API (docs/api.md, "Errors"), each saying what to do. Pure: no DOM, unit-tested in
// Node.

import { ApiError } from './api.mjs';
import { t } from './i18n.mjs';

/** The kinds of banner; each has a title and a hint in the catalogue (problem.<kind>.*). */
export const Problem = Object.freeze({
    TOKEN_NEEDED: 'token_needed',
    TOKEN_REJECTED: 'token_rejected',
    FORBIDDEN_HOST: 'forbidden_host',
    FORBIDDEN_ORIGIN: 'forbidden_origin',
    UNKNOWN_MARKET: 'unknown_market',
    STARTING: 'starting',
    OFFLINE: 'offline',
    OTHER: 'other',
});

/** The banner kind for an API error code and status; `tokenSent`: the page sent a token. */
export function problemKind(status, code, { tokenSent = false } = {}) {
    switch (code) {
        case 'unauthorized':
            return tokenSent ? Problem.TOKEN_REJECTED : Problem.TOKEN_NEEDED;
        case 'forbidden_host':
            return Problem.FORBIDDEN_HOST;
        case 'forbidden_origin':
        case 'forbidden_site':
            return Problem.FORBIDDEN_ORIGIN;
        case 'unknown_market':
        case 'unknown_feed':
            return Problem.UNKNOWN_MARKET;
        default:
            break;
    }
    if (status === 401) {
        // A proxy in front of kiwoomd may answer without kiwoomd's body.
        return tokenSent ? Problem.TOKEN_REJECTED : Problem.TOKEN_NEEDED;
    }
    // 503: kiwoomd has nothing to serve yet (no_feeds), or a proxy says the daemon is not up.
    return status === 503 ? Problem.STARTING : Problem.OTHER;
}

/**
 * The banner for a failed request: an ApiError (an error answer) or anything else (the fetch's
 * TypeError: kiwoomd cannot be reached). null for no error. `pageUrl`: the page's address without
 * its fragment, for the token banner's example.
 *   { kind, title, hint } in the current language
 */
export function describeProblem(error, { tokenSent = false, pageUrl = 'http://127.0.0.1:8000/' } = {}) {
    if (!error) {
        return null;
    }
    if (!(error instanceof ApiError)) {
        return { kind: Problem.OFFLINE, title: t('problem.offline.title'), hint: t('problem.offline.hint') };
    }
    const kind = problemKind(error.status, error.code, { tokenSent });
    if (kind === Problem.OTHER) {
        return {
            kind,
            title: t('problem.other.title', error.status),
            hint: t('problem.other.hint', error.message),
        };
    }
    return { kind, title: t(`problem.${kind}.title`), hint: t(`problem.${kind}.hint`, pageUrl) };
}
