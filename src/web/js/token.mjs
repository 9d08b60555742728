// The API token for a daemon with token_policy "always" (docs/security.md): the user opens the
// page as http://127.0.0.1:8000/#token=<token>. A fragment never leaves the browser (it is not
// part of the request, so it reaches no server log and no proxy), and the page takes it out of the
// address at once, keeping it in sessionStorage: for this tab only, gone when the tab closes.
// Pure apart from the storage handed in, unit-tested in Node.

const TOKEN_PART = 'token=';
export const TOKEN_STORAGE_KEY = 'kiwoomd.token';

/**
 * Splits an address's fragment ("#token=abc", "#kosdaq&token=abc") into the token and the rest
 * ("#kosdaq"), so the feed choice in the fragment keeps working. token is null without one.
 */
export function splitFragment(hash) {
    const parts = String(hash ?? '')
        .replace(/^#/u, '')
        .split('&')
        .filter((part) => part !== '');
    let token = null;
    const rest = [];
    for (const part of parts) {
        if (part.startsWith(TOKEN_PART)) {
            token = decodeURIComponent(part.slice(TOKEN_PART.length)) || null;
        } else {
            rest.push(part);
        }
    }
    return { token, hash: rest.length > 0 ? `#${rest.join('&')}` : '' };
}

/**
 * The token to use: the fragment's, which replaces the stored one, else the stored one, else null.
 * `storage` is sessionStorage (or a fake with getItem/setItem).
 */
export function takeToken(fragmentToken, storage) {
    if (fragmentToken) {
        try {
            storage?.setItem(TOKEN_STORAGE_KEY, fragmentToken);
        } catch {
            // Storage refused (a private mode): the token still serves this page until a reload.
        }
        return fragmentToken;
    }
    try {
        return storage?.getItem(TOKEN_STORAGE_KEY) || null;
    } catch {
        return null;
    }
}
