// Filtering and sorting of ranking rows (src/web/js/rows.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    initialConsonants,
    matchesQuery,
    maxPositive,
    nextSort,
    rowKey,
    sortRows,
    visibleRows,
} from '../../../src/web/js/rows.mjs';

const rows = [
    { rank: 1, code: '005930', name: '삼성전자', price: 71000, change_rate: 1.5, surge_rate: 120.5 },
    { rank: 2, code: '000660', name: 'SK하이닉스', price: 182000, change_rate: null, surge_rate: 300 },
    { rank: 3, code: '035420', name: 'NAVER', price: 180000, change_rate: -2.1, surge_rate: 95 },
    { rank: 4, code: '005935', name: '삼성전자우', price: 58000, change_rate: 1.5, surge_rate: null },
    { rank: 5, code: '000270', name: '기아', price: 95000, change_rate: 0, surge_rate: 300 },
];
const codes = (list) => list.map((row) => row.code);

test('a row is identified by its code, and by its venue when there is one', () => {
    assert.equal(rowKey({ code: '005930' }), '005930');
    assert.equal(rowKey({ code: '005930', venue: 'NXT' }), '005930:NXT');
});

test('the filter finds part of a name, case-insensitively and ignoring spaces', () => {
    assert.deepEqual(codes(visibleRows(rows, { query: '삼성' })), ['005930', '005935']);
    assert.deepEqual(codes(visibleRows(rows, { query: 'naver' })), ['035420']);
    assert.deepEqual(codes(visibleRows(rows, { query: 'sk 하이' })), ['000660']);
});

test('the filter finds part of a code', () => {
    assert.deepEqual(codes(visibleRows(rows, { query: '0059' })), ['005930', '005935']);
    assert.deepEqual(codes(visibleRows(rows, { query: '000270' })), ['000270']);
});

test('the filter finds a name by its initial consonants', () => {
    assert.equal(initialConsonants('삼성전자'), 'ㅅㅅㅈㅈ');
    assert.equal(initialConsonants('SK하이닉스'), 'SKㅎㅇㄴㅅ');
    assert.deepEqual(codes(visibleRows(rows, { query: 'ㅅㅅㅈㅈ' })), ['005930', '005935']);
    assert.deepEqual(codes(visibleRows(rows, { query: 'ㄱㅇ' })), ['000270']);
});

test('an empty filter keeps every row, a filter without a match keeps none', () => {
    assert.equal(visibleRows(rows, { query: '' }).length, rows.length);
    assert.equal(visibleRows(rows, { query: '   ' }).length, rows.length);
    assert.equal(visibleRows(rows, { query: '없는종목' }).length, 0);
    assert.equal(matchesQuery({ code: '1', name: null }, 'x'), false);
});

test('numbers sort in both directions', () => {
    assert.deepEqual(codes(sortRows(rows, { key: 'price', kind: 'number', dir: 'asc' })), [
        '005935',
        '005930',
        '000270',
        '035420',
        '000660',
    ]);
    assert.deepEqual(codes(sortRows(rows, { key: 'price', kind: 'number', dir: 'desc' })), [
        '000660',
        '035420',
        '000270',
        '005930',
        '005935',
    ]);
});

test('missing values go last whichever the direction', () => {
    assert.equal(sortRows(rows, { key: 'change_rate', kind: 'number', dir: 'asc' }).at(-1).code, '000660');
    assert.equal(sortRows(rows, { key: 'change_rate', kind: 'number', dir: 'desc' }).at(-1).code, '000660');
    assert.equal(sortRows(rows, { key: 'surge_rate', kind: 'number', dir: 'desc' }).at(-1).code, '005935');
});

test('equal values keep the server order, so rows do not swap between updates', () => {
    assert.deepEqual(codes(sortRows(rows, { key: 'surge_rate', kind: 'number', dir: 'desc' })).slice(0, 2), [
        '000660',
        '000270',
    ]);
    assert.deepEqual(codes(sortRows(rows, { key: 'surge_rate', kind: 'number', dir: 'asc' })).slice(2, 4), [
        '000660',
        '000270',
    ]);
});

test('names sort in Korean dictionary order, Hangul before Latin as the ko-KR collation has it', () => {
    assert.deepEqual(
        sortRows(rows, { key: 'name', kind: 'name', dir: 'asc' }).map((row) => row.name),
        ['기아', '삼성전자', '삼성전자우', 'NAVER', 'SK하이닉스'],
    );
});

test('sorting does not change the rows it was given', () => {
    const before = codes(rows);
    sortRows(rows, { key: 'price', kind: 'number', dir: 'desc' });
    assert.deepEqual(codes(rows), before);
    assert.notEqual(sortRows(rows, null), rows);
});

test('a header click starts numbers from the largest and text from the first, the next click reverses', () => {
    const price = { key: 'price', kind: 'number', firstDescending: true };
    const name = { key: 'name', kind: 'name', firstDescending: false };
    assert.deepEqual(nextSort({ key: 'rank', dir: 'asc' }, price), { key: 'price', kind: 'number', dir: 'desc' });
    assert.deepEqual(nextSort({ key: 'price', dir: 'desc' }, price), { key: 'price', kind: 'number', dir: 'asc' });
    assert.deepEqual(nextSort({ key: 'price', dir: 'asc' }, name), { key: 'name', kind: 'name', dir: 'asc' });
});

test('bars scale to the largest positive value', () => {
    assert.equal(maxPositive(rows, 'surge_rate'), 300);
    assert.equal(maxPositive([{ x: -5 }, { x: null }], 'x'), 0);
});
