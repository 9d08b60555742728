// The page's fixed texts in the chosen language, and the KO / EN switch in the header.

import { t } from './i18n.mjs';

// data-i18n names the key of an element's text; data-i18n-<attribute> that of an attribute.
const ATTRIBUTES = [
    ['i18nTitle', 'title'],
    ['i18nPlaceholder', 'placeholder'],
    ['i18nAriaLabel', 'aria-label'],
    ['i18nContent', 'content'],
];

/** Fills every data-i18n text and attribute of the document, and sets <html lang>. */
export function applyStaticTexts(root, lang) {
    root.documentElement.lang = lang;
    for (const element of root.querySelectorAll('[data-i18n]')) {
        const text = t(element.dataset.i18n);
        if (element.textContent !== text) {
            element.textContent = text;
        }
    }
    for (const [dataKey, attribute] of ATTRIBUTES) {
        const selector = `[data-${dataKey.replace(/[A-Z]/gu, (c) => `-${c.toLowerCase()}`)}]`;
        for (const element of root.querySelectorAll(selector)) {
            element.setAttribute(attribute, t(element.dataset[dataKey]));
        }
    }
}

/** The language buttons (data-lang): onSelect(lang) when one is pressed. */
export class LanguageSwitch {
    #root;

    constructor(root, { onSelect }) {
        this.#root = root;
        root.addEventListener('click', (event) => {
            const button = event.target.closest('button[data-lang]');
            if (button) {
                onSelect(button.dataset.lang);
            }
        });
    }

    select(lang) {
        for (const button of this.#root.querySelectorAll('button[data-lang]')) {
            button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
        }
    }
}
