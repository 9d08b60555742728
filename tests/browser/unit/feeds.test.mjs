// Feed names and the choice of feed (src/web/js/feeds.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { feedIdsDiffer, feedLabels, pickFeed, rankingTitle, trName } from '../../../src/web/js/feeds.mjs';

const defaults = [
    { id: 'kospi', market: 'kospi', tr: 'opt10023' },
    { id: 'kosdaq', market: 'kosdaq', tr: 'opt10023' },
    { id: 'all', market: 'all', tr: 'opt10023' },
];

test('the default feeds read 코스피, 코스닥 and 전체', () => {
    assert.deepEqual(feedLabels(defaults), ['코스피', '코스닥', '전체']);
});

test('another TR, another id of the same market and an unknown market are told apart', () => {
    const feeds = [
        ...defaults,
        { id: 'kospi-today', market: 'kospi', tr: 'opt10030' },
        { id: 'kosdaq-rate', market: 'kosdaq', tr: 'opt10023' },
        { id: 'konex', market: 'konex', tr: 'opt10023' },
    ];
    assert.deepEqual(feedLabels(feeds).slice(3), ['코스피 · 당일거래량상위', '코스닥 · kosdaq-rate', 'KONEX']);
});

test('labels stay unique', () => {
    const feeds = [
        { id: 'a', market: 'kospi', tr: 'opt10030' },
        { id: 'b', market: 'kospi', tr: 'opt10030' },
    ];
    assert.deepEqual(feedLabels(feeds), ['코스피 · 당일거래량상위 (a)', '코스피 · 당일거래량상위 (b)']);
});

test('the feed asked for wins, then kospi, then the first', () => {
    assert.equal(pickFeed(defaults, 'kosdaq'), 'kosdaq');
    assert.equal(pickFeed(defaults, 'nope'), 'kospi');
    assert.equal(pickFeed(defaults.slice(1), ''), 'kosdaq');
    assert.equal(pickFeed([], 'kospi'), null);
});

test('TR names are Korean', () => {
    assert.equal(trName('opt10023'), '거래량급증');
    assert.equal(trName('opt10030'), '당일거래량상위');
    assert.equal(trName('opt99999'), 'opt99999');
});

test('a changed feed list is noticed', () => {
    assert.equal(feedIdsDiffer(['kospi', 'kosdaq'], ['kospi', 'kosdaq']), false);
    assert.equal(feedIdsDiffer(['kospi'], ['kospi', 'kosdaq']), true);
    assert.equal(feedIdsDiffer(['kosdaq', 'kospi'], ['kospi', 'kosdaq']), true);
});

test('a ranking is titled by its label and its TR, without saying the TR twice', () => {
    assert.equal(rankingTitle('코스피', 'opt10023'), '코스피 거래량급증');
    assert.equal(rankingTitle('코스피 · 당일거래량상위', 'opt10030'), '코스피 · 당일거래량상위');
    assert.equal(rankingTitle('코스닥', undefined), '코스닥');
});
