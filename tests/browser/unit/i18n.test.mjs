// The string catalogue and the choice of language (src/web/js/i18n.mjs), and the modules that
// read it in English.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CATALOGUE, language, onLanguageChange, pickLanguage, setLanguage, t } from '../../../src/web/js/i18n.mjs';
import { columnsFor } from '../../../src/web/js/columns.mjs';
import { feedLabels } from '../../../src/web/js/feeds.mjs';
import { directionLabel, formatAge, formatEokFromMillions, formatSignedPercent } from '../../../src/web/js/format.mjs';
import { Transport, describeFreshness } from '../../../src/web/js/freshness.mjs';
import { subtitleFor } from '../../../src/web/js/header.mjs';
import { describeMovement } from '../../../src/web/js/movement.mjs';

afterEach(() => setLanguage('ko'));

test('Korean and English hold the same keys, and the same kind of entry for each', () => {
    assert.deepEqual(Object.keys(CATALOGUE.en).sort(), Object.keys(CATALOGUE.ko).sort());
    for (const key of Object.keys(CATALOGUE.ko)) {
        assert.equal(typeof CATALOGUE.en[key], typeof CATALOGUE.ko[key], key);
    }
});

test('every key index.html names is in the catalogue', () => {
    const html = readFileSync(new URL('../../../src/web/index.html', import.meta.url), 'utf8');
    const keys = [...html.matchAll(/data-i18n(?:-[a-z-]+)?="([^"]+)"/gu)].map((m) => m[1]);
    assert.ok(keys.length >= 15, `${keys.length} keys`);
    for (const key of keys) {
        assert.ok(Object.hasOwn(CATALOGUE.ko, key), key);
    }
});

test('index.html shows the Korean texts of its keys before the script runs', () => {
    const html = readFileSync(new URL('../../../src/web/index.html', import.meta.url), 'utf8');
    const texts = [...html.matchAll(/data-i18n="([^"]+)"\s*>([^<]*)</gu)];
    assert.ok(texts.length >= 8, `${texts.length} texts`);
    for (const [, key, text] of texts) {
        assert.equal(text.replace(/\s+/gu, ' ').trim(), CATALOGUE.ko[key], key);
    }
});

test('the page starts in Korean, the language its tests and its HTML are written in', () => {
    assert.equal(language(), 'ko');
    assert.equal(t('connection.connected'), '연결됨');
});

test('a stored choice wins, then the first browser language the page has, else English', () => {
    assert.equal(pickLanguage('en', ['ko-KR']), 'en');
    assert.equal(pickLanguage('ko', ['en-US']), 'ko');
    assert.equal(pickLanguage(null, ['ko-KR', 'en-US']), 'ko');
    assert.equal(pickLanguage(null, ['ja-JP', 'ko', 'en']), 'ko');
    assert.equal(pickLanguage(null, ['en-GB', 'ko-KR']), 'en');
    assert.equal(pickLanguage(null, ['de-DE', 'fr']), 'en');
    assert.equal(pickLanguage('xx', []), 'en');
});

test('switching the language tells the listeners once, and an unknown language changes nothing', () => {
    const heard = [];
    const stop = onLanguageChange((lang) => heard.push(lang));
    setLanguage('en');
    setLanguage('en');
    setLanguage('xx');
    stop();
    assert.deepEqual(heard, ['en']);
    assert.equal(language(), 'en');
});

test('in English the header, columns, markets, ages and amounts read in English', () => {
    setLanguage('en');
    const f = describeFreshness({
        status: { connection: 'lost', server: 'mock', market_open: true },
        snapshot: { stale: true, market_open: true, last_update: '2026-11-25T09:14:12+09:00', version: 3 },
        transport: Transport.STREAM,
    });
    assert.deepEqual(f.connection, { text: 'Connection lost', tone: 'bad' });
    assert.deepEqual(f.server, { text: 'Mock trading', tone: 'info' });
    assert.equal(f.transport.text, 'Live (SSE)');
    assert.ok(f.banner.startsWith('Data delayed (stale) — Connection lost'), f.banner);
    const labels = columnsFor([{ rank: 1, code: '005930', name: 'x', price: 1, prev_volume: 1, volume: 2 }]).map(
        (c) => c.label,
    );
    assert.deepEqual(labels, ['Rank', 'Code', 'Name', 'Price', 'Prev. volume', 'Volume now']);
    assert.deepEqual(
        feedLabels([
            { id: 'kospi', market: 'kospi', tr: 'opt10023' },
            { id: 'kospi-today', market: 'kospi', tr: 'opt10030' },
        ]),
        ['KOSPI', 'KOSPI · Top volume today'],
    );
    assert.equal(formatAge(185), '3 min 5 s ago');
    assert.equal(formatAge(0), 'just now');
    assert.equal(formatEokFromMillions(123456), '123B');
    assert.equal(formatEokFromMillions(5432), '5.4B');
    assert.equal(formatSignedPercent(3.57), '+3.57%');
    assert.equal(directionLabel('upper_limit'), 'upper limit');
    assert.deepEqual(describeMovement({ kind: 'up', by: 3 }), { text: '▲3', label: 'up 3' });
});

test('the subtitle names the data source the status reports, in both languages', () => {
    assert.equal(subtitleFor('activex'), 'kiwoomd · 키움 OpenAPI+');
    assert.equal(subtitleFor('rest'), 'kiwoomd · 키움 REST API');
    assert.equal(subtitleFor('emulator'), 'kiwoomd · 키움 에뮬레이터');
    assert.equal(subtitleFor(undefined), 'kiwoomd', 'before the first status, no source is claimed');
    setLanguage('en');
    assert.equal(subtitleFor('replay'), 'kiwoomd · Kiwoom replay');
    assert.equal(subtitleFor('activex'), 'kiwoomd · Kiwoom OpenAPI+');
});
