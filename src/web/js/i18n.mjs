// The dashboard's strings, in Korean and English, and the choice between them. Every text the page
// shows comes from here: the modules ask t(key, ...args), index.html names its keys in data-i18n
// attributes. Pure apart from the current language, which starts as Korean (the page picks the
// reader's language at start-up, see pickLanguage).

export const LANGUAGES = Object.freeze(['ko', 'en']);
const DEFAULT_LANGUAGE = 'ko';

const ko = {
    // index.html
    'page.description': 'kiwoomd: 키움 거래량급증 순위 대시보드',
    'page.skip': '순위표로 건너뛰기',
    'page.subtitle': (source) => `kiwoomd · 키움 ${source}`,
    'state.label': '연결 상태',
    'state.connection.title': '키움 서버 연결',
    'state.server.title': '접속 서버 (실서버 / 모의투자)',
    'state.market.title': '정규장 운영 여부',
    'state.updated': '기준',
    'state.version.title': '스냅샷 버전',
    'state.transport.title': '수신 방식',
    'language.label': '언어',
    'controls.markets': '시장 선택',
    'controls.filter': '종목명 또는 코드로 찾기',
    'controls.filter.placeholder': '종목명·코드 검색 (초성 가능: ㅅㅅㅈㅈ)',
    'footer.legend': '순위 변동은 직전 조회 대비 · 열 제목을 눌러 정렬',
    'footer.disclaimer': '이 화면의 데이터는 투자 판단의 참고용이며, 지연되거나 틀릴 수 있습니다.',

    // sources (/api/status "backend")
    'source.activex': 'OpenAPI+',
    'source.rest': 'REST API',
    'source.emulator': '에뮬레이터',
    'source.replay': '녹화 재생',

    // header and freshness
    'header.noData': '데이터 없음',
    'header.age': (age) => `${age} 갱신`,
    'header.titleWarning': '⚠ 지연 · ',
    'connection.connected': '연결됨',
    'connection.logging_in': '로그인 중',
    'connection.disconnected': '접속 전',
    'connection.lost': '연결 끊김',
    'connection.waiting_to_reconnect': '재접속 대기',
    'connection.unknown': '확인 중',
    'connection.offline': '응답 없음',
    'connection.paused': '조회 일시정지',
    'server.real': '실서버',
    'server.mock': '모의투자',
    'server.unknown': '서버 미확인',
    'market.unknown': '장 상태 미확인',
    'market.open': '장중',
    'market.closed': '장 마감',
    'transport.connecting': '연결 중…',
    'transport.stream': '실시간 (SSE)',
    'transport.polling': '폴링',
    'transport.offline': 'kiwoomd 응답 없음',
    'stale.title': '데이터 지연 (stale)',
    'stale.offline': 'kiwoomd 응답 없음 — 마지막으로 받은 데이터를 표시 중',
    'stale.lost': '연결 끊김 — 키움 서버에 다시 접속하는 중',
    'stale.waiting': (next) => `연결 끊김 — 재접속 대기${next ? ` (다음 시도 ${next})` : ''}`,
    'stale.loggingIn': '키움 서버 로그인 중',
    'stale.disconnected': '키움 서버 접속 전',
    'stale.paused': '조회 일시정지 중 — 트레이 메뉴의 "조회 재개"로 다시 시작',
    'stale.firstFetch': '첫 조회를 기다리는 중',
    'stale.closed': (time) => `장 마감 전에 받은 데이터 (마지막 갱신 ${time})`,
    'stale.late': (time) => `갱신 지연 — 마지막 갱신 ${time}`,

    // the banner of an error answer (problems.mjs)
    'problem.token_needed.title': 'API 토큰 필요',
    'problem.token_needed.hint': (page) =>
        `이 kiwoomd는 모든 요청에 토큰을 요구합니다 (token_policy "always"). 데이터 폴더의 api-token 파일에 든 토큰을 붙여 ${page}#token=<토큰> 처럼 여세요. 토큰은 주소창에서 지워지고 이 탭에만 남습니다.`,
    'problem.token_rejected.title': 'API 토큰이 맞지 않음',
    'problem.token_rejected.hint':
        '주소에 붙인 토큰이 kiwoomd의 것과 다릅니다. 데이터 폴더의 api-token 파일에서 지금 토큰을 복사해 #token=<토큰> 으로 다시 여세요.',
    'problem.forbidden_host.title': '허용되지 않은 주소',
    'problem.forbidden_host.hint':
        'kiwoomd는 127.0.0.1, localhost, [::1] 또는 server.allowed_hosts에 적힌 이름으로만 답합니다. 그 주소로 열거나 이름을 설정에 추가하세요.',
    'problem.forbidden_origin.title': '허용되지 않은 출처',
    'problem.forbidden_origin.hint':
        '이 페이지의 출처는 kiwoomd API를 쓸 수 없습니다. kiwoomd가 보내는 페이지를 직접 열거나 출처를 server.allowed_origins에 추가하세요.',
    'problem.unknown_market.title': '알 수 없는 시장',
    'problem.unknown_market.hint':
        '요청한 시장이나 피드를 kiwoomd가 제공하지 않습니다. 설정이 바뀌었을 수 있습니다: 시장 목록을 다시 불러오는 중입니다.',
    'problem.starting.title': 'kiwoomd 시작 중',
    'problem.starting.hint': '아직 제공할 데이터가 없습니다. 잠시 뒤 저절로 다시 시도합니다.',
    'problem.offline.title': 'kiwoomd 응답 없음',
    'problem.offline.hint':
        '마지막으로 받은 데이터를 표시 중입니다. kiwoomd가 실행 중인지, 주소와 포트가 맞는지 확인하세요. 저절로 다시 시도합니다.',
    'problem.other.title': (status) => `kiwoomd 오류 (HTTP ${status})`,
    'problem.other.hint': (message) => message,

    // table
    'table.caption': (title) => `${title} 순위`,
    'table.count': (total) => `${total}종목`,
    'table.countFiltered': (total, shown) => `${total}종목 중 ${shown}종목`,
    'table.loading': '순위를 불러오는 중…',
    'table.noRows': '아직 받은 순위가 없습니다. 첫 조회를 기다리는 중입니다.',
    'table.noMatch': (query) => `‘${query}’와(과) 일치하는 종목이 없습니다.`,
    'table.invalid': '읽을 수 없는 값 (invalid_fields)',

    // columns
    'column.rank': '순위',
    'column.rank.title': '순위 (지난 조회 대비 변동)',
    'column.code': '종목코드',
    'column.name': '종목명',
    'column.price': '현재가',
    'column.change': '전일대비',
    'column.change_rate': '등락률',
    'column.prev_volume': '이전거래량',
    'column.volume': '거래량',
    'column.volume.surge': '현재거래량',
    'column.surge_volume': '급증량',
    'column.surge_rate': '급증률',
    'column.volume_vs_prev_day': '전일비',
    'column.volume_vs_prev_day.title': '전일 거래량 대비',
    'column.turnover_ratio': '회전율',
    'column.turnover_ratio.title': '거래회전율',
    'column.turnover_million_krw': '거래대금',
    'column.turnover_million_krw.title': '거래대금 (억원)',

    // directions and movements
    'direction.upper_limit': '상한',
    'direction.up': '상승',
    'direction.unchanged': '보합',
    'direction.down': '하락',
    'direction.lower_limit': '하한',
    'movement.up': (by) => `${by}계단 상승`,
    'movement.down': (by) => `${by}계단 하락`,
    'movement.new': '신규 진입',

    // markets and TRs
    'market.kospi': '코스피',
    'market.kosdaq': '코스닥',
    'market.all': '전체',
    'tr.opt10023': '거래량급증',
    'tr.opt10030': '당일거래량상위',

    // ages and amounts
    'age.now': '방금',
    'age.seconds': (s) => `${s}초 전`,
    'age.minutes': (m, s) => (s ? `${m}분 ${s}초 전` : `${m}분 전`),
    'age.hours': (h, m) => (m ? `${h}시간 ${m}분 전` : `${h}시간 전`),
    'age.days': (d) => `${d}일 전`,
};

