// End-to-end test of the dashboard: the real kiwoomd binary (emulator) serves the page it has
// compiled in, and Debian's headless Chromium shows it.
//
//   node dashboard.e2e.mjs <path/to/kiwoomd> <screenshot dir>
//
// (or KIWOOMD_BINARY / KIWOOMD_SCREENSHOT_DIR in the environment). tests/browser/run.sh does
// the set-up and runs this after the unit tests.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openBrowser, openPage } from './support/browser.mjs';
import { Daemon } from './support/daemon.mjs';
import { StreamListener } from './support/event-stream.mjs';

const binary = process.argv[2] ?? process.env.KIWOOMD_BINARY;
const screenshotDir = path.resolve(process.argv[3] ?? process.env.KIWOOMD_SCREENSHOT_DIR ?? 'screenshots');
if (!binary) {
    console.error('usage: node dashboard.e2e.mjs <path/to/kiwoomd> [screenshot dir]');
    process.exit(2);
}
mkdirSync(screenshotDir, { recursive: true });

const INTERVAL_SECONDS = 2;
// How long the test waits for the page to show a snapshot the daemon published. A wait, not a
// measurement: how fast the page is (within a second over the stream) is bench/dashboard_bench.mjs's.
const SHOW_TIMEOUT_MS = 10000;
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

// Four feeds: the three default markets, plus an opt10030 feed, whose rows have other fields.
// Pacing windows wide enough that a 2 s interval is never throttled, so nothing turns stale by
// itself; the emulator gets the same windows, or it would answer -200.
const WIDE_WINDOWS = [{ max_requests: 200, seconds: 1 }];
const CONFIG = {
    polling: { limit_windows: WIDE_WINDOWS },
    emulator: { limit_windows: WIDE_WINDOWS },
    feeds: [
        { id: 'kospi', inputs: { 시장구분: '001' } },
        { id: 'kosdaq', inputs: { 시장구분: '101' } },
        { id: 'all', inputs: { 시장구분: '000' } },
        { id: 'kospi-today', tr: 'opt10030', inputs: { 시장구분: '001' }, max_pages: 1 },
    ],
};
// For the outage: log in again quickly once the emulated server is back.
const OUTAGE_CONFIG = { ...CONFIG, connection: { reconnect_min_seconds: 1, reconnect_max_seconds: 2 } };
const OUTAGE_AT_SECONDS = 8;
const OUTAGE_SECONDS = 8;

const daemonArgs = ['--seed', '7', '--interval', String(INTERVAL_SECONDS)];

/** Reads what the page shows, in one round trip. */
function readPage(page) {
    return page.evaluate(() => {
        const table = document.getElementById('ranking');
        const text = (id) => document.getElementById(id).textContent.trim();
        return {
            feed: table.dataset.feed,
            version: Number(table.dataset.version),
            rowCount: table.tBodies[0].rows.length,
            headers: [...table.tHead.querySelectorAll('th')].map((th) => th.textContent.trim()),
            codes: [...table.tBodies[0].rows].map((tr) => tr.querySelector('th.name .code-inline').textContent),
            health: document.body.dataset.health,
            bannerVisible: !document.getElementById('stale-banner').hidden,
            banner: text('stale-text'),
            connection: text('connection'),
            server: text('server'),
            market: text('market'),
            transport: text('transport'),
            subtitle: text('subtitle'),
            problem: document.getElementById('problem-banner').hidden
                ? null
                : document.getElementById('problem-banner').dataset.problem,
            problemText: text('problem-banner'),
            lang: document.documentElement.lang,
            title: document.title,
        };
    });
}

async function fetchJson(url) {
    const response = await fetch(url);
    assert.equal(response.status, 200, `GET ${url}`);
    return response.json();
}

