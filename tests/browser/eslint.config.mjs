// ESLint (flat config) for the dashboard (src/web), its tests and its benchmark. Run by
// scripts/check-web.sh from the repository's root, which is the base of the paths below.

import js from '@eslint/js';
import globals from 'globals';

export default [
    { ignores: ['**/node_modules/**', 'build/**'] },
    js.configs.recommended,
    {
        files: ['src/web/**/*.mjs'],
        languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: globals.browser },
    },
    {
        // Node scripts that also hand functions to the browser (page.evaluate).
        files: ['tests/browser/**/*.mjs', 'bench/**/*.mjs'],
        languageOptions: {
            ecmaVersion: 2023,
            sourceType: 'module',
            globals: { ...globals.node, ...globals.browser },
        },
    },
    {
        rules: {
            eqeqeq: ['error', 'always'],
            'no-var': 'error',
            'prefer-const': 'error',
            'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
            curly: ['error', 'all'],
        },
    },
];
