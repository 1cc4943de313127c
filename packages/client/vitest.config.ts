import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

export default defineProject({
  resolve: {
    // package.json `imports` maps #transport to dist/; tests run the source (Node's transport).
    alias: { "#transport": fileURLToPath(new URL("./src/transport/node.ts", import.meta.url)) },
  },
  test: {
    name: "client",
    include: ["test/**/*.test.ts"],
    typecheck: { include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    // One Prism for every test file that needs a mock ClickSend (read with prismUrl()).
    globalSetup: ["@clicksend-kit/mock/vitest-global-setup"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