describe('the dashboard served by kiwoomd, in headless Chromium', () => {
    let daemon;
    let browser;
    let page;
    let stream;
    const errors = [];

    before(async () => {
        daemon = await Daemon.start(binary, { config: CONFIG, args: daemonArgs });
        stream = await StreamListener.open(daemon.baseUrl);
        browser = await openBrowser();
        page = await openPage(browser.context, errors, 'desktop');
    });

    after(async () => {
        stream?.close();
        await browser?.close();
        await daemon?.stop();
    });

    test(
        'the page loads from the binary without errors and fills the table with at least 20 rows',
        { timeout: 30000 },
        async () => {
            const response = await page.goto(`${daemon.baseUrl}/`);
            assert.equal(response.status(), 200);
            const csp = response.headers()['content-security-policy'] ?? '';
            assert.match(csp, /script-src 'self'/, 'the page is served with its Content-Security-Policy');

            await page.waitForFunction(() => Number(document.getElementById('ranking').dataset.rows) >= 20, null, {
                timeout: 15000,
            });
            await page.waitForFunction(() => document.body.dataset.health === 'live', null, { timeout: 10000 });
            const shown = await readPage(page);
            assert.equal(shown.feed, 'kospi');
            assert.ok(shown.rowCount >= 20, `${shown.rowCount} rows`);
            assert.deepEqual(shown.headers.slice(0, 3), ['순위', '종목코드', '종목명']);
            for (const header of ['현재가', '전일대비', '등락률', '이전거래량', '현재거래량', '급증량', '급증률']) {
                assert.ok(shown.headers.includes(header), `column ${header} in ${shown.headers}`);
            }
            assert.equal(shown.connection, '연결됨');
            assert.equal(shown.server, '모의투자');
            assert.equal(shown.market, '장중');
            assert.equal(shown.transport, '실시간 (SSE)');
            assert.equal(shown.bannerVisible, false);
            assert.equal(
                shown.subtitle,
                'kiwoomd · 키움 에뮬레이터',
                'the subtitle names the source the status reports',
            );
            assert.equal(shown.problem, null);

            // The first row reads as the API's first row, in Korean formatting.
            const ranking = await fetchJson(`${daemon.baseUrl}/api/feeds/kospi`);
            const firstRow = await page.evaluate(() => {
                const tr = document.getElementById('ranking').tBodies[0].rows[0];
                const cells = [...tr.cells].map(
                    (cell) => cell.querySelector('.name-text, .bar-value, .rank-num')?.textContent ?? cell.textContent,
                );
                return { cells, classes: [...tr.cells].map((cell) => cell.className) };
            });
            const expectedFirst = ranking.version === (await readPage(page)).version ? ranking.data[0] : null;
            if (expectedFirst) {
                assert.equal(firstRow.cells[2], expectedFirst.name);
                assert.equal(firstRow.cells[3], new Intl.NumberFormat('ko-KR').format(expectedFirst.price));
            }
            assert.match(firstRow.cells[3], /^\d{1,3}(,\d{3})*$/, 'price with thousands separators');
            assert.match(firstRow.cells[5], /^([+-]\d{1,3}(,\d{3})*|0)\.\d\d%$/, 'signed change rate');
            assert.match(firstRow.cells[9], /^[+-]?\d{1,3}(,\d{3})*\.\d\d%$/, 'surge rate');
            assert.ok(firstRow.classes[3].includes('tone-'), 'the price is coloured by direction');
            assert.deepEqual(errors, []);
        },
    );

    test('the table follows each new snapshot by itself, without a reload', { timeout: 60000 }, async (t) => {
        await page.evaluate(() => {
            window.__samePage = true;
            window.__versions = [];
            new MutationObserver(() => {
                window.__versions.push(document.getElementById('ranking').dataset.version);
            }).observe(document.getElementById('ranking'), { attributes: true, attributeFilter: ['data-version'] });
        });
        const start = (await readPage(page)).version;
        const published = [];
        for (let i = 0; i < 3; i++) {
            const after = published.at(-1)?.version ?? start;
            const event = await stream.next(
                (e) => e.event === 'kospi' && e.body?.version > after,
                INTERVAL_SECONDS * 1000 * 4,
            );
            published.push({ version: event.body.version, data: event.body.data });
        }
        await page.waitForFunction(
            (last) => window.__versions.some((v) => Number(v) >= last),
            published.at(-1).version,
            { timeout: SHOW_TIMEOUT_MS },
        );
        const seen = await page.evaluate(() => ({
            versions: window.__versions,
            samePage: window.__samePage === true,
        }));
        assert.equal(seen.samePage, true, 'the page was not reloaded');
        for (const { version } of published) {
            assert.ok(
                seen.versions.some((v) => Number(v) === version),
                `version ${version} reached the page (page saw ${seen.versions})`,
            );
        }
        // The rows are the latest snapshot's, with each one's movement since the one before.
        const [previous, last] = published.slice(-2);
        const shownRows = await page.$$eval('#ranking tbody tr', (trs) =>
            trs.map((tr) => ({
                code: tr.querySelector('.code-inline').textContent,
                move: tr.querySelector('.move span').textContent,
            })),
        );
        if ((await readPage(page)).version !== last.version) {
            t.diagnostic('a newer snapshot arrived meanwhile; movement not compared');
        } else {
            assert.deepEqual(
                shownRows.map((r) => r.code),
                last.data.map((row) => row.code),
            );
            const before = new Map(previous.data.map((row) => [row.code, row.rank]));
            const expected = last.data.map((row) => {
                const was = before.get(row.code);
                if (was === undefined) {
                    return 'NEW';
                }
                if (was === row.rank) {
                    return '';
                }
                return was > row.rank ? `▲${was - row.rank}` : `▼${row.rank - was}`;
            });
            assert.deepEqual(
                shownRows.map((r) => r.move),
                expected,
            );
            t.diagnostic(
                `movement marks: ${expected.filter(Boolean).length} of ${expected.length} rows moved or are new`,
            );
        }
        assert.deepEqual(errors, []);
    });

    test('the market switch shows the other market’s rows', { timeout: 30000 }, async () => {
        const kospi = await readPage(page);
        await page.getByRole('button', { name: '코스닥', exact: true }).click();
        await page.waitForFunction(
            () =>
                document.getElementById('ranking').dataset.feed === 'kosdaq' &&
                Number(document.getElementById('ranking').dataset.rows) >= 20,
            null,
            { timeout: 5000 },
        );
        const kosdaq = await readPage(page);
        const api = await fetchJson(`${daemon.baseUrl}/api/feeds/kosdaq`);
        assert.notDeepEqual(kosdaq.codes.slice(0, 20), kospi.codes.slice(0, 20));
        assert.ok(
            kosdaq.codes.slice(0, 10).every((code) => api.data.some((row) => row.code === code)),
            'the rows shown are KOSDAQ rows',
        );
        assert.equal(
            await page.getByRole('button', { name: '코스닥', exact: true }).getAttribute('aria-pressed'),
            'true',
        );
        assert.equal(new URL(page.url()).hash, '#kosdaq');

        // An opt10030 feed has other fields: its own columns, and nothing breaks.
        await page.getByRole('button', { name: '코스피 · 당일거래량상위' }).click();
        await page.waitForFunction(
            () =>
                document.getElementById('ranking').dataset.feed === 'kospi-today' &&
                Number(document.getElementById('ranking').dataset.rows) > 0,
            null,
            { timeout: 10000 },
        );
        const today = await readPage(page);
        for (const header of ['거래량', '전일비', '회전율', '거래대금']) {
            assert.ok(today.headers.includes(header), `column ${header} in ${today.headers}`);
        }
        assert.ok(!today.headers.includes('급증률'));

        await page.getByRole('button', { name: '코스피', exact: true }).click();
        await page.waitForFunction(() => document.getElementById('ranking').dataset.feed === 'kospi', null, {
            timeout: 5000,
        });
        assert.deepEqual(errors, []);
    });

    test('a column header sorts by keyboard and the filter finds a name or a code', { timeout: 30000 }, async () => {
        const priceHeader = page.locator('#ranking thead th', { hasText: '현재가' });
        await priceHeader.locator('button').focus();
        await page.keyboard.press('Enter');
        assert.equal(await priceHeader.getAttribute('aria-sort'), 'descending');
        const prices = await page.$$eval('#ranking tbody tr', (rows) =>
            rows.map((tr) => Number(tr.cells[3].textContent.replaceAll(',', ''))),
        );
        assert.deepEqual(
            prices,
            [...prices].sort((a, b) => b - a),
            'prices from the highest down',
        );
        await page.keyboard.press('Enter');
        assert.equal(await priceHeader.getAttribute('aria-sort'), 'ascending');
        await page.locator('#ranking thead th', { hasText: '순위' }).locator('button').click();

        const target = (await readPage(page)).codes[4];
        await page.fill('#filter', target);
        await page.waitForFunction((code) => {
            const rows = [...document.getElementById('ranking').tBodies[0].rows];
            return rows.length >= 1 && rows.every((tr) => tr.textContent.includes(code));
        }, target);
        const name = await page.$eval('#ranking tbody tr th.name .name-text', (el) => el.textContent);
        await page.fill('#filter', name);
        await page.waitForFunction(
            (n) => [...document.getElementById('ranking').tBodies[0].rows].some((tr) => tr.textContent.includes(n)),
            name,
        );
        await page.fill('#filter', '');
        await page.waitForFunction(() => Number(document.getElementById('ranking').dataset.rows) >= 20);
        assert.deepEqual(errors, []);
    });

    test(
        'the language switch shows the page in English, keeps the choice, and goes back',
        { timeout: 30000 },
        async () => {
            await page.getByRole('button', { name: 'EN', exact: true }).click();
            await page.waitForFunction(() => document.documentElement.lang === 'en');
            let shown = await readPage(page);
            assert.deepEqual(shown.headers.slice(0, 3), ['Rank', 'Code', 'Name']);
            assert.equal(shown.connection, 'Connected');
            assert.equal(shown.server, 'Mock trading');
            assert.equal(shown.subtitle, 'kiwoomd · Kiwoom emulator');
            assert.equal(await page.getByRole('button', { name: 'KOSDAQ', exact: true }).count(), 1);
            assert.equal(
                await page.locator('#filter').getAttribute('placeholder'),
                'Search name or code (initials too: ㅅㅅㅈㅈ)',
            );
            assert.ok(shown.rowCount >= 20, 'the rows stay');
            await page.screenshot({ path: path.join(screenshotDir, 'dashboard-desktop-english.png') });

            await page.reload();
            await page.waitForFunction(() => Number(document.getElementById('ranking').dataset.rows) >= 20, null, {
                timeout: 15000,
            });
            shown = await readPage(page);
            assert.equal(shown.lang, 'en', 'the choice outlives a reload');
            assert.equal(shown.headers[0], 'Rank');

            await page.getByRole('button', { name: 'KO', exact: true }).click();
            await page.waitForFunction(() => document.documentElement.lang === 'ko');
            shown = await readPage(page);
            assert.deepEqual(shown.headers.slice(0, 3), ['순위', '종목코드', '종목명']);
            assert.equal(shown.connection, '연결됨');
            assert.deepEqual(errors, []);
        },
    );

    test(
        'screenshots at desktop and phone width, light and dark, with the table fitting the screen',
        { timeout: 30000 },
        async () => {
            await page.evaluate(() => document.activeElement?.blur());
            for (const [size, viewport] of [
                ['desktop', DESKTOP],
                ['phone', PHONE],
            ]) {
                for (const scheme of ['light', 'dark']) {
                    await page.setViewportSize(viewport);
                    await page.emulateMedia({ colorScheme: scheme });
                    await page.waitForTimeout(150);
                    const overflow = await page.evaluate(
                        () => document.documentElement.scrollWidth - window.innerWidth,
                    );
                    assert.ok(overflow <= 0, `${size}/${scheme}: the page is ${overflow}px wider than the screen`);
                    await page.screenshot({ path: path.join(screenshotDir, `dashboard-${size}-${scheme}.png`) });
                }
            }
            const phoneTable = await page.evaluate(() => {
                const wrap = document.querySelector('.table-wrap');
                return wrap.scrollWidth - wrap.clientWidth;
            });
            assert.ok(phoneTable <= 0, `on a phone the table needs ${phoneTable}px of sideways scrolling`);
            await page.setViewportSize(DESKTOP);
            await page.emulateMedia({ colorScheme: 'light' });
            assert.deepEqual(errors, []);
        },
    );
});

