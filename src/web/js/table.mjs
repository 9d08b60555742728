// The ranking table: builds the header from the feed's columns, and keeps one <tr> per issue,
// updating its cells in place, so a new snapshot of 200 rows touches only what changed and the
// page holds no more rows than the current snapshot has.

import { columnsFor, columnsSignature } from './columns.mjs';
import { NULL_TEXT, directionLabel, directionTone, effectiveDirection, formatChange } from './format.mjs';
import { t } from './i18n.mjs';
import { describeMovement } from './movement.mjs';
import { maxPositive, nextSort, rowKey, visibleRows } from './rows.mjs';

const ARIA_SORT = { asc: 'ascending', desc: 'descending' };
const FLASH = ['flash-a', 'flash-b'];

function create(tag, className, text) {
    const element = document.createElement(tag);
    if (className) {
        element.className = className;
    }
    if (text !== undefined) {
        element.textContent = text;
    }
    return element;
}

function hideClass(column) {
    return column.hideBelow ? ` hide-${column.hideBelow}` : '';
}

function isNumeric(column) {
    return column.kind === 'number' || column.kind === 'change';
}

/**
 * One cell's element and what was last written to it, so unchanged cells are not touched. The
 * text lives in one Text node whose data is replaced, which is cheaper than textContent.
 */
class Cell {
    constructor(element, textTarget = element) {
        this.element = element;
        this.textNode = document.createTextNode('');
        textTarget.append(this.textNode);
        this.text = null;
        this.className = null;
        this.flip = 0;
        // The raw value the text was made from, to skip formatting what did not change.
        this.raw = undefined;
    }

    /** Writes text and class; with `flash`, a changed value briefly lights up. */
    set(text, className, flash) {
        const changed = text !== this.text;
        if (changed) {
            this.textNode.data = text;
        }
        if (changed || className !== this.className) {
            let cls = className;
            if (changed && flash && this.text !== null) {
                this.flip ^= 1;
                cls += ` ${FLASH[this.flip]}`;
            }
            this.element.className = cls;
            this.className = className;
        }
        this.text = text;
    }
}

/** The elements of one issue's row. */
class RowView {
    constructor(columns) {
        this.tr = create('tr');
        this.bar = null;
        this.cells = columns.map((column) => this.#createCell(column));
    }

    #createCell(column) {
        const hide = hideClass(column);
        switch (column.kind) {
            case 'rank': {
                const td = create('td', `rank${hide}`);
                const number = create('span', 'rank-num');
                const move = create('span', 'move');
                const moveText = create('span');
                moveText.setAttribute('aria-hidden', 'true');
                const moveLabel = create('span', 'visually-hidden');
                move.append(moveText, moveLabel);
                td.append(number, move);
                this.tr.append(td);
                return { number: new Cell(number), move: new Cell(move, moveText), moveLabel: new Cell(moveLabel) };
            }
            case 'name': {
                // The name heads its row for screen readers ("삼성전자, 현재가 …").
                const th = create('th', `name${hide}`);
                th.scope = 'row';
                const name = create('span', 'name-text');
                const venue = create('span', 'venue');
                const code = create('span', 'code-inline');
                th.append(name, venue, code);
                this.tr.append(th);
                return { name: new Cell(name), venue: new Cell(venue), code: new Cell(code) };
            }
            default: {
                const td = create('td');
                let target = td;
                if (column.bar) {
                    const bar = create('span', 'bar');
                    bar.setAttribute('aria-hidden', 'true');
                    target = create('span', 'bar-value');
                    td.append(bar, target);
                    this.bar = { td, width: null };
                }
                this.tr.append(td);
                const value = new Cell(td, target);
                if (column.kind !== 'change') {
                    return { value };
                }
                // The marks (▲ ↑ ▼ ↓) and colours say the direction to the eye; this says it aloud.
                const label = create('span', 'visually-hidden');
                td.append(label);
                return { value, direction: new Cell(label) };
            }
        }
    }
}

