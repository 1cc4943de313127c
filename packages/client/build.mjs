#!/usr/bin/env node
// `pnpm build` of @clicksend-kit/client into a dist/ emptied first (so no file of an earlier
// build is published): declarations from tsc, JavaScript from esbuild. The two entries (`.` and
// `./route`) share one chunk, so both see the same error classes, and a consumer's Node loads
// three modules instead of one per source file (a cold-start cost); the platform transports
// behind `#transport` (package.json `imports`) are built on their own. Syntax and whitespace are
// minified, names are not: stack traces stay readable.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { build } from "esbuild";

const dir = new URL(".", import.meta.url).pathname;
rmSync(new URL("dist", import.meta.url), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--emitDeclarationOnly"], { cwd: dir, stdio: "inherit" });

const common = {
  absWorkingDir: dir,
  bundle: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  minifySyntax: true,
  minifyWhitespace: true,
  sourcemap: false, // a map would point at src/, which the tarball does not ship
  logLevel: "warning",
  external: ["openapi-fetch", "#transport", "node:*"],
  // The package's tsconfig maps #transport to the Node source for type-checking; built code
  // resolves it through package.json `imports` at run time.
  tsconfigRaw: {},
};
await Promise.all([
  build({ ...common, entryPoints: ["src/index.ts", "src/route.ts"], outdir: "dist", splitting: true, chunkNames: "shared-[hash]" }),
  build({ ...common, entryPoints: ["src/transport/node.ts", "src/transport/web.ts"], outdir: "dist/transport" }),
]);
