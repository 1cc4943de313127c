// Cold start: wall time of a fresh `node` process that imports the client and constructs it,
// vs one that prepares a plain `fetch` call (nothing to import). Runs alternate and the median
// is taken, so machine noise hits both alike.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { median, packageDir } from "./lib.mjs";

// The same clean environment for both: no NODE_OPTIONS or NODE_EXTRA_CA_CERTS (which alone can
// double Node's start-up) from the shell the bench runs in.
const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" };

function run(file) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [join(packageDir, "bench/fixtures", file)], { cwd: packageDir, env });
  if (child.status !== 0) throw new Error(`${file} failed: ${child.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function measureColdStart({ runs = 80 } = {}) {
  run("cold-fetch.mjs");
  run("cold-client.mjs");
  const fetchMs = [];
  const clientMs = [];
  for (let i = 0; i < runs; i++) {
    fetchMs.push(run("cold-fetch.mjs"));
    clientMs.push(run("cold-client.mjs"));
  }
  return { fetch: median(fetchMs), client: median(clientMs) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { fetch, client } = measureColdStart();
  console.log(`plain fetch ${fetch.toFixed(1)} ms, client ${client.toFixed(1)} ms: ${(client / fetch).toFixed(3)}×`);
}
