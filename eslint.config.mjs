// Lint: typescript-eslint's recommended rules, plus the one-way arrows of docs/architecture.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.build/', 'coverage/', 'test-output/', 'src/simulator/public/vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // core is platform-neutral: it never reaches outward.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/adapters/**', '**/connectors/**', '**/simulator/**', '**/entry/**', '**/config/**', '**/demo-council/**'], message: 'core must not import outward (see docs/architecture.md).' },
          { group: ['ask-sdk*', 'actions-on-google', 'express', 'node-fetch', '@aws-sdk/*'], message: 'core imports no SDK or web framework.' },
        ],
      }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