describe('the polling fallback, when the daemon refuses the stream', () => {
    let daemon;
    let browser;
    const errors = [];

    before(async () => {
        // No stream subscriber at all is allowed: every GET /api/stream gets 503 too_many_subscribers.
        daemon = await Daemon.start(binary, {
            config: { ...CONFIG, server: { max_stream_subscribers: 0 } },
            args: daemonArgs,
        });
        browser = await openBrowser();
    });

    after(async () => {
        await browser?.close();
        await daemon?.stop();
    });

    test(
        'polls with If-None-Match, gets 304 while nothing changed, and still follows new snapshots',
        { timeout: 40000 },
        async (t) => {
            const page = await openPage(browser.context, errors, 'polling');
            const rankingAnswers = [];
            page.on('response', async (response) => {
                const url = new URL(response.url());
                if (url.pathname === '/api/volume-ranking') {
                    rankingAnswers.push({
                        status: response.status(),
                        ifNoneMatch: (await response.request().allHeaders())['if-none-match'] ?? null,
                    });
                }
            });
            await page.goto(`${daemon.baseUrl}/`);
            await page.waitForFunction(() => Number(document.getElementById('ranking').dataset.rows) >= 20, null, {
                timeout: 15000,
            });
            await page.waitForFunction(() => document.getElementById('transport').textContent === '폴링', null, {
                timeout: 5000,
            });

            // Note each new version the API has, and check the page shows it.
            await page.evaluate(() => {
                window.__versions = [];
                new MutationObserver(() => {
                    window.__versions.push(document.getElementById('ranking').dataset.version);
                }).observe(document.getElementById('ranking'), { attributes: true, attributeFilter: ['data-version'] });
            });
            const published = [];
            let last = (await fetchJson(`${daemon.baseUrl}/api/feeds/kospi`)).version;
            const deadline = Date.now() + INTERVAL_SECONDS * 1000 * 6;
            while (published.length < 2 && Date.now() < deadline) {
                const { version } = await fetchJson(`${daemon.baseUrl}/api/feeds/kospi`);
                if (version > last) {
                    published.push(version);
                    last = version;
                }
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
            assert.equal(published.length, 2, 'the daemon published two new snapshots');
            await page.waitForFunction((v) => window.__versions.some((s) => Number(s) >= v), published.at(-1), {
                timeout: SHOW_TIMEOUT_MS,
            });
            const versions = await page.evaluate(() => window.__versions);
            for (const version of published) {
                assert.ok(
                    versions.some((v) => Number(v) === version),
                    `version ${version} reached the page`,
                );
            }
            t.diagnostic(`polling: the page showed versions ${versions.join(', ')}`);

            const conditional = rankingAnswers.filter((a) => a.ifNoneMatch);
            assert.ok(conditional.length >= 2, 'the page asks with If-None-Match');
            assert.ok(
                rankingAnswers.some((a) => a.status === 304),
                'and gets 304 while nothing changed',
            );
            assert.ok(
                rankingAnswers.filter((a) => a.status === 200).length >= 3,
                'and the new ranking when it changed',
            );

            // Refusing the stream is expected here; anything else would be a fault of the page.
            const unexpected = errors.filter((e) => !/ 503 .*\/api\/stream\)$/.test(e));
            assert.deepEqual(unexpected, []);
        },
    );
});

