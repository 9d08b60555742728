// Which columns a ranking gets, and how each one reads. Pure: no DOM, unit-tested in Node.
//
// A feed's rows carry the fields of its TR (docs/api.md, "Row fields"): opt10023 has the surge
// fields, opt10030 today's volume and turnover. The table shows the known fields that the rows
// actually have, in the order below, and any field it does not know as a plain number column at
// the end, so a TR added to the daemon later still shows without breaking the page.

import {
    NULL_TEXT,
    formatChange,
    formatDecimal,
    formatEokFromMillions,
    formatInteger,
    formatPercent,
    formatSignedInteger,
    formatSignedPercent,
} from './format.mjs';
import { hasText, t } from './i18n.mjs';

/**
 * label, title: from the catalogue (column.<key>, column.<key>.title), in the current language
 * kind:   how the cell is rendered and sorted ('rank', 'code', 'name' and 'text' sort as text
 *         or rank, the others as numbers)
 * tone:   the cell is coloured by the row's direction (red up, blue down)
 * bar:    the cell carries an inline bar scaled to the largest value in the table
 * flash:  a new value lights up briefly (only the price, as on HTS screens: in a surge ranking
 *         nearly every volume changes with every snapshot, and 200 blinking rows say nothing)
 * hideBelow: 'wide', 'tablet' or 'phone': the column is dropped on screens narrower than that
 *         (table.css: 1200, 900 and 560 px), so the table fits without scrolling sideways; without
 *         its column, the code shows under the name
 * firstDescending: the first click on the header sorts from the largest value down
 */
const KNOWN_COLUMNS = [
    { key: 'rank', kind: 'rank' },
    { key: 'code', kind: 'code', hideBelow: 'wide' },
    { key: 'name', kind: 'name' },
    { key: 'price', kind: 'number', format: formatInteger, tone: true, flash: true },
    { key: 'change', kind: 'change', format: formatChange, tone: true, hideBelow: 'tablet' },
    { key: 'change_rate', kind: 'number', format: formatSignedPercent, tone: true },
    { key: 'prev_volume', kind: 'number', format: formatInteger, hideBelow: 'wide' },
    { key: 'volume', kind: 'number', format: formatInteger },
    { key: 'surge_volume', kind: 'number', format: formatSignedInteger, hideBelow: 'wide' },
    { key: 'surge_rate', kind: 'number', format: formatSignedPercent, bar: true },
    {
        key: 'volume_vs_prev_day',

        kind: 'number',
        format: formatPercent,
        bar: true,
        hideBelow: 'phone',
    },
    {
        key: 'turnover_ratio',

        kind: 'number',
        format: formatPercent,
        hideBelow: 'wide',
    },
    {
        key: 'turnover_million_krw',

        kind: 'number',
        format: formatEokFromMillions,
        hideBelow: 'tablet',
    },
];

/** Row members that are not columns of their own. */
const NOT_COLUMNS = new Set(['direction', 'venue', 'invalid_fields']);

for (const column of KNOWN_COLUMNS) {
    column.firstDescending = column.kind === 'number' || column.kind === 'change';
}

/**
 * The columns for a set of rows: every known column that at least one row has (rank, code,
 * name and price always), then unknown fields in the order first seen. Only the first rows are
 * looked at: every row of a feed has the same fields.
 */
export function columnsFor(rows, sample = 20) {
    const present = new Set(['rank', 'code', 'name', 'price']);
    const unknown = [];
    const known = new Set(KNOWN_COLUMNS.map((c) => c.key));
    for (const row of rows.slice(0, sample)) {
        for (const key of Object.keys(row)) {
            present.add(key);
            if (!known.has(key) && !NOT_COLUMNS.has(key) && !unknown.includes(key)) {
                unknown.push(key);
            }
        }
    }
    const columns = KNOWN_COLUMNS.filter((c) => present.has(c.key)).map((c) => ({
        ...c,
        label: t(`column.${c.key}`),
        title: hasText(`column.${c.key}.title`) ? t(`column.${c.key}.title`) : undefined,
    }));
    const volume = columns.find((c) => c.key === 'volume');
    if (volume && present.has('prev_volume')) {
        // In opt10023 `volume` is the volume now, next to the comparison volume. Next to the surge
        // columns it is secondary: a small screen shows the surge rate.
        volume.label = t('column.volume.surge');
        volume.hideBelow = 'tablet';
    }
    for (const key of unknown) {
        columns.push({ key, label: key, kind: 'number', format: formatUnknown, firstDescending: true });
    }
    // A bar makes sense on one column only: the first that asks for one.
    let barTaken = false;
    for (const column of columns) {
        column.bar = Boolean(column.bar) && !barTaken;
        barTaken ||= column.bar;
    }
    return columns;
}

function formatUnknown(value) {
    if (typeof value === 'number') {
        return Number.isInteger(value) ? formatInteger(value) : formatDecimal(value);
    }
    return value === null || value === undefined ? NULL_TEXT : String(value);
}

/** A key that says whether two column lists are the same, to know when the header must be rebuilt. */
export function columnsSignature(columns) {
    return columns.map((c) => `${c.key}:${c.label}`).join('|');
}
