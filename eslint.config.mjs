import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', 'demo-output/', 'test-artifacts/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/ui/**'],
    rules: {
      // Apps Script has none of these at run time.
      'no-restricted-globals': ['error', 'URL', 'atob', 'btoa', 'setTimeout', 'setInterval', 'fetch', 'TextEncoder', 'TextDecoder', 'require', 'process'],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      // The core is pure: no Apps Script service may be reached from it.
      'no-restricted-globals': ['error', 'SpreadsheetApp', 'MailApp', 'PropertiesService', 'LockService', 'ScriptApp', 'Session', 'Utilities', 'HtmlService', 'Logger', 'URL', 'setTimeout', 'fetch', 'TextEncoder'],
    },
  },
);
