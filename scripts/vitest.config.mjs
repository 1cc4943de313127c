import { defineProject } from 'vitest/config';

// Tests of the repo scripts (coverage, check-drift). They spawn node, git and the
// real Redocly CLI, so give them more time than a unit test needs.
export default defineProject({
  test: {
    name: 'scripts',
    root: import.meta.dirname,
    include: ['test/**/*.test.mjs'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
