// Shared by the bench scripts: statistics, formatting, the loopback stand-in for ClickSend.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

export const packageDir = fileURLToPath(new URL("..", import.meta.url));

/** The `q` quantile (0..1) of `values`, interpolating between the two nearest. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.ceil(at)] - sorted[low]) * (at - low);
}

export const median = (values) => quantile(values, 0.5);

export const fmt = (n, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

/**
 * Starts bench/server.mjs in its own process (so it does not share the event loop with the
 * client being measured) and resolves with its base URL and a stop function.
 */
export async function startLoopbackClickSend() {
  const child = fork(fileURLToPath(new URL("./server.mjs", import.meta.url)), { stdio: ["ignore", "ignore", "inherit", "ipc"] });
  const port = await new Promise((resolve, reject) => {
    child.once("message", resolve);
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => (child.once("exit", resolve), child.kill())),
  };
}

/** A target line: `  name  value  (target …) PASS|MISS`. */
export function verdict(ok) {
  return ok ? "PASS" : "MISS";
}
