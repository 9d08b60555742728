// The API token from the address's fragment (src/web/js/token.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TOKEN_STORAGE_KEY, splitFragment, takeToken } from '../../../src/web/js/token.mjs';

class FakeStorage {
    constructor(entries = {}) {
        this.map = new Map(Object.entries(entries));
    }
    getItem(key) {
        return this.map.has(key) ? this.map.get(key) : null;
    }
    setItem(key, value) {
        this.map.set(key, String(value));
    }
}

test('the token comes out of the fragment and the feed choice stays', () => {
    assert.deepEqual(splitFragment('#token=abc123'), { token: 'abc123', hash: '' });
    assert.deepEqual(splitFragment('#kosdaq&token=abc123'), { token: 'abc123', hash: '#kosdaq' });
    assert.deepEqual(splitFragment('#token=abc123&kosdaq'), { token: 'abc123', hash: '#kosdaq' });
    assert.deepEqual(splitFragment('#kosdaq'), { token: null, hash: '#kosdaq' });
    assert.deepEqual(splitFragment(''), { token: null, hash: '' });
    assert.deepEqual(splitFragment('#token='), { token: null, hash: '' });
});

test('a token in the address replaces the stored one and is kept for the tab', () => {
    const storage = new FakeStorage({ [TOKEN_STORAGE_KEY]: 'old' });
    assert.equal(takeToken('new', storage), 'new');
    assert.equal(storage.getItem(TOKEN_STORAGE_KEY), 'new');
});

test('without one in the address, the stored token is used, or none', () => {
    assert.equal(takeToken(null, new FakeStorage({ [TOKEN_STORAGE_KEY]: 'kept' })), 'kept');
    assert.equal(takeToken(null, new FakeStorage()), null);
    assert.equal(takeToken(null, null), null);
});

test('a storage that refuses does not lose the token of the address', () => {
    const refusing = {
        getItem() {
            throw new Error('denied');
        },
        setItem() {
            throw new Error('denied');
        },
    };
    assert.equal(takeToken('abc', refusing), 'abc');
    assert.equal(takeToken(null, refusing), null);
});
