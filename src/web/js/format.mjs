// Korean market formatting of the ranking's values, in the page's language. Pure functions: no DOM, unit-tested in Node.
//
// Conventions (as on Korean HTS screens): prices and volumes in full digits with thousands
// separators; rates signed with two decimals (+3.57%); the change against the previous close as a
// direction mark followed by the absolute amount (▲ 145, ▼ 335, ↑ for 상한, ↓ for 하한); rising
// values red, falling ones blue. Traded value (거래대금) is shown in 억원 (100 million KRW).

import { language, locale, t } from './i18n.mjs';

/** What a missing or unreadable value (null in the API) is rendered as. */
export const NULL_TEXT = '–';

// One set of formatters per locale, made when first needed: the page switches language live.
const formatters = new Map();
function fmt() {
    const tag = locale();
    let set = formatters.get(tag);
    if (!set) {
        set = {
            integer: new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }),
            rate: new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
            signedRate: new Intl.NumberFormat(tag, {
                minimumFractionDigits: 2,
                maximumFractionDigits: 2,
                signDisplay: 'exceptZero',
            }),
            signedInteger: new Intl.NumberFormat(tag, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }),
            oneDecimal: new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }),
        };
        formatters.set(tag, set);
    }
    return set;
}

const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);

/** 4902578 → "4,902,578"; null → "–". */
export function formatInteger(value) {
    return isNumber(value) ? fmt().integer.format(value) : NULL_TEXT;
}

/** 3937190 → "+3,937,190", -1200 → "-1,200", 0 → "0". */
export function formatSignedInteger(value) {
    return isNumber(value) ? fmt().signedInteger.format(value) : NULL_TEXT;
}

/** 3.57 → "+3.57%", -1.22 → "-1.22%", 0 → "0.00%". */
export function formatSignedPercent(value) {
    return isNumber(value) ? `${fmt().signedRate.format(value)}%` : NULL_TEXT;
}

/** A number with two decimals and no unit: 1234.5 → "1,234.50". */
export function formatDecimal(value) {
    return isNumber(value) ? fmt().rate.format(value) : NULL_TEXT;
}

/** A rate without a sign of its own meaning, e.g. a turnover ratio: 12.3 → "12.30%". */
export function formatPercent(value) {
    return isNumber(value) ? `${fmt().rate.format(value)}%` : NULL_TEXT;
}

/**
 * Traded value given in millions of KRW (opt10030's 거래금액) as 억원: 123456 → "1,235억",
 * 5432 → "54.3억"; in English as billions: "123.5B", "5.4B". Below 100 units one decimal is
 * kept, so small values do not all read "0억".
 */
export function formatEokFromMillions(millions) {
    if (!isNumber(millions)) {
        return NULL_TEXT;
    }
    const korean = language() === 'ko';
    const amount = korean ? millions / 100 : millions / 1000;
    const text = Math.abs(amount) < 100 ? fmt().oneDecimal.format(amount) : fmt().integer.format(amount);
    return korean ? `${text}억` : `${text}B`;
}

/** The API's directions, with their HTS marks (the names are in the catalogue). */
const DIRECTIONS = {
    upper_limit: { tone: 'up', mark: '↑' },
    up: { tone: 'up', mark: '▲' },
    unchanged: { tone: 'flat', mark: '' },
    down: { tone: 'down', mark: '▼' },
    lower_limit: { tone: 'down', mark: '↓' },
};

/**
 * The direction to show for a row: the API's `direction`, or, when that is null, the sign of
 * `change` (a row whose direction could not be read still has a signed change most of the time).
 */
export function effectiveDirection(direction, change) {
    if (direction && Object.hasOwn(DIRECTIONS, direction)) {
        return direction;
    }
    if (isNumber(change)) {
        return change > 0 ? 'up' : change < 0 ? 'down' : 'unchanged';
    }
    return null;
}

/** 'up' (red), 'down' (blue) or 'flat' for a direction; 'flat' when it is unknown. */
export function directionTone(direction) {
    return DIRECTIONS[direction]?.tone ?? 'flat';
}

/** 상한, 상승, 보합, 하락, 하한 (upper limit, up, …); '' when unknown. */
export function directionLabel(direction) {
    return Object.hasOwn(DIRECTIONS, direction ?? '') ? t(`direction.${direction}`) : '';
}

/** ↑ ▲ ▼ ↓, or '' for 보합 and unknown. */
export function directionMark(direction) {
    return DIRECTIONS[direction]?.mark ?? '';
}

/**
 * The 전일대비 cell: the direction's mark and the absolute change, "▲ 145", "↓ 9,870", "0";
 * "–" when the change is unreadable.
 */
export function formatChange(change, direction) {
    if (!isNumber(change)) {
        return NULL_TEXT;
    }
    const mark = directionMark(effectiveDirection(direction, change));
    const amount = fmt().integer.format(Math.abs(change));
    return mark ? `${mark} ${amount}` : amount;
}

const SECOND = 1;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * An age in seconds as text: "방금", "12초 전", "3분 5초 전", "2시간 10분 전", "3일 전" (in
 * English "just now", "12 s ago", "3 min 5 s ago", …).
 */
export function formatAge(seconds) {
    if (!isNumber(seconds)) {
        return NULL_TEXT;
    }
    const s = Math.max(0, Math.floor(seconds));
    if (s < 1) {
        return t('age.now');
    }
    if (s < MINUTE) {
        return t('age.seconds', s);
    }
    if (s < HOUR) {
        return t('age.minutes', Math.floor(s / MINUTE), s % MINUTE);
    }
    if (s < DAY) {
        return t('age.hours', Math.floor(s / HOUR), Math.floor((s % HOUR) / MINUTE));
    }
    return t('age.days', Math.floor(s / DAY));
}

const kstParts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Seoul',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
});

function kst(date) {
    const parts = {};
    for (const { type, value } of kstParts.formatToParts(date)) {
        parts[type] = value;
    }
    return parts;
}

/**
 * A time of the API (ISO 8601 with +09:00) as KST wall-clock text, whatever the browser's time
 * zone: "09:14:12" on the same KST day as `now`, "11.24 15:30:02" on another day; "–" for null.
 */
export function formatKstTime(iso, now = new Date()) {
    const time = typeof iso === 'string' ? new Date(iso) : null;
    if (!time || Number.isNaN(time.getTime())) {
        return NULL_TEXT;
    }
    const t = kst(time);
    const clock = `${t.hour}:${t.minute}:${t.second}`;
    const today = kst(now);
    const sameDay = t.year === today.year && t.month === today.month && t.day === today.day;
    return sameDay ? clock : `${t.month}.${t.day} ${clock}`;
}

/** Seconds from an API time to `now` (milliseconds), or null when the time is null or unreadable. */
export function ageSeconds(iso, nowMs) {
    const ms = typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
    return Number.isNaN(ms) ? null : Math.max(0, (nowMs - ms) / 1000);
}
