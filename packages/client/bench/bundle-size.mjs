// Bundle size of an entry that sends one SMS (bench/fixtures/send-one-sms.mjs): esbuild --bundle
// --minify, then gzip -9, for node and browser. Measured twice: as one file (everything the
// entry can reach, including chunks loaded later), and with code splitting, where the send path
// is the entry plus the platform transport it loads on the first request (the failure handling
// and operation-name table load on the first failure or log line, the webhook shapes on the
// first parseWebhook). The official `clicksend` SDK 5.x is bundled the same way for comparison.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { packageDir } from "./lib.mjs";

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

const chunkName = (file) => basename(file).replace(/-[A-Z0-9]{8}/g, "").replace(/\.js$/, "");

async function bundle(entry, platform, splitting, cjsShim = false) {
  const outdir = mkdtempSync(join(tmpdir(), "clicksend-bench-"));
  try {
    const { metafile } = await build({
      entryPoints: { entry: join(packageDir, "bench/fixtures", entry) },
      absWorkingDir: packageDir,
      bundle: true,
      minify: true,
      format: "esm",
      platform,
      splitting,
      outdir,
      metafile: true,
      logLevel: "silent",
      // The official SDK is CommonJS and requires Node built-ins; ESM output needs `require` for that.
      ...(cjsShim && platform === "node" ? { banner: { js: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" } } : {}),
    });
    const outputs = Object.fromEntries(Object.entries(metafile.outputs).filter(([file]) => file.endsWith(".js")).map(([file, out]) => [resolve(packageDir, file), out]));
    const entryFile = join(outdir, "entry.js");
    // What a send that succeeds loads: the entry, the platform transport (imported on the first
    // request), and every chunk either imports statically.
    const sendPath = new Set();
    const load = (file) => {
      if (sendPath.has(file)) return;
      sendPath.add(file);
      for (const i of outputs[file].imports) if (i.kind === "import-statement" && !i.external) load(resolve(packageDir, i.path));
    };
    load(entryFile);
    for (const i of outputs[entryFile].imports) if (i.kind === "dynamic-import" && chunkName(i.path).endsWith("transport")) load(resolve(packageDir, i.path));
    const bytes = Object.fromEntries(Object.keys(outputs).map((f) => [f, gz(f)]));
    // Chunks by what they hold: "failure", "operations", "webhooks", "node-transport", …
    const chunks = Object.fromEntries(Object.keys(outputs).filter((f) => f !== entryFile).map((f) => [chunkName(f), bytes[f]]));
    return { bytes: bytes[entryFile], sendPath: [...sendPath].reduce((sum, f) => sum + bytes[f], 0), chunks };
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
    out[platform] = {
      single: single.bytes,
      entry: split.bytes,
      sendPath: split.sendPath,
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
