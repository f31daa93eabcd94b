// Component tests run the H5 flavour of the app in jsdom (see STACK-NOTES.md, "Mini-program").
const swc = (syntax) => [
  '@swc/jest',
  {
    jsc: {
      parser: syntax === 'typescript' ? { syntax, tsx: true } : { syntax, jsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

// Taro and its web components ship untranspiled ESM (and bundle ESM helpers in nested
// node_modules of their own). With pnpm they sit behind node_modules/.pnpm/<name@version>/, so
// anything whose path passes through one of these packages is transformed. @qiun/ucharts (the
// dashboard's charts) is one ESM file too.
const esmPackages = ['@tarojs', '@stencil', 'swiper', 'ssr-window', 'dom7', '@qiun'].join('|');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  setupFiles: ['<rootDir>/test/setup/taro-globals.js'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/testing-library.js'],
  // A failure bound, like the waits' own (test/setup/testing-library.js): above one wait's 30 s, so a
  // wait that never ends fails with its own message rather than this one, and far above what a
  // whole test takes on a starved machine. A passing test never waits for it.
  testTimeout: 120_000,
  transform: {
    '^.+\\.tsx?$': swc('typescript'),
    '^.+\\.(js|jsx|mjs|cjs)$': swc('ecmascript'),
  },
  transformIgnorePatterns: [`^(?!.*/node_modules/(${esmPackages})/).*/node_modules/`],
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '<rootDir>/test/support/taro-mock.ts',
    '^@wfh/shared$': '<rootDir>/../shared/src/index.ts',
    '\\.css$': '<rootDir>/test/support/style-stub.js',
  },
  clearMocks: true,
};
