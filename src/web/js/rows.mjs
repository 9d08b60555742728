// Filtering and sorting the ranking's rows. Pure: no DOM, unit-tested in Node.

/** A row's identity across snapshots: its code, plus the venue when the server sent one (NXT, SOR). */
export function rowKey(row) {
    return row.venue ? `${row.code}:${row.venue}` : String(row.code);
}

// Hangul syllables are U+AC00 + (initial × 21 + medial) × 28 + final; the 19 initials, as the
// compatibility jamo a Korean keyboard types, let "ㅅㅅㅈㅈ" find 삼성전자 (초성 검색).
const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const SYLLABLES_PER_INITIAL = 21 * 28;
const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const INITIALS_ONLY = /^[ㄱ-ㅎ]+$/u;

/** The initial consonants of a text's Hangul syllables; other characters stay as they are. */
export function initialConsonants(text) {
    let out = '';
    for (const ch of text) {
        const code = ch.codePointAt(0);
        out +=
            code >= HANGUL_FIRST && code <= HANGUL_LAST
                ? INITIALS[Math.floor((code - HANGUL_FIRST) / SYLLABLES_PER_INITIAL)]
                : ch;
    }
    return out;
}

/**
 * Whether a row matches what the user typed: part of the name (case-insensitive, spaces
 * ignored), part of the code, or the name's initial consonants (ㅅㅅ finds 삼성전자). An empty
 * query matches every row.
 */
export function matchesQuery(row, query) {
    const q = normalize(query);
    if (!q) {
        return true;
    }
    const name = normalize(row.name ?? '');
    if (
        name.includes(q) ||
        String(row.code ?? '')
            .toLowerCase()
            .includes(q)
    ) {
        return true;
    }
    return INITIALS_ONLY.test(q) && initialConsonants(name).includes(q);
}

function normalize(text) {
    return String(text).normalize('NFC').toLowerCase().replace(/\s+/gu, '');
}

const collator = new Intl.Collator('ko-KR', { numeric: true });

function compareValues(a, b, kind) {
    if (kind === 'name' || kind === 'code' || kind === 'text') {
        return collator.compare(String(a), String(b));
    }
    return a - b;
}

function sortValue(row, key) {
    const value = row[key];
    return typeof value === 'number' || typeof value === 'string' ? value : null;
}

/**
 * The rows sorted by one column. Missing values (null) go last in both directions; ties keep
 * the server's order (by rank), so a sort never shuffles equal rows between updates.
 *   sort: { key, dir: 'asc' | 'desc', kind }
 */
export function sortRows(rows, sort) {
    const { key, dir = 'asc', kind = 'number' } = sort ?? {};
    const indexed = rows.map((row, index) => ({ row, index }));
    if (!key) {
        return rows.slice();
    }
    const sign = dir === 'desc' ? -1 : 1;
    indexed.sort((x, y) => {
        const a = sortValue(x.row, key);
        const b = sortValue(y.row, key);
        if (a === null || b === null) {
            if (a === b) {
                return x.index - y.index;
            }
            return a === null ? 1 : -1;
        }
        return sign * compareValues(a, b, kind) || x.index - y.index;
    });
    return indexed.map((entry) => entry.row);
}

/** The rows to show: those matching the query, in the chosen order. */
export function visibleRows(rows, { query = '', sort } = {}) {
    return sortRows(
        rows.filter((row) => matchesQuery(row, query)),
        sort,
    );
}

/**
 * The next sort after a click on a column's header: a new column starts in its natural
 * direction (largest first for numbers, 가나다 order for text, rank 1 first); a second click on
 * the same column reverses it.
 */
export function nextSort(current, column) {
    if (current?.key === column.key) {
        return { key: column.key, kind: column.kind, dir: current.dir === 'asc' ? 'desc' : 'asc' };
    }
    return { key: column.key, kind: column.kind, dir: column.firstDescending ? 'desc' : 'asc' };
}

/** The largest positive value of a field among the rows, for scaling inline bars; 0 when none. */
export function maxPositive(rows, key) {
    let max = 0;
    for (const row of rows) {
        const value = row[key];
        if (typeof value === 'number' && value > max) {
            max = value;
        }
    }
    return max;
}
