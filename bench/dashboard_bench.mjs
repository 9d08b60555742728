// The dashboard's timing and memory, in Debian's headless Chromium against the real kiwoomd
// (emulator): how fast the table renders a 200-row snapshot, whether 1,200 snapshots leave the heap
// or the DOM growing, and how soon a new snapshot reaches the page over the stream and by polling.
// The browser test (tests/browser) checks what the page does; this measures how fast.
//
//   node bench/dashboard_bench.mjs <path/to/kiwoomd>
//
// Prints the figures, then one line "dashboard: key=value ..." for bench/run.sh, and exits 1 when
// a figure misses its floor (below). Needs tests/browser's node packages
// (tests/browser/support/npm-install.sh) and /usr/bin/chromium (or KIWOOMD_CHROMIUM).

import { openBrowser, openPage } from '../tests/browser/support/browser.mjs';
import { Daemon } from '../tests/browser/support/daemon.mjs';
import { StreamListener } from '../tests/browser/support/event-stream.mjs';

// Floors. A frame is 16 ms and an idle machine needs a few; 50 ms leaves room for a machine busy
// with other builds and still catches a render that re-lays out or rebuilds the table.
const RENDER_MEDIAN_LIMIT_MS = 50;
const HEAP_GROWTH_LIMIT_BYTES = 1e6;
// The page must show a new snapshot within a second of its publication (issue 5).
const STREAM_LATENCY_LIMIT_MS = 1000;
// The fallback polls once a second: one period, plus slack.
const POLL_LATENCY_LIMIT_MS = 1600;

const INTERVAL_SECONDS = 2;
const WIDE_WINDOWS = [{ max_requests: 200, seconds: 1 }];
const CONFIG = {
    polling: { limit_windows: WIDE_WINDOWS },
    emulator: { limit_windows: WIDE_WINDOWS },
    feeds: [
        { id: 'kospi', inputs: { 시장구분: '001' } },
        { id: 'kosdaq', inputs: { 시장구분: '101' } },
    ],
};
const DAEMON_ARGS = ['--seed', '7', '--interval', String(INTERVAL_SECONDS)];

const binary = process.argv[2];
if (!binary) {
    console.error('usage: node bench/dashboard_bench.mjs <path/to/kiwoomd>');
    process.exit(2);
}

/** Renders snapshots `from`..`to` of 200 rows into a table of the page's own modules. */
function renderRun(page, from, to) {
    return page.evaluate(
        async ([first, last]) => {
            if (!window.__bench) {
                const { RankingTable } = await import('/js/table.mjs');
                const { RankTracker } = await import('/js/movement.mjs');
                const html = document.createElement('div');
                html.innerHTML =
                    '<table id="t"><caption></caption><thead></thead><tbody></tbody></table><p id="e"></p>';
                document.body.append(html);
                window.__bench = {
                    table: new RankingTable(html.querySelector('#t'), html.querySelector('#e'), { onSort() {} }),
                    tracker: new RankTracker(),
                    root: html,
                };
            }
            const { table, tracker, root } = window.__bench;
            const times = [];
            for (let version = first; version <= last; version++) {
                const data = [];
                for (let i = 0; i < 200; i++) {
                    // One issue enters (and one leaves) every second snapshot; values move each time.
                    const code = String(100000 + ((i + Math.floor(version / 2)) % 400));
                    const change = ((i + version) % 21) - 10;
                    data.push({
                        rank: i + 1,
                        code,
                        name: `종목${code}`,
                        price: 10000 + ((version * 37 + i) % 5000),
                        direction: change > 0 ? 'up' : change < 0 ? 'down' : 'unchanged',
                        change,
                        change_rate: change / 3,
                        prev_volume: 100000 + i,
                        volume: 200000 + version * 10 + i,
                        surge_volume: 100000 + version * 10,
                        surge_rate: 100 + ((version + i) % 900),
                    });
                }
                const snapshot = { version, tr: 'opt10023', data };
                tracker.update(snapshot);
                const start = performance.now();
                table.render({
                    feedId: 'bench',
                    snapshot,
                    movements: tracker.movements,
                    sort: { key: 'surge_rate', kind: 'number', dir: 'desc' },
                    query: '',
                    caption: '',
                });
                times.push(performance.now() - start);
            }
            times.sort((a, b) => a - b);
            return {
                median: times[times.length >> 1],
                p95: times[Math.floor(times.length * 0.95)],
                nodes: root.getElementsByTagName('*').length,
            };
        },
        [from, to],
    );
}

/** Every new version of the table, with the time the page showed it. */
async function watchVersions(page) {
    await page.evaluate(() => {
        window.__versions = [];
        new MutationObserver(() => {
            window.__versions.push({
                version: Number(document.getElementById('ranking').dataset.version),
                at: Date.now(),
            });
        }).observe(document.getElementById('ranking'), { attributes: true, attributeFilter: ['data-version'] });
    });
}

async function shownAfter(page, published, limitMs) {
    await page.waitForFunction((last) => window.__versions.some((v) => v.version >= last), published.at(-1).version, {
        timeout: limitMs + 5000,
    });
    const versions = await page.evaluate(() => window.__versions);
    return published.map(({ version, at }) => {
        const shown = versions.find((v) => v.version === version);
        return shown ? shown.at - at : Number.POSITIVE_INFINITY;
    });
}

