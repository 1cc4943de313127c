import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// The TypeScript examples in the READMEs are what users copy first; they must compile against
// the packages as built. Each ```ts block becomes a module, type-checked with tsc under `strict`
// (as a user's project would be). The client README's blocks are fragments of one story and are
// covered by the client's own tests and examples/ instead.
const root = join(import.meta.dirname, "../../..");
const READMES = ["README.md", "packages/gateway/README.md", "packages/types/README.md"];
const dir = join(import.meta.dirname, ".readme-examples");

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("README examples", () => {
  it("type-check", () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    for (const readme of READMES) {
      const blocks = [...readFileSync(join(root, readme), "utf8").matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
      blocks.forEach((code, i) => {
        const file = `${readme.replace(/[/.]/g, "_")}_${i}.ts`;
        writeFileSync(join(dir, file), `export {};\n${code}`);
        files.push(file);
      });
    }
    expect(files.length).toBeGreaterThanOrEqual(6);
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        extends: "../../tsconfig.json",
        compilerOptions: { noEmit: true, noUncheckedIndexedAccess: false },
        include: ["*.ts"],
      }),
    );
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const run = spawnSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], { encoding: "utf8" });
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  }, 120_000);
});
