// Rank movement between snapshots of a feed (src/web/js/movement.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RankTracker, describeMovement, movementOf } from '../../../src/web/js/movement.mjs';

const snapshot = (version, codes) => ({ version, data: codes.map((code, i) => ({ rank: i + 1, code, name: code })) });

test('a rank that got smaller moved up, a larger one moved down', () => {
    assert.deepEqual(movementOf(7, 4), { kind: 'up', by: 3 });
    assert.deepEqual(movementOf(2, 5), { kind: 'down', by: 3 });
    assert.deepEqual(movementOf(3, 3), { kind: 'same', by: 0 });
    assert.deepEqual(movementOf(undefined, 1), { kind: 'new', by: 0 });
});

test('the first snapshot a page sees shows no movement at all', () => {
    const tracker = new RankTracker();
    assert.equal(tracker.update(snapshot(5, ['A', 'B', 'C'])).size, 0);
    assert.equal(tracker.movementOf({ code: 'A' }), undefined);
});

test('the next version shows each row against the previous one, and new entries', () => {
    const tracker = new RankTracker();
    tracker.update(snapshot(1, ['A', 'B', 'C']));
    tracker.update(snapshot(2, ['C', 'A', 'D']));
    assert.deepEqual(tracker.movementOf({ code: 'C' }), { kind: 'up', by: 2 });
    assert.deepEqual(tracker.movementOf({ code: 'A' }), { kind: 'down', by: 1 });
    assert.deepEqual(tracker.movementOf({ code: 'D' }), { kind: 'new', by: 0 });
    assert.equal(tracker.movementOf({ code: 'B' }), undefined);
});

test('a snapshot that only flips stale keeps its version and its movements', () => {
    const tracker = new RankTracker();
    tracker.update(snapshot(1, ['A', 'B']));
    tracker.update(snapshot(2, ['B', 'A']));
    const flagsOnly = { ...snapshot(2, ['B', 'A']), stale: true };
    assert.deepEqual(tracker.update(flagsOnly).get('B'), { kind: 'up', by: 1 });
});

test('movement is counted against the version just before, not the first one seen', () => {
    const tracker = new RankTracker();
    tracker.update(snapshot(1, ['A', 'B', 'C']));
    tracker.update(snapshot(2, ['B', 'A', 'C']));
    tracker.update(snapshot(3, ['B', 'A', 'C']));
    assert.deepEqual(tracker.movementOf({ code: 'B' }), { kind: 'same', by: 0 });
});

test('the same code on another venue is another row', () => {
    const tracker = new RankTracker();
    tracker.update({ version: 1, data: [{ rank: 1, code: '005930' }] });
    tracker.update({
        version: 2,
        data: [
            { rank: 1, code: '005930', venue: 'NXT' },
            { rank: 2, code: '005930' },
        ],
    });
    assert.deepEqual(tracker.movementOf({ code: '005930', venue: 'NXT' }), { kind: 'new', by: 0 });
    assert.deepEqual(tracker.movementOf({ code: '005930' }), { kind: 'down', by: 1 });
});

test('after an empty snapshot the next one has no baseline', () => {
    const tracker = new RankTracker();
    tracker.update({ version: 0, data: [] });
    assert.equal(tracker.update(snapshot(1, ['A'])).size, 0);
});

test('the tracker keeps only the latest two snapshots over many updates', () => {
    const tracker = new RankTracker();
    for (let version = 1; version <= 2000; version++) {
        tracker.update(snapshot(version, [`X${version}`, `Y${version % 7}`]));
    }
    assert.equal(tracker.ranks.size, 2);
    assert.equal(tracker.movements.size, 2);
});

test('movements read as arrows with Korean labels', () => {
    assert.deepEqual(describeMovement({ kind: 'up', by: 3 }), { text: '▲3', label: '3계단 상승' });
    assert.deepEqual(describeMovement({ kind: 'down', by: 2 }), { text: '▼2', label: '2계단 하락' });
    assert.deepEqual(describeMovement({ kind: 'new', by: 0 }), { text: 'NEW', label: '신규 진입' });
    assert.deepEqual(describeMovement({ kind: 'same', by: 0 }), { text: '', label: '' });
    assert.deepEqual(describeMovement(undefined), { text: '', label: '' });
});
