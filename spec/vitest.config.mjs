import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "spec",
    root: import.meta.dirname,
    include: ["test/**/*.test.ts"],
  },
});
