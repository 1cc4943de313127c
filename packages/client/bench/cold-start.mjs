// Cold start: wall time of a fresh `node` process that imports the client and constructs it, vs
// one that imports an empty ESM package (the floor that importing any package costs on this
// machine) and one that prepares a plain `fetch` call (nothing to import). As a consumer would,
// the client is imported from a node_modules copy of the package and its dependency. Runs alternate, so machine noise
// hits all three alike. Start-up times here are bimodal (a share of runs, varying from one
// minute to the next, is about 8 ms slower for all three), which makes a median jump between
// the two modes; the lower quartile stays in the fast mode and is stable from run to run.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { packageDir, quantile } from "./lib.mjs";

// The same clean environment for all: no NODE_OPTIONS or NODE_EXTRA_CA_CERTS (which alone can
// double Node's start-up) from the shell the bench runs in.
const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" };
const FIXTURES = { fetch: "cold-fetch.mjs", emptyPackage: "cold-empty-package.mjs", client: "cold-client.mjs" };

/** A consumer project: the fixtures next to node_modules/{@clicksend-kit/client,empty-esm-package}. */
function stageConsumer() {
  const dir = mkdtempSync(join(tmpdir(), "clicksend-cold-"));
  const client = join(dir, "node_modules/@clicksend-kit/client");
  mkdirSync(client, { recursive: true });
  cpSync(join(packageDir, "package.json"), join(client, "package.json"));
  cpSync(join(packageDir, "dist"), join(client, "dist"), { recursive: true });
  const openapiFetch = dirname(createRequire(join(packageDir, "package.json")).resolve("openapi-fetch/package.json"));
  cpSync(openapiFetch, join(dir, "node_modules/openapi-fetch"), { recursive: true, dereference: true });
  const empty = join(dir, "node_modules/empty-esm-package");
  mkdirSync(empty, { recursive: true });
  writeFileSync(join(empty, "package.json"), JSON.stringify({ name: "empty-esm-package", type: "module", exports: { ".": "./index.js" } }));
  writeFileSync(join(empty, "index.js"), "export {};\n");
  for (const file of Object.values(FIXTURES)) cpSync(join(packageDir, "bench/fixtures", file), join(dir, file));
  return dir;
}

function run(dir, file) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [join(dir, file)], { cwd: dir, env });
  if (child.status !== 0) throw new Error(`${file} failed: ${child.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export const COLD_START_RUNS = 120;

/** Lower-quartile wall time (ms) of each fixture: `{ fetch, emptyPackage, client }`. */
export function measureColdStart({ runs = COLD_START_RUNS } = {}) {
  const dir = stageConsumer();
  try {
    const times = Object.fromEntries(Object.keys(FIXTURES).map((k) => [k, []]));
    for (const file of Object.values(FIXTURES)) run(dir, file); // warm the file system cache
    for (let i = 0; i < runs; i++) for (const [k, file] of Object.entries(FIXTURES)) times[k].push(run(dir, file));
    return Object.fromEntries(Object.entries(times).map(([k, t]) => [k, quantile(t, 0.25)]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { fetch, emptyPackage, client } = measureColdStart();
  console.log(`plain fetch ${fetch.toFixed(1)} ms, empty package ${emptyPackage.toFixed(1)} ms, client ${client.toFixed(1)} ms: ${(client / emptyPackage).toFixed(3)}× the empty package`);
}
