// Starts the real kiwoomd binary on a free port for the browser test, and stops it for sure.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const READY_TIMEOUT_MS = 20000;
const STOP_TIMEOUT_MS = 5000;
// The daemon logs "serving http://127.0.0.1:<port>/api/volume-ranking ..." once it listens.
const SERVING_LINE = /serving (http:\/\/127\.0\.0\.1:\d+)\//;

const running = new Set();
// Whatever happens to the test process, no daemon outlives it.
process.on('exit', () => {
    for (const child of running) {
        child.kill('SIGKILL');
    }
});
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => process.exit(130));
}

export class Daemon {
    #child;
    #output = [];
    #exited;

    constructor(child, dataDir) {
        this.#child = child;
        this.dataDir = dataDir;
        this.baseUrl = null;
        this.#exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
        running.add(child);
        this.#exited.then(() => running.delete(child));
    }

    /**
     * Runs `binary --simulate --headless --port 0 --data-dir <fresh dir> --config <config>` plus
     * `args`, and resolves once it serves, with `baseUrl` set from its log.
     */
    static async start(binary, { config, args = [] }) {
        const dataDir = mkdtempSync(path.join(tmpdir(), 'kiwoomd-browser-'));
        const configPath = path.join(dataDir, 'e2e-config.json');
        writeFileSync(configPath, JSON.stringify(config, null, 2));
        const child = spawn(
            binary,
            ['--simulate', '--headless', '--port', '0', '--data-dir', dataDir, '--config', configPath, ...args],
            { stdio: ['ignore', 'pipe', 'pipe'] },
        );
        const daemon = new Daemon(child, dataDir);
        await daemon.#waitUntilServing();
        return daemon;
    }

    /** Everything the daemon printed so far, for failure messages. */
    get output() {
        return this.#output.join('');
    }

    #waitUntilServing() {
        return new Promise((resolve, reject) => {
            let seen = '';
            const timer = setTimeout(() => {
                reject(new Error(`kiwoomd did not report its address within ${READY_TIMEOUT_MS} ms:\n${this.output}`));
            }, READY_TIMEOUT_MS);
            const onData = (chunk) => {
                const text = chunk.toString('utf8');
                this.#output.push(text);
                seen += text;
                const match = SERVING_LINE.exec(seen);
                if (match && !this.baseUrl) {
                    this.baseUrl = match[1];
                    clearTimeout(timer);
                    resolve();
                }
            };
            this.#child.stdout.on('data', onData);
            this.#child.stderr.on('data', onData);
            this.#child.once('error', (error) => {
                clearTimeout(timer);
                reject(new Error(`cannot start ${this.#child.spawnfile}: ${error.message}`));
            });
            this.#exited.then(({ code, signal }) => {
                clearTimeout(timer);
                if (!this.baseUrl) {
                    reject(new Error(`kiwoomd exited (${code ?? signal}) before serving:\n${this.output}`));
                }
            });
        });
    }

    /** SIGTERM, then SIGKILL if it has not exited within 5 s; removes the data dir. */
    async stop() {
        if (this.#child.exitCode === null && this.#child.signalCode === null) {
            this.#child.kill('SIGTERM');
            const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS));
            if ((await Promise.race([this.#exited, timeout])) === 'timeout') {
                this.#child.kill('SIGKILL');
                await this.#exited;
            }
        }
        rmSync(this.dataDir, { recursive: true, force: true });
    }
}