const en = {
    'page.description': 'kiwoomd: dashboard of Kiwoom volume surge rankings',
    'page.skip': 'Skip to the ranking',
    'page.subtitle': (source) => `kiwoomd · Kiwoom ${source}`,
    'state.label': 'Connection state',
    'state.connection.title': 'Connection to Kiwoom',
    'state.server.title': 'Server (real / mock trading)',
    'state.market.title': 'Whether the regular session is open',
    'state.updated': 'As of',
    'state.version.title': 'Snapshot version',
    'state.transport.title': 'How the page receives data',
    'language.label': 'Language',
    'controls.markets': 'Market',
    'controls.filter': 'Find by name or code',
    'controls.filter.placeholder': 'Search name or code (initials too: ㅅㅅㅈㅈ)',
    'footer.legend': 'rank moves against the previous query · click a column title to sort',
    'footer.disclaimer': 'The data on this page is for reference only and may be late or wrong.',

    'source.activex': 'OpenAPI+',
    'source.rest': 'REST API',
    'source.emulator': 'emulator',
    'source.replay': 'replay',

    'header.noData': 'No data',
    'header.age': (age) => `updated ${age}`,
    'header.titleWarning': '⚠ Stale · ',
    'connection.connected': 'Connected',
    'connection.logging_in': 'Logging in',
    'connection.disconnected': 'Not connected',
    'connection.lost': 'Connection lost',
    'connection.waiting_to_reconnect': 'Waiting to reconnect',
    'connection.unknown': 'Checking',
    'connection.offline': 'No answer',
    'connection.paused': 'Polling paused',
    'server.real': 'Real server',
    'server.mock': 'Mock trading',
    'server.unknown': 'Server unknown',
    'market.unknown': 'Session unknown',
    'market.open': 'Market open',
    'market.closed': 'Market closed',
    'transport.connecting': 'Connecting…',
    'transport.stream': 'Live (SSE)',
    'transport.polling': 'Polling',
    'transport.offline': 'kiwoomd not answering',
    'stale.title': 'Data delayed (stale)',
    'stale.offline': 'kiwoomd is not answering — showing the last data received',
    'stale.lost': 'Connection lost — connecting to Kiwoom again',
    'stale.waiting': (next) => `Connection lost — waiting to reconnect${next ? ` (next try ${next})` : ''}`,
    'stale.loggingIn': 'Logging in to Kiwoom',
    'stale.disconnected': 'Not connected to Kiwoom yet',
    'stale.paused': 'Polling paused — choose "Resume polling" in the tray menu',
    'stale.firstFetch': 'Waiting for the first query',
    'stale.closed': (time) => `Data from before the close (last update ${time})`,
    'stale.late': (time) => `Updates are late — last update ${time}`,

    'problem.token_needed.title': 'API token needed',
    'problem.token_needed.hint': (page) =>
        `This kiwoomd requires its token on every request (token_policy "always"). Open the page with the token from the data dir's api-token file, as ${page}#token=<token>. The page removes it from the address bar and keeps it in this tab only.`,
    'problem.token_rejected.title': 'Wrong API token',
    'problem.token_rejected.hint':
        "The token in the address is not kiwoomd's. Copy the current one from the data dir's api-token file and open the page again with #token=<token>.",
    'problem.forbidden_host.title': 'Address not allowed',
    'problem.forbidden_host.hint':
        'kiwoomd answers only as 127.0.0.1, localhost, [::1] or a name listed in server.allowed_hosts. Open it under one of those, or add the name to the config.',
    'problem.forbidden_origin.title': 'Origin not allowed',
    'problem.forbidden_origin.hint':
        "This page's origin may not use kiwoomd's API. Open the page kiwoomd serves itself, or list the origin in server.allowed_origins.",
    'problem.unknown_market.title': 'Unknown market',
    'problem.unknown_market.hint':
        'kiwoomd does not serve the market or feed asked for. The config may have changed: reloading the market list.',
    'problem.starting.title': 'kiwoomd is starting',
    'problem.starting.hint': 'There is no data to serve yet. The page tries again by itself.',
    'problem.offline.title': 'kiwoomd is not answering',
    'problem.offline.hint':
        'Showing the last data received. Check that kiwoomd runs and that the address and port are right. The page tries again by itself.',
    'problem.other.title': (status) => `kiwoomd error (HTTP ${status})`,
    'problem.other.hint': (message) => message,

    'table.caption': (title) => `${title} ranking`,
    'table.count': (total) => `${total} issues`,
    'table.countFiltered': (total, shown) => `${shown} of ${total} issues`,
    'table.loading': 'Loading the ranking…',
    'table.noRows': 'No ranking received yet. Waiting for the first query.',
    'table.noMatch': (query) => `No issue matches ‘${query}’.`,
    'table.invalid': 'Unreadable value (invalid_fields)',

    'column.rank': 'Rank',
    'column.rank.title': 'Rank (move since the previous query)',
    'column.code': 'Code',
    'column.name': 'Name',
    'column.price': 'Price',
    'column.change': 'Change',
    'column.change_rate': 'Change %',
    'column.prev_volume': 'Prev. volume',
    'column.volume': 'Volume',
    'column.volume.surge': 'Volume now',
    'column.surge_volume': 'Surge',
    'column.surge_rate': 'Surge %',
    'column.volume_vs_prev_day': 'Vs. prev. day',
    'column.volume_vs_prev_day.title': "Volume against the previous day's",
    'column.turnover_ratio': 'Turnover',
    'column.turnover_ratio.title': 'Turnover ratio',
    'column.turnover_million_krw': 'Value',
    'column.turnover_million_krw.title': 'Traded value (billion KRW)',

    'direction.upper_limit': 'upper limit',
    'direction.up': 'up',
    'direction.unchanged': 'unchanged',
    'direction.down': 'down',
    'direction.lower_limit': 'lower limit',
    'movement.up': (by) => `up ${by}`,
    'movement.down': (by) => `down ${by}`,
    'movement.new': 'new entry',

    'market.kospi': 'KOSPI',
    'market.kosdaq': 'KOSDAQ',
    'market.all': 'All',
    'tr.opt10023': 'Volume surge',
    'tr.opt10030': 'Top volume today',

    'age.now': 'just now',
    'age.seconds': (s) => `${s} s ago`,
    'age.minutes': (m, s) => (s ? `${m} min ${s} s ago` : `${m} min ago`),
    'age.hours': (h, m) => (m ? `${h} h ${m} min ago` : `${h} h ago`),
    'age.days': (d) => `${d} d ago`,
};

