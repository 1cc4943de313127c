import { defineProject } from 'vitest/config';

// The docs site in a real browser (Debian's Chromium through playwright-core) and the index
// builder. Rendering the whole reference takes a while on a small machine.
export default defineProject({
  test: {
    name: 'docs',
    root: import.meta.dirname,
    include: ['test/**/*.test.mjs'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
