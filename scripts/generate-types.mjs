#!/usr/bin/env node
// Generates TypeScript types from a bundled spec with openapi-typescript.
//
//   node scripts/generate-types.mjs [clicksend|maton]
//
// clicksend (default): packages/types/src/generated/{openapi.ts,spec-info.ts}
// maton:               packages/gateway/src/generated/maton-openapi.ts (Maton's connection API)
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { bundlePath, header, readBundle, repoRoot, writeFileAtomic } from "./lib/generated.mjs";

const TARGETS = {
  clicksend: { bundle: "openapi", pkg: "packages/types", types: "src/generated/openapi.ts", stamp: "src/generated/spec-info.ts" },
  maton: { bundle: "maton", pkg: "packages/gateway", types: "src/generated/maton-openapi.ts" },
};

try {
  const name = process.argv[2] ?? "clicksend";
  const target = TARGETS[name];
  if (!target) throw new Error(`unknown target ${JSON.stringify(name)}; expected one of ${Object.keys(TARGETS).join(", ")}`);
  const pkgDir = join(repoRoot, target.pkg);
  const require = createRequire(join(pkgDir, "package.json"));
  const { info } = readBundle(target.bundle);
  const { default: openapiTS, astToString } = await import(
    pathToFileURL(require.resolve("openapi-typescript")).href.replace(/\.cjs$/, ".mjs")
  );
  const ast = await openapiTS(pathToFileURL(bundlePath(target.bundle)), {
    // A default (e.g. `shorten_urls: false`) must not make a request field required.
    defaultNonNullable: false,
  });
  writeFileAtomic(join(pkgDir, target.types), header("generate-types.mjs", info) + "\n" + astToString(ast));
  if (target.stamp) {
    const stamp =
      header("generate-types.mjs", info) +
      `\n/** The spec these types were generated from. */\nexport const specInfo = ${JSON.stringify(info, null, 2)} as const;\n`;
    writeFileAtomic(join(pkgDir, target.stamp), stamp);
  }
  console.log(`${name} types generated from ${info.title} ${info.version} (sha256 ${info.sha256.slice(0, 12)})`);
} catch (err) {
  console.error(`generate-types: ${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
}
