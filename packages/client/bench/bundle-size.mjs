// Bundle size of an entry that sends one SMS (bench/fixtures/send-one-sms.mjs): esbuild --bundle
// --minify into one file, then gzip -9, for node and browser. The official `clicksend` SDK 5.x is
// bundled the same way for comparison.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { packageDir } from "./lib.mjs";

async function bundle(entry, platform, cjsShim = false) {
  const outdir = mkdtempSync(join(tmpdir(), "clicksend-bench-"));
  try {
    await build({
      entryPoints: { entry: join(packageDir, "bench/fixtures", entry) },
      absWorkingDir: packageDir,
      bundle: true,
      minify: true,
      format: "esm",
      platform,
      outdir,
      logLevel: "silent",
      // As a consumer bundles the package: without this package's own tsconfig (whose `paths`
      // point `#transport` at the Node source for type-checking).
      tsconfigRaw: {},
      // The official SDK is CommonJS and requires Node built-ins; ESM output needs `require` for that.
      ...(cjsShim && platform === "node" ? { banner: { js: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" } } : {}),
    });
    return { bytes: gzipSync(readFileSync(join(outdir, "entry.js")), { level: 9 }).length };
  } catch (err) {
    return { error: err.errors?.[0]?.text ?? String(err.message ?? err) };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** `{ node, browser }`, each `{ client, official, officialError }` in gzipped bytes. */
export async function measureBundleSize() {
  const out = {};
  for (const platform of ["node", "browser"]) {
    const client = await bundle("send-one-sms.mjs", platform);
    if (client.error) throw new Error(`bundling the client for ${platform} failed: ${client.error}`);
    const official = await bundle("official-send-one-sms.mjs", platform, true);
    out[platform] = { client: client.bytes, official: official.bytes, officialError: official.error };
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await measureBundleSize(), null, 2));
}
