import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { freePort, assertPortFree } from "./free-port.js";

const require = createRequire(import.meta.url);

/** The bundled spec this package mocks by default (from @clicksend-kit/openapi). */
export const bundledSpecPath: string = require.resolve("@clicksend-kit/openapi/openapi.yaml");

export interface PrismOptions {
  /** OpenAPI file to serve (default: the bundled ClickSend spec). */
  spec?: string;
  /** Port to listen on (default: a free one). */
  port?: number;
  /** Address to listen on (default 127.0.0.1: only this machine can reach it). */
  host?: string;
  /** Generate random data from schemas instead of serving the examples. */
  dynamic?: boolean;
  /** How long to wait for Prism to listen (default 120 s: loading the whole bundle takes CPU seconds). */
  startTimeoutMs?: number;
}

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly port: number;
  /** PID of the server process (or of this process for in-process servers). */
  readonly pid: number;
  /** Stops the server; resolves once it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

function prismBin(): string {
  const pkg = require.resolve("@stoplight/prism-cli/package.json");
  return join(dirname(pkg), "dist", "index.js");
}

const running = new Set<ChildProcess>();
// A test run that crashes must not leave Prism processes behind.
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/**
 * Starts Prism's mock server on 127.0.0.1 (or `options.host`) from an OpenAPI file.
 * A port already in use fails at once with a {@link PortInUseError}.
 */
export async function startPrism(options: PrismOptions = {}): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? (await freePort(host));
  // Prism would load the whole spec first and then print its usage text; say it in one line instead.
  if (options.port !== undefined) await assertPortFree(port, host);
  const spec = options.spec ?? bundledSpecPath;
  const args = [prismBin(), "mock", spec, "--host", host, "--port", String(port)];
  if (options.dynamic) args.push("--dynamic");
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let output = "";

  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", () => running.delete(child));

  const startTimeoutMs = options.startTimeoutMs ?? 120_000;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`Prism did not start listening on port ${port} within ${startTimeoutMs} ms:\n${output}`));
    }, startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Prism is listening")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited (code ${code}) before listening on port ${port}:\n${output}`));
    });
  });
  // Keep draining output so a chatty Prism never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();

  const pid = child.pid;
  if (pid === undefined) throw new Error("Prism started without a PID");
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    pid,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(pid, "SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
