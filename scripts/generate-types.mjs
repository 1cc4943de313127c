#!/usr/bin/env node
// Generates packages/types/src/generated/{openapi.ts,spec-info.ts} from the bundled spec.
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { bundleJsonPath, header, readBundle, repoRoot, writeFileAtomic } from "./lib/generated.mjs";

const pkgDir = join(repoRoot, "packages/types");
const require = createRequire(join(pkgDir, "package.json"));

try {
  const { info } = readBundle();
  const { default: openapiTS, astToString } = await import(
    pathToFileURL(require.resolve("openapi-typescript")).href.replace(/\.cjs$/, ".mjs")
  );
  const ast = await openapiTS(pathToFileURL(bundleJsonPath), {
    // A default (e.g. `shorten_urls: false`) must not make a request field required.
    defaultNonNullable: false,
  });
  const types = header("generate-types.mjs", info) + "\n" + astToString(ast);
  const stamp =
    header("generate-types.mjs", info) +
    `\n/** The spec these types were generated from. */\nexport const specInfo = ${JSON.stringify(
      { title: info.title, version: info.version, sha256: info.sha256 },
      null,
      2,
    )} as const;\n`;
  writeFileAtomic(join(pkgDir, "src/generated/openapi.ts"), types);
  writeFileAtomic(join(pkgDir, "src/generated/spec-info.ts"), stamp);
  console.log(`types generated from ${info.title} ${info.version} (sha256 ${info.sha256.slice(0, 12)})`);
} catch (err) {
  console.error(`generate-types: ${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
}