export class RankingTable {
    #table;
    #thead;
    #tbody;
    #caption;
    #emptyNote;
    #onSort;
    #columns = [];
    #signature = null;
    #feedId = null;
    #version = null;
    #sort = null;
    #rows = new Map();
    #order = [];

    /**
     * table: the <table> (with <caption>, <thead>, <tbody>); emptyNote: the element that says why
     * the table is empty; onSort(sort): called with the next sort when a header is activated.
     */
    constructor(table, emptyNote, { onSort }) {
        this.#table = table;
        this.#thead = table.tHead ?? table.createTHead();
        this.#tbody = table.tBodies[0] ?? table.createTBody();
        this.#caption = table.caption;
        this.#emptyNote = emptyNote;
        this.#onSort = onSort;
        this.#thead.addEventListener('click', (event) => {
            const button = event.target.closest('button[data-key]');
            const column = button && this.#columns.find((c) => c.key === button.dataset.key);
            if (column) {
                this.#onSort(nextSort(this.#sort, column));
            }
        });
    }

    /**
     * Shows a feed's ranking.
     *   snapshot:  the ranking body of the API (or null while none has arrived)
     *   movements: Map rowKey → movement (see movement.mjs)
     *   sort:      { key, kind, dir }; query: the filter text; caption: what the table shows
     */
    render({ feedId, snapshot, movements, sort, query, caption }) {
        const rows = Array.isArray(snapshot?.data) ? snapshot.data : [];
        const columns = rows.length > 0 || !this.#columns.length ? columnsFor(rows) : this.#columns;
        const signature = columnsSignature(columns);
        if (feedId !== this.#feedId || signature !== this.#signature) {
            this.#reset(feedId, columns, signature);
        }
        const newVersion = snapshot?.version !== this.#version;
        this.#version = snapshot?.version ?? null;
        this.#sort = sort;
        this.#updateSortIndicators();

        const shown = visibleRows(rows, { query, sort });
        const barColumn = this.#columns.find((c) => c.bar);
        const barMax = barColumn ? maxPositive(rows, barColumn.key) : 0;
        const keys = [];
        const present = new Set();
        for (const row of rows) {
            present.add(rowKey(row));
        }
        for (const row of shown) {
            const key = rowKey(row);
            let view = this.#rows.get(key);
            const isNew = !view;
            if (isNew) {
                view = new RowView(this.#columns);
                this.#rows.set(key, view);
            }
            this.#fill(view, row, movements?.get(key), barColumn, barMax, newVersion && !isNew);
            keys.push(key);
        }
        // Forget issues that left the ranking; keep those only hidden by the filter.
        for (const key of this.#rows.keys()) {
            if (!present.has(key)) {
                this.#rows.delete(key);
            }
        }
        if (keys.length !== this.#order.length || keys.some((key, i) => key !== this.#order[i])) {
            this.#reorder(keys);
        }

        this.#table.dataset.feed = feedId ?? '';
        this.#table.dataset.version = String(snapshot?.version ?? '');
        this.#table.dataset.rows = String(keys.length);
        if (this.#caption && this.#caption.textContent !== caption) {
            this.#caption.textContent = caption;
        }
        const emptyText = this.#emptyText(snapshot, rows, shown, query);
        this.#emptyNote.hidden = emptyText === null;
        this.#emptyNote.textContent = emptyText ?? '';
    }

    /** Puts the rows in the given order, moving only those that are out of place. */
    #reorder(keys) {
        let cursor = this.#tbody.firstChild;
        for (const key of keys) {
            const tr = this.#rows.get(key).tr;
            if (tr === cursor) {
                cursor = cursor.nextSibling;
            } else {
                this.#tbody.insertBefore(tr, cursor);
            }
        }
        while (cursor) {
            const next = cursor.nextSibling;
            cursor.remove();
            cursor = next;
        }
        this.#order = keys;
    }

    #emptyText(snapshot, rows, shown, query) {
        if (!snapshot) {
            return t('table.loading');
        }
        if (rows.length === 0) {
            return t('table.noRows');
        }
        if (shown.length === 0) {
            return t('table.noMatch', query);
        }
        return null;
    }

    #reset(feedId, columns, signature) {
        this.#feedId = feedId;
        this.#columns = columns;
        this.#signature = signature;
        this.#version = null;
        this.#rows.clear();
        this.#order = [];
        this.#tbody.replaceChildren();
        const tr = create('tr');
        for (const column of columns) {
            const th = create('th', `${isNumeric(column) ? 'num' : column.kind}${hideClass(column)}`);
            th.scope = 'col';
            const button = create('button', 'sort');
            button.type = 'button';
            button.dataset.key = column.key;
            if (column.title) {
                button.title = column.title;
            }
            const indicator = create('span', 'sort-indicator');
            indicator.setAttribute('aria-hidden', 'true');
            button.append(create('span', 'label', column.label), indicator);
            th.append(button);
            tr.append(th);
        }
        this.#thead.replaceChildren(tr);
    }

    #updateSortIndicators() {
        for (const th of this.#thead.querySelectorAll('th')) {
            const key = th.querySelector('button')?.dataset.key;
            const aria = key === this.#sort?.key ? ARIA_SORT[this.#sort.dir] : null;
            if (aria) {
                th.setAttribute('aria-sort', aria);
            } else {
                th.removeAttribute('aria-sort');
            }
        }
    }

    #fill(view, row, movement, barColumn, barMax, flash) {
        const direction = effectiveDirection(row.direction, row.change);
        const tone = directionTone(direction);
        const invalid = Array.isArray(row.invalid_fields) ? row.invalid_fields : [];
        const label = directionLabel(direction);
        const limit = direction === 'upper_limit' || direction === 'lower_limit';
        this.#columns.forEach((column, i) => {
            const cell = view.cells[i];
            const hide = hideClass(column);
            switch (column.kind) {
                case 'rank': {
                    const { text, label: moveLabel } = describeMovement(movement);
                    cell.number.set(String(row.rank ?? NULL_TEXT), 'rank-num');
                    cell.move.set(text, `move ${movement?.kind ?? 'none'}`);
                    cell.moveLabel.set(moveLabel ? `(${moveLabel})` : '', 'visually-hidden');
                    break;
                }
                case 'name':
                    cell.name.set(row.name ?? NULL_TEXT, 'name-text');
                    cell.venue.set(row.venue ?? '', row.venue ? 'venue' : 'venue empty');
                    cell.code.set(String(row.code ?? ''), 'code-inline');
                    break;
                case 'code':
                    cell.value.set(String(row.code ?? NULL_TEXT), `code${hide}`);
                    break;
                default: {
                    const value = row[column.key];
                    const bad = invalid.includes(column.key);
                    // The same value, direction and validity give the same cell: skip formatting.
                    const raw = `${value}|${column.tone ? direction : ''}|${bad}`;
                    if (raw === cell.value.raw) {
                        break;
                    }
                    cell.value.raw = raw;
                    const text = column.kind === 'change' ? formatChange(value, row.direction) : column.format(value);
                    const toneClass = column.tone ? ` tone-${tone}${limit ? ' limit' : ''}` : '';
                    cell.value.set(
                        text,
                        `num${toneClass}${bad ? ' invalid' : ''}${column.bar ? ' bar-cell' : ''}${hide}`,
                        flash && column.flash,
                    );
                    const cellTitle = bad ? t('table.invalid') : '';
                    if (cell.value.element.title !== cellTitle) {
                        cell.value.element.title = cellTitle;
                    }
                    cell.direction?.set(label && typeof value === 'number' ? ` (${label})` : '', 'visually-hidden');
                    break;
                }
            }
        });
        if (view.bar && barColumn) {
            const value = row[barColumn.key];
            const width =
                typeof value === 'number' && value > 0 && barMax > 0 ? Math.round((value / barMax) * 1000) / 1000 : 0;
            if (view.bar.width !== width) {
                // CSSOM, not a style attribute: the page's CSP forbids inline styles.
                view.bar.td.style.setProperty('--bar', String(width));
                view.bar.width = width;
            }
        }
    }
}
