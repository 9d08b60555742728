// Korean number, rate, price-change and time formatting of the dashboard (src/web/js/format.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    NULL_TEXT,
    ageSeconds,
    directionLabel,
    directionTone,
    effectiveDirection,
    formatAge,
    formatChange,
    formatDecimal,
    formatEokFromMillions,
    formatInteger,
    formatKstTime,
    formatPercent,
    formatSignedInteger,
    formatSignedPercent,
} from '../../../src/web/js/format.mjs';

test('prices and volumes get thousands separators', () => {
    assert.equal(formatInteger(4902578), '4,902,578');
    assert.equal(formatInteger(4210), '4,210');
    assert.equal(formatInteger(0), '0');
});

test('null, missing and non-finite values render as a dash', () => {
    for (const value of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY, '12']) {
        assert.equal(formatInteger(value), NULL_TEXT);
        assert.equal(formatSignedPercent(value), NULL_TEXT);
        assert.equal(formatChange(value, 'up'), NULL_TEXT);
        assert.equal(formatEokFromMillions(value), NULL_TEXT);
    }
    assert.equal(NULL_TEXT, '–');
});

test('rates are signed with two decimals and a percent sign', () => {
    assert.equal(formatSignedPercent(3.57), '+3.57%');
    assert.equal(formatSignedPercent(-1.22), '-1.22%');
    assert.equal(formatSignedPercent(0), '0.00%');
    assert.equal(formatSignedPercent(2110.17), '+2,110.17%');
    assert.equal(formatSignedPercent(29.999), '+30.00%');
});

test('a rate that rounds to zero shows no sign', () => {
    assert.equal(formatSignedPercent(-0.001), '0.00%');
});

test('rates without a direction of their own are unsigned', () => {
    assert.equal(formatPercent(12.3), '12.30%');
    assert.equal(formatDecimal(1234.5), '1,234.50');
});

test('signed amounts keep their sign', () => {
    assert.equal(formatSignedInteger(3937190), '+3,937,190');
    assert.equal(formatSignedInteger(-1200), '-1,200');
    assert.equal(formatSignedInteger(0), '0');
});

test('the change shows the direction mark and the absolute amount', () => {
    assert.equal(formatChange(145, 'up'), '▲ 145');
    assert.equal(formatChange(-335, 'down'), '▼ 335');
    assert.equal(formatChange(5650, 'upper_limit'), '↑ 5,650');
    assert.equal(formatChange(-9870, 'lower_limit'), '↓ 9,870');
    assert.equal(formatChange(0, 'unchanged'), '0');
});

test('without a direction the change takes its mark from its sign', () => {
    assert.equal(formatChange(-20, null), '▼ 20');
    assert.equal(formatChange(20, undefined), '▲ 20');
    assert.equal(effectiveDirection(null, 0), 'unchanged');
    assert.equal(effectiveDirection(null, null), null);
    assert.equal(effectiveDirection('bogus', -5), 'down');
});

test('directions map to Korean colours and names', () => {
    assert.equal(directionTone('upper_limit'), 'up');
    assert.equal(directionTone('up'), 'up');
    assert.equal(directionTone('unchanged'), 'flat');
    assert.equal(directionTone('down'), 'down');
    assert.equal(directionTone('lower_limit'), 'down');
    assert.equal(directionTone(null), 'flat');
    assert.deepEqual(['upper_limit', 'up', 'unchanged', 'down', 'lower_limit'].map(directionLabel), [
        '상한',
        '상승',
        '보합',
        '하락',
        '하한',
    ]);
});

test('traded value in millions of won reads in 억', () => {
    assert.equal(formatEokFromMillions(123456), '1,235억');
    assert.equal(formatEokFromMillions(5432), '54.3억');
    assert.equal(formatEokFromMillions(50), '0.5억');
});

test('ages read as Korean relative times', () => {
    assert.equal(formatAge(0.4), '방금');
    assert.equal(formatAge(12), '12초 전');
    assert.equal(formatAge(185), '3분 5초 전');
    assert.equal(formatAge(120), '2분 전');
    assert.equal(formatAge(7800), '2시간 10분 전');
    assert.equal(formatAge(3 * 86400 + 5), '3일 전');
    assert.equal(formatAge(null), NULL_TEXT);
});

test('API times show as KST wall-clock, with the date only on another day', () => {
    const now = new Date('2026-11-25T09:20:00+09:00');
    assert.equal(formatKstTime('2026-11-25T09:14:12+09:00', now), '09:14:12');
    assert.equal(formatKstTime('2026-11-24T15:30:02+09:00', now), '11.24 15:30:02');
    // The same instant written in UTC is still shown in KST.
    assert.equal(formatKstTime('2026-11-25T00:14:12Z', now), '09:14:12');
    assert.equal(formatKstTime(null, now), NULL_TEXT);
    assert.equal(formatKstTime('garbage', now), NULL_TEXT);
});

test('the age of an API time is counted in seconds', () => {
    const now = Date.parse('2026-11-25T09:14:22+09:00');
    assert.equal(ageSeconds('2026-11-25T09:14:12+09:00', now), 10);
    assert.equal(ageSeconds('2026-11-25T09:14:32+09:00', now), 0);
    assert.equal(ageSeconds(null, now), null);
});
