import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

// The layer rule of ARCHITECTURE.md: ui → state → pipeline → (llm | python | db) → core.
// Each entry lists what a folder must NOT import.
const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map((group) => ({ group: [group], message })) },
    ],
  },
});
const UP = ['**/ui/**', '**/ui', '**/state/**', '**/pipeline/**'];

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'public/', 'vendor/', 'test-results/', '**/*.py'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // TypeScript checks names itself (and knows DOM types such as BlobPart that ESLint does not).
      'no-undef': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // It flags every local Set/Map/Date, even temporaries that never reach reactive state;
      // our state lives in $state fields of *.svelte.ts classes, replaced rather than mutated.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        extraFileExtensions: ['.svelte'],
        parser: tseslint.parser,
        svelteConfig,
      },
    },
  },
  layer(
    ['src/core/**'],
    [
      ...UP,
      '**/db/**',
      '**/llm/**',
      '**/python/**',
      'svelte',
      'svelte/*',
      'dexie',
      'comlink',
      '**/workers/**',
    ],
    'src/core is pure: it imports nothing of the app, no Svelte, Dexie or comlink.',
  ),
  layer(
    ['src/db/**', 'src/llm/**', 'src/python/**'],
    [...UP, 'svelte', 'svelte/*'],
    'db, llm and python sit below pipeline/state/ui and import only core (and worker contracts, type-only).',
  ),
  layer(
    ['src/pipeline/**'],
    ['**/ui/**', '**/state/**', 'svelte', 'svelte/*'],
    'pipeline imports llm, python, db and core only.',
  ),
  layer(['src/state/**'], ['**/ui/**'], 'Nothing imports ui.'),
  layer(
    ['workers/**'],
    [
      '**/src/ui/**',
      '**/src/state/**',
      '**/src/pipeline/**',
      '**/src/db/**',
      '**/src/llm/**',
      '**/src/python/**',
      'svelte',
      'dexie',
    ],
    'Workers import only src/core and their own contract.',
  ),
);