/** The tables by language; both hold the same keys (a unit test checks it). */
export const CATALOGUE = Object.freeze({ ko, en });

/** BCP 47 locales for Intl formatting, by language. */
const LOCALES = { ko: 'ko-KR', en: 'en-US' };

let current = DEFAULT_LANGUAGE;
const listeners = new Set();

/** The current language: 'ko' or 'en'. */
export function language() {
    return current;
}

/** The locale for Intl formatters in the current language. */
export function locale() {
    return LOCALES[current];
}

/** Switches the language (an unknown one is ignored) and tells every listener. */
export function setLanguage(lang) {
    if (!LANGUAGES.includes(lang) || lang === current) {
        return;
    }
    current = lang;
    for (const listener of listeners) {
        listener(lang);
    }
}

/** Calls listener(lang) after every change of language; returns the function that stops it. */
export function onLanguageChange(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

/**
 * The text for a key in the current language; functions of the catalogue get `args`. An unknown
 * key is a bug of the page: it shows as itself, so it is seen.
 */
export function t(key, ...args) {
    const entry = CATALOGUE[current][key] ?? CATALOGUE[DEFAULT_LANGUAGE][key];
    if (entry === undefined) {
        return key;
    }
    return typeof entry === 'function' ? entry(...args) : entry;
}

/** Whether the catalogue has a text for the key (callers with open-ended keys check first). */
export function hasText(key) {
    return Object.hasOwn(CATALOGUE[current], key);
}

/**
 * The language to show: a stored choice when there is one, else Korean when the first of the
 * browser's languages that the page has is Korean, else English.
 */
export function pickLanguage(stored, browserLanguages = []) {
    if (LANGUAGES.includes(stored)) {
        return stored;
    }
    for (const tag of browserLanguages) {
        const base = String(tag).toLowerCase().split('-')[0];
        if (LANGUAGES.includes(base)) {
            return base;
        }
    }
    return 'en';
}
