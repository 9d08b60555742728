// Rank movement since the previous snapshot of a feed. Pure: no DOM, unit-tested in Node.

import { t } from './i18n.mjs';
import { rowKey } from './rows.mjs';

/**
 * A row's movement between two snapshots:
 *   { kind: 'up', by: 3 }   three places higher (rank 7 → 4)
 *   { kind: 'down', by: 2 } two places lower
 *   { kind: 'same', by: 0 }
 *   { kind: 'new', by: 0 }  not in the previous snapshot
 */
export function movementOf(previousRank, rank) {
    if (previousRank === undefined) {
        return { kind: 'new', by: 0 };
    }
    if (typeof previousRank !== 'number' || typeof rank !== 'number' || previousRank === rank) {
        return { kind: 'same', by: 0 };
    }
    return rank < previousRank ? { kind: 'up', by: previousRank - rank } : { kind: 'down', by: rank - previousRank };
}

function ranksOf(rows) {
    const ranks = new Map();
    for (const row of rows) {
        ranks.set(rowKey(row), row.rank);
    }
    return ranks;
}

/**
 * Follows one feed's snapshots and says how each row moved since the snapshot before the
 * current one. The baseline is the previous *version*: a snapshot that only flips `stale` or
 * `market_open` keeps its version and its movements. The first snapshot a page sees has nothing
 * to compare with, so it shows no movement at all rather than marking every row new.
 * Memory stays bounded: only the current and the previous ranks are kept.
 */
export class RankTracker {
    constructor() {
        this.version = null;
        this.ranks = null;
        this.movements = new Map();
    }

    /** Takes a snapshot ({version, data}); returns Map rowKey → movement (empty without a baseline). */
    update(snapshot) {
        const rows = Array.isArray(snapshot?.data) ? snapshot.data : [];
        if (snapshot?.version === this.version) {
            return this.movements;
        }
        const previous = this.ranks;
        this.version = snapshot?.version ?? null;
        this.ranks = ranksOf(rows);
        this.movements = new Map();
        if (previous && previous.size > 0) {
            for (const row of rows) {
                const key = rowKey(row);
                this.movements.set(key, movementOf(previous.get(key), row.rank));
            }
        }
        return this.movements;
    }

    /** The movement of one row of the current snapshot, or undefined without a baseline. */
    movementOf(row) {
        return this.movements.get(rowKey(row));
    }
}

/** Text and accessible label for a movement: "▲3" / "3계단 상승", "NEW" / "신규 진입", "" when unchanged. */
export function describeMovement(movement) {
    switch (movement?.kind) {
        case 'up':
            return { text: `▲${movement.by}`, label: t('movement.up', movement.by) };
        case 'down':
            return { text: `▼${movement.by}`, label: t('movement.down', movement.by) };
        case 'new':
            return { text: 'NEW', label: t('movement.new') };
        default:
            // Unchanged or unknown: nothing, so that only the movers catch the eye (and the ear).
            return { text: '', label: '' };
    }
}
