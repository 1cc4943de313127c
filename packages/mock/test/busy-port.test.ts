import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { PortInUseError, startPrism, startRecordingServer, type RecordingServer } from "../src/index.js";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const started: RecordingServer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
});

describe("a port that is already in use", () => {
  it("makes startPrism fail at once with PortInUseError, before Prism loads the spec", async () => {
    const taken = await startRecordingServer();
    started.push(taken);
    const error = await startPrism({ port: taken.port }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortInUseError);
    expect((error as PortInUseError).message).toBe(`port ${taken.port} on 127.0.0.1 is already in use`);
  });

  it("makes the mock CLI print one line naming the port and exit 1", async () => {
    const taken = await startRecordingServer();
    started.push(taken);
    const run = spawnSync(process.execPath, [cli], { env: { ...process.env, PORT: String(taken.port), HOST: "127.0.0.1" }, encoding: "utf8", timeout: 30_000 });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      `clicksend-mock: port ${taken.port} on 127.0.0.1 is already in use; stop what listens there or choose another port, e.g. PORT=${taken.port + 1}`,
    ]);
  });

  it("rejects a PORT that is not a port number in one line", () => {
    const run = spawnSync(process.execPath, [cli], { env: { ...process.env, PORT: "http" }, encoding: "utf8", timeout: 30_000 });
    expect(run.status).toBe(1);
    expect(run.stderr.trimEnd().split("\n")).toEqual(['clicksend-mock: PORT must be a TCP port number (1-65535), got "http"']);
  });
});
