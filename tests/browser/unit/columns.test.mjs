// Which columns a feed's rows get (src/web/js/columns.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnsFor, columnsSignature } from '../../../src/web/js/columns.mjs';

const surgeRow = {
    rank: 1,
    code: '990034',
    name: '가상코스피034',
    price: 4210,
    direction: 'up',
    change: 145,
    change_rate: 3.57,
    prev_volume: 965388,
    volume: 4902578,
    surge_volume: 3937190,
    surge_rate: 407.83,
};
const todayRow = {
    rank: 1,
    code: '005930',
    name: '삼성전자',
    price: 71000,
    direction: 'up',
    change: 500,
    change_rate: 0.71,
    volume: 12000000,
    volume_vs_prev_day: 130.5,
    turnover_ratio: 0.2,
    turnover_million_krw: 852000,
};

test('an opt10023 feed shows the surge columns with Korean headers and a bar on the surge rate', () => {
    const columns = columnsFor([surgeRow]);
    assert.deepEqual(
        columns.map((c) => c.label),
        ['순위', '종목코드', '종목명', '현재가', '전일대비', '등락률', '이전거래량', '현재거래량', '급증량', '급증률'],
    );
    assert.deepEqual(
        columns.filter((c) => c.bar).map((c) => c.key),
        ['surge_rate'],
    );
});

test('an opt10030 feed shows volume, turnover ratio and traded value', () => {
    const columns = columnsFor([todayRow]);
    assert.deepEqual(
        columns.map((c) => c.key),
        [
            'rank',
            'code',
            'name',
            'price',
            'change',
            'change_rate',
            'volume',
            'volume_vs_prev_day',
            'turnover_ratio',
            'turnover_million_krw',
        ],
    );
    assert.equal(columns.find((c) => c.key === 'volume').label, '거래량');
    assert.equal(columns.find((c) => c.key === 'turnover_million_krw').format(852000), '8,520억');
});

test('fields the page does not know become plain number columns at the end', () => {
    const columns = columnsFor([{ ...surgeRow, foreign_ratio: 12.5 }]);
    const last = columns.at(-1);
    assert.equal(last.key, 'foreign_ratio');
    assert.equal(last.format(12.5), '12.50');
    assert.equal(last.format(3), '3');
    assert.equal(last.format(null), '–');
});

test('direction, venue and invalid_fields are not columns', () => {
    const keys = columnsFor([{ ...surgeRow, venue: 'NXT', invalid_fields: ['change'] }]).map((c) => c.key);
    assert.ok(!keys.includes('direction') && !keys.includes('venue') && !keys.includes('invalid_fields'));
});

test('an empty ranking still has rank, code, name and price', () => {
    assert.deepEqual(
        columnsFor([]).map((c) => c.key),
        ['rank', 'code', 'name', 'price'],
    );
});

test('numbers sort from the largest first, text and rank from the first', () => {
    const byKey = Object.fromEntries(columnsFor([surgeRow]).map((c) => [c.key, c]));
    assert.equal(byKey.surge_rate.firstDescending, true);
    assert.equal(byKey.change.firstDescending, true);
    assert.equal(byKey.rank.firstDescending, false);
    assert.equal(byKey.name.firstDescending, false);
});

test('a phone keeps rank, name, price, change rate and surge rate', () => {
    const kept = columnsFor([surgeRow])
        .filter((c) => !c.hideBelow)
        .map((c) => c.key);
    assert.deepEqual(kept, ['rank', 'name', 'price', 'change_rate', 'surge_rate']);
});

test('the signature tells the two TRs apart', () => {
    assert.notEqual(columnsSignature(columnsFor([surgeRow])), columnsSignature(columnsFor([todayRow])));
    assert.equal(columnsSignature(columnsFor([surgeRow])), columnsSignature(columnsFor([{ ...surgeRow, rank: 2 }])));
});
