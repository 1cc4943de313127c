#!/usr/bin/env node
// `pnpm build` of @clicksend-kit/client: declarations from tsc, then three esbuild outputs into a
// dist/ emptied first (chunk names carry a content hash, so stale chunks would otherwise pile up
// and be published).
//
// - dist/index.js (+ dist/chunks/): the public entry, split so the operation-name table and the
//   webhook shapes load only when used.
// - dist/failure.js: what only a failed attempt needs (errors, retries, redaction). Built on its
//   own so that nothing it imports becomes a chunk shared with the entry (src/core/failure.ts).
// - dist/internal/{node,web}-transport.js: the platform transports behind `#transport`
//   (package.json `imports`), loaded on the first request.
//
// Syntax and whitespace are minified, names are not: stack traces stay readable.
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
};
await Promise.all([
  build({
    ...common,
    entryPoints: ["src/index.ts"],
    outdir: "dist",
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    external: ["#transport", "./failure.js"],
  }),
  build({ ...common, entryPoints: ["src/core/failure.ts"], outfile: "dist/failure.js" }),
  build({
    ...common,
    entryPoints: ["src/internal/node-transport.ts", "src/internal/web-transport.ts"],
    outdir: "dist/internal",
    external: ["node:*"],
  }),
]);
