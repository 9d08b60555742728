// The banner for each error answer of the API (src/web/js/problems.mjs).
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../../src/web/js/api.mjs';
import { setLanguage } from '../../../src/web/js/i18n.mjs';
import { Problem, describeProblem, problemKind } from '../../../src/web/js/problems.mjs';

afterEach(() => setLanguage('ko'));

test('each error code of the API has its own banner', () => {
    assert.equal(problemKind(401, 'unauthorized'), Problem.TOKEN_NEEDED);
    assert.equal(problemKind(401, 'unauthorized', { tokenSent: true }), Problem.TOKEN_REJECTED);
    assert.equal(problemKind(403, 'forbidden_host'), Problem.FORBIDDEN_HOST);
    assert.equal(problemKind(403, 'forbidden_origin'), Problem.FORBIDDEN_ORIGIN);
    assert.equal(problemKind(403, 'forbidden_site'), Problem.FORBIDDEN_ORIGIN);
    assert.equal(problemKind(400, 'unknown_market'), Problem.UNKNOWN_MARKET);
    assert.equal(problemKind(404, 'unknown_feed'), Problem.UNKNOWN_MARKET);
    assert.equal(problemKind(503, 'no_feeds'), Problem.STARTING);
});

test('a status without kiwoomd’s body (a proxy in between) still gets the banner of its status', () => {
    assert.equal(problemKind(401, null), Problem.TOKEN_NEEDED);
    assert.equal(problemKind(503, null), Problem.STARTING);
    assert.equal(problemKind(500, 'internal'), Problem.OTHER);
});

test('the token banner says how to open the page with the token', () => {
    const banner = describeProblem(new ApiError(401, 'unauthorized', 'this server requires its API token'));
    assert.equal(banner.kind, Problem.TOKEN_NEEDED);
    assert.equal(banner.title, 'API 토큰 필요');
    assert.match(banner.hint, /#token=/u);
    assert.match(banner.hint, /api-token/u);
    setLanguage('en');
    const english = describeProblem(new ApiError(401, 'unauthorized', ''));
    assert.equal(english.title, 'API token needed');
    assert.match(english.hint, /#token=<token>/u);
    const elsewhere = describeProblem(new ApiError(401, 'unauthorized', ''), { pageUrl: 'http://[::1]:9000/' });
    assert.match(elsewhere.hint, /http:\/\/\[::1\]:9000\/#token=<token>/u, 'the example is the page’s own address');
});

test('a daemon that cannot be reached is the network banner; no error, no banner', () => {
    assert.equal(describeProblem(new TypeError('Failed to fetch')).kind, Problem.OFFLINE);
    assert.equal(describeProblem(null), null);
});

test('an unexpected error shows its status and kiwoomd’s message', () => {
    const banner = describeProblem(new ApiError(500, 'internal', 'internal server error'));
    assert.equal(banner.kind, Problem.OTHER);
    assert.match(banner.title, /HTTP 500/u);
    assert.equal(banner.hint, 'internal server error');
});

test('every banner kind has a title and a hint in both languages', () => {
    for (const lang of ['ko', 'en']) {
        setLanguage(lang);
        for (const [status, code] of [
            [401, 'unauthorized'],
            [403, 'forbidden_host'],
            [403, 'forbidden_origin'],
            [400, 'unknown_market'],
            [503, 'no_feeds'],
        ]) {
            const banner = describeProblem(new ApiError(status, code, 'm'));
            assert.ok(banner.title && !banner.title.startsWith('problem.'), `${lang} ${code}: ${banner.title}`);
            assert.ok(banner.hint && !banner.hint.startsWith('problem.'), `${lang} ${code}: ${banner.hint}`);
        }
    }
});