async function waitForRows(page) {
    await page.goto(page.__baseUrl);
    await page.waitForFunction(() => Number(document.getElementById('ranking').dataset.rows) >= 20, null, {
        timeout: 15000,
    });
}

async function measureRender(browser, baseUrl) {
    const errors = [];
    const page = await openPage(browser.context, errors, 'bench');
    // Any same-origin HTML document will do; a JSON answer is shown in one.
    await page.goto(`${baseUrl}/api/health`);
    const cdp = await browser.context.newCDPSession(page);
    const heap = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const warm = await renderRun(page, 1, 300);
    const heapWarm = await heap();
    const long = await renderRun(page, 301, 1500);
    const heapLong = await heap();
    await page.close();
    return {
        median: long.median,
        p95: long.p95,
        heapGrowth: heapLong - heapWarm,
        nodesStable: long.nodes === warm.nodes,
    };
}

async function measureStream(browser, daemon) {
    const stream = await StreamListener.open(daemon.baseUrl);
    const page = await openPage(browser.context, [], 'stream');
    page.__baseUrl = `${daemon.baseUrl}/`;
    await waitForRows(page);
    await watchVersions(page);
    const published = [];
    let last = Number(await page.evaluate(() => document.getElementById('ranking').dataset.version));
    for (let i = 0; i < 5; i++) {
        const event = await stream.next((e) => e.event === 'kospi' && e.body?.version > last, INTERVAL_SECONDS * 4000);
        last = event.body.version;
        published.push({ version: last, at: event.at });
    }
    const latencies = await shownAfter(page, published, STREAM_LATENCY_LIMIT_MS);
    stream.close();
    await page.close();
    return latencies;
}

async function measurePolling(browser, daemon) {
    const page = await openPage(browser.context, [], 'polling');
    page.__baseUrl = `${daemon.baseUrl}/`;
    await waitForRows(page);
    await watchVersions(page);
    const published = [];
    let last = (await (await fetch(`${daemon.baseUrl}/api/feeds/kospi`)).json()).version;
    const deadline = Date.now() + INTERVAL_SECONDS * 1000 * 8;
    while (published.length < 3 && Date.now() < deadline) {
        const { version } = await (await fetch(`${daemon.baseUrl}/api/feeds/kospi`)).json();
        if (version > last) {
            published.push({ version, at: Date.now() });
            last = version;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (published.length === 0) {
        throw new Error('the daemon published nothing new');
    }
    const latencies = await shownAfter(page, published, POLL_LATENCY_LIMIT_MS);
    await page.close();
    return latencies;
}

const ms = (value) => (Number.isFinite(value) ? value.toFixed(0) : 'never');
let daemon;
let polled;
let browser;
let failed = false;
try {
    daemon = await Daemon.start(binary, { config: CONFIG, args: DAEMON_ARGS });
    polled = await Daemon.start(binary, {
        config: { ...CONFIG, server: { max_stream_subscribers: 0 } },
        args: DAEMON_ARGS,
    });
    browser = await openBrowser();
    const render = await measureRender(browser, daemon.baseUrl);
    const stream = await measureStream(browser, daemon);
    const polling = await measurePolling(browser, polled);
    const streamMax = Math.max(...stream);
    const pollMax = Math.max(...polling);
    console.log(`render of 200 rows: median ${render.median.toFixed(2)} ms, p95 ${render.p95.toFixed(2)} ms`);
    console.log(
        `heap growth over 1200 snapshots: ${(render.heapGrowth / 1e3).toFixed(0)} kB; DOM stable: ${render.nodesStable}`,
    );
    console.log(`stream: snapshot shown ${stream.map(ms).join(', ')} ms after the bench's own subscriber got it`);
    console.log(`polling: snapshot shown ${polling.map(ms).join(', ')} ms after the API had it`);
    const checks = [
        [
            render.median < RENDER_MEDIAN_LIMIT_MS,
            `render median ${render.median.toFixed(2)} ms ≥ ${RENDER_MEDIAN_LIMIT_MS} ms`,
        ],
        [render.heapGrowth < HEAP_GROWTH_LIMIT_BYTES, `heap grew by ${render.heapGrowth} bytes`],
        [render.nodesStable, 'the table holds more elements than before'],
        [streamMax <= STREAM_LATENCY_LIMIT_MS, `stream latency ${ms(streamMax)} ms > ${STREAM_LATENCY_LIMIT_MS} ms`],
        [pollMax <= POLL_LATENCY_LIMIT_MS, `polling latency ${ms(pollMax)} ms > ${POLL_LATENCY_LIMIT_MS} ms`],
    ];
    for (const [ok, why] of checks) {
        if (!ok) {
            console.error(`dashboard bench: FAIL: ${why}`);
            failed = true;
        }
    }
    console.log(
        `dashboard: render_median_ms=${render.median.toFixed(2)} render_p95_ms=${render.p95.toFixed(2)}` +
            ` heap_growth_kb=${(render.heapGrowth / 1e3).toFixed(0)} dom_stable=${render.nodesStable ? 1 : 0}` +
            ` stream_max_ms=${ms(streamMax)} poll_max_ms=${ms(pollMax)} ok=${failed ? 0 : 1}`,
    );
} catch (error) {
    console.error(`dashboard bench: ${error.stack ?? error}`);
    failed = true;
} finally {
    await browser?.close();
    await daemon?.stop();
    await polled?.stop();
}
process.exit(failed ? 1 : 0);
