import { defineConfig } from "vitest/config";

// Run every project from the root with `pnpm exec vitest`; `pnpm test` runs them through turbo.
export default defineConfig({
  test: {
    projects: ["spec", "packages/*", "scripts"],
  },
});
