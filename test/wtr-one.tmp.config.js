import base from './web-test-runner.config.js';
export default {
  ...base,
  rootDir: process.cwd(),
  testsFinishTimeout: 60000,
  testFramework: { config: { timeout: 10000, grep: process.env.GREP } },
  files: (process.env.FILES ?? 'test/browser/**/*.test.ts').split(','),
  browsers: (process.env.B ?? '0').split(',').map((i) => base.browsers[Number(i)]),
};
