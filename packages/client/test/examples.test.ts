import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { prismUrl } from "@clicksend-kit/mock/vitest";

// The examples a newcomer runs against `pnpm mock`, run here the same way: as separate Node
// processes importing the built package, against Prism serving the bundled spec.
const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("..", import.meta.url));

beforeAll(() => {
  if (!existsSync(`${packageDir}dist/index.js`)) throw new Error("examples import the built package: run `pnpm build` first");
});

async function example(name: string, args: string[] = []) {
  const { stdout } = await run(process.execPath, [`examples/${name}`, ...args], {
    cwd: packageDir,
    env: { ...process.env, CLICKSEND_BASE_URL: prismUrl(), CLICKSEND_USERNAME: "demo@example.com", CLICKSEND_API_KEY: "demo-api-key" },
    timeout: 30_000,
  });
  return stdout;
}

describe("examples/ against the Prism mock", () => {
  it("send-sms.mjs sends, splits accepted from rejected and counts segments", async () => {
    const out = await example("send-sms.mjs");
    expect(out).toMatch(/^message: \d+ GSM-7 characters, 1 segment\(s\)$/m);
    expect(out).toMatch(/^accepted \+61411111111: [0-9A-F-]{36}/m);
    expect(out).toContain("rejected +6100000: INVALID_RECIPIENT");
  });

  it("paginate-history.mjs lists the history", async () => {
    expect(await example("paginate-history.mjs")).toMatch(/^[0-9A-F-]{36}\s+\+61\d+\s+\w+$/m);
  });

  it("errors.mjs shows both call styles", async () => {
    const out = await example("errors.mjs");
    expect(out).toMatch(/^template: .+$/m);
    expect(out).toContain("send rejected: 400 BAD_REQUEST (retryable: false, maybe delivered: false)");
  });

  it("webhook-server.mjs parses each delivery form and refuses a stranger", async () => {
    const out = await example("webhook-server.mjs");
    for (const form of ["post", "json", "get"]) expect(out).toContain(`receipt (${form}) for D6D16B28-46AC-484A-AB0A-A08CD08EF75C: Delivered 201`);
    expect(out).toContain("inbound SMS from +61426123123: YES");
    expect(out).toMatch(/refused: webhook: fields \[hello\] match no ClickSend callback/);
  });
});
