// Lint = the import boundaries of docs/architecture.md, plus typescript-eslint's recommended rules.
import tseslint from 'typescript-eslint';

const engineLibs = ['three', 'three/*', '3d-tiles-renderer', '3d-tiles-renderer/*', 'cesium', 'cesium/*', '@cesium/*'];
const uiLibs = ['lit', 'lit/*', '@lit/*'];
const domGlobals = ['document', 'window', 'navigator', 'HTMLElement', 'customElements', 'DOMParser', 'localStorage'].map(
  (name) => ({ name, message: 'This layer runs without a DOM.' }),
);

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-lib/**', 'public/**', 'coverage/**', 'out/**', '.tmp-*/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      ...restrict([...engineLibs, ...uiLibs, '**/engines/**', '**/element/**', '**/workers/**'], 'src/core is engine-agnostic and below the workers: no three, cesium, lit, engines, elements or workers.'),
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    files: ['src/engines/three/**/*.ts'],
    rules: restrict(['cesium', 'cesium/*', '@cesium/*', '**/engines/cesium/**', '../cesium/**', '**/core/*/**'], 'The three engine imports neither Cesium nor the core past its index.'),
  },
  {
    files: ['src/engines/cesium/**/*.ts'],
    rules: restrict(['three', 'three/*', '3d-tiles-renderer', '3d-tiles-renderer/*', '**/engines/three/**', '../three/**', '**/core/*/**'], 'The Cesium engine imports neither three nor the core past its index.'),
  },
  {
    // elements reach workers only through their clients (src/worker-clients), which own the protocol
    files: ['src/element/**/*.ts'],
    rules: restrict(['**/workers/**', '../../workers/*', '../../../workers/*'], 'Elements talk to workers through src/worker-clients, never to workers/ directly.'),
  },
  {
    // the clients speak the protocol (workers/protocol, workers/types); the lib behind it is the worker's own
    files: ['src/worker-clients/**/*.ts'],
    rules: restrict(['**/workers/lib/**'], 'Worker clients use the protocol and its types, never workers/lib.'),
  },
  {
    // the protocol defines the types and the lib implements them: never the other way round
    files: ['workers/*-protocol.ts', 'workers/protocol.ts', 'workers/types/**/*.ts'],
    rules: restrict(['**/lib/**', './lib/*', '../lib/*'], 'The worker protocol and its types never import workers/lib: the lib implements them.'),
  },
  {
    files: ['workers/lib/**/*.ts'],
    rules: {
      ...restrict([...engineLibs, ...uiLibs, '**/element/**', '**/engines/**'], 'workers/lib is pure: no DOM, lit, three or cesium.'),
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
);
