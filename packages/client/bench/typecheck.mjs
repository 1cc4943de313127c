// Type-check time: `tsc --noEmit` over a consumer making 20 typed calls
// (fixtures/typecheck-20-calls.ts) vs an empty one, each in a fresh process, median of runs.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { median, packageDir } from "./lib.mjs";

const tsc = createRequire(join(packageDir, "package.json")).resolve("typescript/bin/tsc");
const flags = ["--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--types", "node"];

function run(file) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [tsc, ...flags, join("bench/fixtures", file)], { cwd: packageDir, encoding: "utf8" });
  if (child.status !== 0) throw new Error(`tsc failed on ${file}:\n${child.stdout}${child.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function measureTypecheck({ runs = 3 } = {}) {
  const empty = [];
  const calls = [];
  for (let i = 0; i < runs; i++) {
    empty.push(run("typecheck-empty.ts"));
    calls.push(run("typecheck-20-calls.ts"));
  }
  return { empty: median(empty), calls: median(calls) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { empty, calls } = measureTypecheck();
  console.log(`empty ${empty.toFixed(0)} ms, 20 typed calls ${calls.toFixed(0)} ms: ${(calls / empty).toFixed(2)}×`);
}
