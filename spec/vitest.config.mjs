import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "spec",
    root: import.meta.dirname,
    include: ["test/**/*.test.ts"],
    // Compiling a validator for every example of 237 operations takes seconds on a busy machine.
    testTimeout: 60_000,
  },
});