describe('the stale warning, when the emulated server drops the connection', () => {
    let daemon;
    let browser;
    const errors = [];

    before(async () => {
        daemon = await Daemon.start(binary, {
            config: OUTAGE_CONFIG,
            args: [...daemonArgs, '--sim-fault', `disconnect@${OUTAGE_AT_SECONDS}+${OUTAGE_SECONDS}`],
        });
        browser = await openBrowser();
    });

    after(async () => {
        await browser?.close();
        await daemon?.stop();
    });

    test('appears while the connection is down and goes once the data is live again', { timeout: 90000 }, async () => {
        const page = await openPage(browser.context, errors, 'outage');
        await page.goto(`${daemon.baseUrl}/`);
        await page.waitForFunction(() => document.body.dataset.health === 'live', null, {
            timeout: OUTAGE_AT_SECONDS * 1000,
        });
        assert.equal((await readPage(page)).bannerVisible, false);

        await page.waitForSelector('#stale-banner', { state: 'visible', timeout: (OUTAGE_AT_SECONDS + 10) * 1000 });
        const stale = await readPage(page);
        assert.match(stale.banner, /^데이터 지연 \(stale\) — 연결 끊김/);
        assert.equal(stale.health, 'stale');
        assert.ok(['연결 끊김', '재접속 대기', '로그인 중'].includes(stale.connection), stale.connection);
        assert.ok(stale.title.startsWith('⚠'), `the tab title warns too: ${stale.title}`);
        assert.ok(stale.rowCount >= 20, 'the last rows stay on screen while stale');
        const api = await fetchJson(`${daemon.baseUrl}/api/volume-ranking`);
        assert.equal(api.stale, true, 'the daemon says stale too');

        await page.screenshot({ path: path.join(screenshotDir, 'dashboard-stale-desktop-light.png') });
        await page.setViewportSize(PHONE);
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.screenshot({ path: path.join(screenshotDir, 'dashboard-stale-phone-dark.png') });
        await page.setViewportSize(DESKTOP);
        await page.emulateMedia({ colorScheme: 'light' });

        await page.waitForFunction(() => document.body.dataset.health === 'live', null, {
            timeout: (OUTAGE_SECONDS + 30) * 1000,
        });
        const live = await readPage(page);
        assert.equal(live.bannerVisible, false);
        assert.equal(live.connection, '연결됨');
        assert.ok(!live.title.startsWith('⚠'));
        assert.deepEqual(errors, []);
    });
});

