// The market switch: one toggle button per configured feed (코스피 / 코스닥 / 전체 by default).

export class MarketSwitch {
    #root;
    #onSelect;
    #selected = null;

    /** root: the element holding the buttons (role="group"); onSelect(feedId) on activation. */
    constructor(root, { onSelect }) {
        this.#root = root;
        this.#onSelect = onSelect;
        root.addEventListener('click', (event) => {
            const button = event.target.closest('button[data-feed]');
            if (button) {
                this.#onSelect(button.dataset.feed);
            }
        });
        // Arrow keys move between the markets, as in a tab strip.
        root.addEventListener('keydown', (event) => {
            const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
            const buttons = [...root.querySelectorAll('button[data-feed]')];
            const index = buttons.indexOf(document.activeElement);
            if (!step || index < 0) {
                return;
            }
            event.preventDefault();
            const next = buttons[(index + step + buttons.length) % buttons.length];
            next.focus();
            this.#onSelect(next.dataset.feed);
        });
    }

    /** feeds: [{ id, label }] in config order. */
    setFeeds(feeds) {
        const buttons = feeds.map(({ id, label }) => {
            const button = document.createElement('button');
            button.type = 'button';
            button.className = 'market';
            button.dataset.feed = id;
            button.textContent = label;
            return button;
        });
        this.#root.replaceChildren(...buttons);
        this.#root.hidden = feeds.length < 2;
        this.select(this.#selected);
    }

    select(feedId) {
        this.#selected = feedId;
        for (const button of this.#root.querySelectorAll('button[data-feed]')) {
            button.setAttribute('aria-pressed', String(button.dataset.feed === feedId));
        }
    }
}
