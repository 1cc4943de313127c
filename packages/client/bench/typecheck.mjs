// Type-check cost: TypeScript's count of type instantiations for the same calls made through the
// client (fixtures/consumer-client.ts) and through plain openapi-fetch
// (fixtures/consumer-openapi-fetch.ts). Counts are deterministic, so one run each suffices.
// Measured twice: with --skipLibCheck, which counts what the calls cost, and without, which adds
// checking every declaration file the consumer imports (the same @clicksend-kit/types for both).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { packageDir } from "./lib.mjs";

const tsc = createRequire(join(packageDir, "package.json")).resolve("typescript/bin/tsc");
const flags = ["--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--types", "node", "--extendedDiagnostics"];

function instantiations(file, skipLibCheck) {
  const child = spawnSync(process.execPath, [tsc, ...flags, ...(skipLibCheck ? ["--skipLibCheck"] : []), join("bench/fixtures", file)], { cwd: packageDir, encoding: "utf8" });
  if (child.status !== 0) throw new Error(`tsc failed on ${file}:\n${child.stdout}${child.stderr}`);
  const count = /Instantiations:\s+(\d+)/.exec(child.stdout);
  if (!count) throw new Error(`tsc printed no instantiation count for ${file}`);
  return Number(count[1]);
}

/** `{ calls: { client, openapiFetch }, withLibCheck: { client, openapiFetch, empty } }`. */
export function measureTypecheck() {
  return {
    calls: { client: instantiations("consumer-client.ts", true), openapiFetch: instantiations("consumer-openapi-fetch.ts", true) },
    withLibCheck: {
      client: instantiations("consumer-client.ts", false),
      openapiFetch: instantiations("consumer-openapi-fetch.ts", false),
      empty: instantiations("typecheck-empty.ts", false),
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(measureTypecheck(), null, 2));
