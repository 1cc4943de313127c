// Bundle size of an entry that sends one SMS (bench/fixtures/send-one-sms.mjs): esbuild --bundle
// --minify, then gzip -9, for node and browser. Measured twice: as one file (everything the
// entry can reach, including chunks loaded later), and with code splitting, where the send path
// is the entry plus the platform transport it loads on the first request (the failure handling
// and operation-name table load on the first failure or log line, the webhook shapes on the
// first parseWebhook). The official
// `clicksend` SDK 5.x is bundled the same way for comparison.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { packageDir } from "./lib.mjs";

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

async function bundle(entry, platform, splitting, cjsShim = false) {
  const outdir = mkdtempSync(join(tmpdir(), "clicksend-bench-"));
  try {
    await build({
      entryPoints: { entry: join(packageDir, "bench/fixtures", entry) },
      absWorkingDir: packageDir,
      bundle: true,
      minify: true,
      format: "esm",
      platform,
      splitting,
      outdir,
      logLevel: "silent",
      // The official SDK is CommonJS and requires Node built-ins; ESM output needs `require` for that.
      ...(cjsShim && platform === "node" ? { banner: { js: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" } } : {}),
    });
    const files = readdirSync(outdir).filter((f) => f.endsWith(".js"));
    const entryBytes = gz(join(outdir, "entry.js"));
    // Lazy chunks by what they hold: "failure", "operations", "webhooks", "node-transport", …
    const chunks = Object.fromEntries(files.filter((f) => f !== "entry.js").map((f) => [f.replace(/-[A-Z0-9]{8}/g, "").replace(/\.js$/, ""), gz(join(outdir, f))]));
    const lazy = Object.values(chunks).reduce((sum, bytes) => sum + bytes, 0);
    return { bytes: entryBytes, lazy, chunks };
  } catch (err) {
    return { error: err.errors?.[0]?.text ?? String(err.message ?? err) };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export async function measureBundleSize() {
  const out = {};
  for (const platform of ["node", "browser"]) {
    const single = await bundle("send-one-sms.mjs", platform, false);
    const split = await bundle("send-one-sms.mjs", platform, true);
    const official = await bundle("official-send-one-sms.mjs", platform, false, true);
    // What a send that succeeds loads: the entry, then the platform transport on the first request.
    const transport = Object.entries(split.chunks).find(([name]) => name.endsWith("transport"))?.[1] ?? 0;
    out[platform] = {
      single: single.bytes,
      entry: split.bytes,
      sendPath: split.bytes + transport,
      lazy: split.lazy,
      chunks: split.chunks,
      official: official.bytes,
      officialError: official.error,
    };
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await measureBundleSize(), null, 2));
}
