import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "gateway",
    include: ["test/**/*.test.ts"],
    typecheck: { include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    // One Prism for every test file that needs a mock ClickSend (read with prismUrl()).
    globalSetup: ["@clicksend-kit/mock/vitest-global-setup"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
