// Debian's Chromium, headless, driven by playwright-core; one fresh profile per run.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.KIWOOMD_CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];

/**
 * Opens a browser context with a fresh --user-data-dir (playwright passes it for a persistent
 * context), Korean locale and KST, so the page renders as it would for its users.
 * Resolves { context, close }.
 */
export async function openBrowser() {
    const profile = mkdtempSync(path.join(tmpdir(), 'kiwoomd-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        locale: 'ko-KR',
        timezoneId: 'Asia/Seoul',
        viewport: { width: 1440, height: 900 },
        colorScheme: 'light',
    });
    return {
        context,
        async close() {
            await context.close().catch(() => {});
            rmSync(profile, { recursive: true, force: true });
        },
    };
}

/**
 * Opens a page that records every console error, uncaught exception and Content-Security-Policy
 * violation into `errors`. A CSP violation also logs a console error; the listener makes sure it
 * is caught even if the message wording changes.
 */
export async function openPage(context, errors, label) {
    const page = await context.newPage();
    page.on('console', (message) => {
        if (message.type() === 'error') {
            const where = message.location()?.url;
            errors.push(`[${label}] console error: ${message.text()}${where ? ` (${where})` : ''}`);
        }
    });
    page.on('pageerror', (error) => errors.push(`[${label}] uncaught: ${error.message}`));
    await page.exposeFunction('__reportCspViolation', (text) => errors.push(`[${label}] CSP violation: ${text}`));
    await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
            window.__reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
        });
    });
    return page;
}
