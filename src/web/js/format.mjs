// Korean market formatting of the ranking's values. Pure functions: no DOM, unit-tested in Node.
//
// Conventions (as on Korean HTS screens): prices and volumes in full digits with thousands
// separators; rates signed with two decimals (+3.57%); the change against the previous close as a
// direction mark followed by the absolute amount (▲ 145, ▼ 335, ↑ for 상한, ↓ for 하한); rising
// values red, falling ones blue. Traded value (거래대금) is shown in 억원 (100 million KRW).

/** What a missing or unreadable value (null in the API) is rendered as. */
export const NULL_TEXT = '–';

const integerFormat = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 0 });
const rateFormat = new Intl.NumberFormat('ko-KR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const signedRateFormat = new Intl.NumberFormat('ko-KR', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: 'exceptZero',
});
const signedIntegerFormat = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
const eokFormatSmall = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 1 });

const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);

/** 4902578 → "4,902,578"; null → "–". */
export function formatInteger(value) {
    return isNumber(value) ? integerFormat.format(value) : NULL_TEXT;
}

/** 3937190 → "+3,937,190", -1200 → "-1,200", 0 → "0". */
export function formatSignedInteger(value) {
    return isNumber(value) ? signedIntegerFormat.format(value) : NULL_TEXT;
}

/** 3.57 → "+3.57%", -1.22 → "-1.22%", 0 → "0.00%". */
export function formatSignedPercent(value) {
    return isNumber(value) ? `${signedRateFormat.format(value)}%` : NULL_TEXT;
}

/** A number with two decimals and no unit: 1234.5 → "1,234.50". */
export function formatDecimal(value) {
    return isNumber(value) ? rateFormat.format(value) : NULL_TEXT;
}

/** A rate without a sign of its own meaning, e.g. a turnover ratio: 12.3 → "12.30%". */
export function formatPercent(value) {
    return isNumber(value) ? `${rateFormat.format(value)}%` : NULL_TEXT;
}

/**
 * Traded value given in millions of KRW (opt10030's 거래금액) as 억원: 123456 → "1,235억",
 * 5432 → "54.3억". Below 100억 one decimal is kept, so small values do not all read "0억".
 */
export function formatEokFromMillions(millions) {
    if (!isNumber(millions)) {
        return NULL_TEXT;
    }
    const eok = millions / 100;
    return `${Math.abs(eok) < 100 ? eokFormatSmall.format(eok) : integerFormat.format(eok)}억`;
}

/** The API's directions, with their Korean names and HTS marks. */
const DIRECTIONS = {
    upper_limit: { tone: 'up', mark: '↑', label: '상한' },
    up: { tone: 'up', mark: '▲', label: '상승' },
    unchanged: { tone: 'flat', mark: '', label: '보합' },
    down: { tone: 'down', mark: '▼', label: '하락' },
    lower_limit: { tone: 'down', mark: '↓', label: '하한' },
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

/** 상한, 상승, 보합, 하락, 하한; '' when unknown. */
export function directionLabel(direction) {
    return DIRECTIONS[direction]?.label ?? '';
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
    const amount = integerFormat.format(Math.abs(change));
    return mark ? `${mark} ${amount}` : amount;
}

const SECOND = 1;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** An age in seconds as Korean text: "방금", "12초 전", "3분 5초 전", "2시간 10분 전", "3일 전". */
export function formatAge(seconds) {
    if (!isNumber(seconds)) {
        return NULL_TEXT;
    }
    const s = Math.max(0, Math.floor(seconds));
    if (s < 1) {
        return '방금';
    }
    if (s < MINUTE) {
        return `${s}초 전`;
    }
    if (s < HOUR) {
        const rest = s % MINUTE;
        return rest ? `${Math.floor(s / MINUTE)}분 ${rest}초 전` : `${s / MINUTE}분 전`;
    }
    if (s < DAY) {
        const minutes = Math.floor((s % HOUR) / MINUTE);
        return minutes ? `${Math.floor(s / HOUR)}시간 ${minutes}분 전` : `${Math.floor(s / HOUR)}시간 전`;
    }
    return `${Math.floor(s / DAY)}일 전`;
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
