import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "conformance",
    include: ["test/**/*.test.ts"],
    // One Prism for the file; loading the whole bundle takes CPU seconds on a small machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