describe('token_policy "always": the page opened with and without the token', () => {
    let daemon;
    let browser;
    let token;
    const errors = [];

    before(async () => {
        daemon = await Daemon.start(binary, {
            config: { ...CONFIG, server: { token_policy: 'always' } },
            args: daemonArgs,
        });
        token = readFileSync(path.join(daemon.dataDir, 'api-token'), 'utf8').trim();
        browser = await openBrowser();
    });

    after(async () => {
        await browser?.close();
        await daemon?.stop();
    });

    test(
        'without the token the page loads and its banner says how to open it with one',
        { timeout: 30000 },
        async () => {
            const pageErrors = [];
            const page = await openPage(browser.context, pageErrors, 'no-token');
            const response = await page.goto(`${daemon.baseUrl}/`);
            assert.equal(response.status(), 200, 'the page itself needs no token');
            await page.waitForSelector('#problem-banner', { state: 'visible', timeout: 10000 });
            const shown = await readPage(page);
            assert.equal(shown.problem, 'token_needed');
            assert.match(shown.problemText, /#token=/u);
            assert.equal(shown.rowCount, 0, 'no data without the token');
            // The refusals themselves are what the page is about here.
            assert.deepEqual(
                pageErrors.filter((e) => !/ 401 /u.test(e)),
                [],
            );
            await page.screenshot({ path: path.join(screenshotDir, 'dashboard-token-needed.png') });
            await page.close();
        },
    );

    test(
        'with #token= the page shows the rows, follows the stream, and drops the token from the address',
        { timeout: 40000 },
        async () => {
            const page = await openPage(browser.context, errors, 'token');
            const requests = [];
            page.on('request', (request) => requests.push(request.url()));
            await page.goto(`${daemon.baseUrl}/#token=${token}`);
            await page.waitForFunction(() => Number(document.getElementById('ranking').dataset.rows) >= 20, null, {
                timeout: 15000,
            });
            assert.equal(new URL(page.url()).hash.includes('token'), false, 'the token left the address bar');
            assert.ok(
                requests.every((url) => !url.includes(token)),
                'the token is in no request URL (so in no log)',
            );
            await page.waitForFunction(
                () => document.getElementById('transport').textContent === '실시간 (SSE)',
                null,
                {
                    timeout: 10000,
                },
            );
            const first = (await readPage(page)).version;
            await page.waitForFunction((v) => Number(document.getElementById('ranking').dataset.version) > v, first, {
                timeout: SHOW_TIMEOUT_MS,
            });
            const shown = await readPage(page);
            assert.equal(shown.problem, null);
            assert.equal(shown.connection, '연결됨');

            // The tab keeps the token: a reload without it still works.
            await page.reload();
            await page.waitForFunction(() => Number(document.getElementById('ranking').dataset.rows) >= 20, null, {
                timeout: 15000,
            });
            assert.equal((await readPage(page)).problem, null);
            assert.deepEqual(errors, []);
            await page.close();
        },
    );
});
