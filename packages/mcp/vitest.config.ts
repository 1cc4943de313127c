import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "mcp",
    include: ["test/**/*.test.ts"],
    // One Prism for every test file that needs a mock ClickSend (read with prismUrl()).
    globalSetup: ["@clicksend-kit/mock/vitest-global-setup"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
