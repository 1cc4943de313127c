#!/usr/bin/env node
// `pnpm build` of @clicksend-kit/client: tsc compiles src/ into a dist/ emptied first (so no file
// of an earlier layout is published), one .js and .d.ts per module.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";

const dir = new URL(".", import.meta.url).pathname;
rmSync(new URL("dist", import.meta.url), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: dir, stdio: "inherit" });
