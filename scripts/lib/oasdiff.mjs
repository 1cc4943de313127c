// oasdiff, the breaking-change engine behind scripts/spec-diff.mjs: where its binary comes
// from and how it is run. The version is pinned (with checksums) in scripts/tools/go.mod and
// built once with the Go toolchain from the module proxy into node_modules/.cache; set
// OASDIFF_BIN to use another build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { InputError, repoRoot } from './cli.mjs';

const TOOLS_DIR = path.join(repoRoot, 'scripts/tools');
const CACHE_DIR = path.join(repoRoot, 'scripts/node_modules/.cache/clicksend-kit');

/** The oasdiff version pinned in scripts/tools/go.mod, e.g. "v1.33.0". */
export function oasdiffVersion() {
  const gomod = readFileSync(path.join(TOOLS_DIR, 'go.mod'), 'utf8');
  const m = /github\.com\/oasdiff\/oasdiff (v\S+)/.exec(gomod);
  if (!m) throw new InputError('scripts/tools/go.mod does not pin github.com/oasdiff/oasdiff');
  return m[1];
}

/**
 * Path of a runnable oasdiff: $OASDIFF_BIN, or the cached build of the pinned version, built
 * now (about a minute the first time) when missing. Writes via a temp name, so a failed or
 * interrupted build never leaves a broken binary behind.
 */
export function oasdiffBinary({ log = (msg) => process.stderr.write(`${msg}\n`) } = {}) {
  if (process.env.OASDIFF_BIN) {
    if (!existsSync(process.env.OASDIFF_BIN)) throw new InputError(`OASDIFF_BIN=${process.env.OASDIFF_BIN} does not exist`);
    return process.env.OASDIFF_BIN;
  }
  const version = oasdiffVersion();
  const bin = path.join(CACHE_DIR, `oasdiff-${version}`);
  if (existsSync(bin)) return bin;
  mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = `${bin}.${process.pid}.tmp`;
  log(`spec-diff: building oasdiff ${version} from scripts/tools/go.mod (once; cached in ${path.relative(repoRoot, CACHE_DIR)})`);
  const run = spawnSync('go', ['build', '-o', tmp, 'github.com/oasdiff/oasdiff'], {
    cwd: TOOLS_DIR,
    encoding: 'utf8',
    env: { ...process.env, GOFLAGS: '-mod=readonly -buildvcs=false' },
  });
  if (run.error) {
    rmSync(tmp, { force: true });
    throw new InputError(
      run.error.code === 'ENOENT'
        ? 'spec-diff needs the Go toolchain (1.26 or newer) on PATH to build oasdiff; install Go, or set OASDIFF_BIN to an oasdiff binary'
        : `cannot run go: ${run.error.message}`,
    );
  }
  if (run.status !== 0) {
    rmSync(tmp, { force: true });
    throw new InputError(`go build of oasdiff ${version} failed (exit ${run.status}):\n${run.stderr.trim()}`);
  }
  renameSync(tmp, bin);
  return bin;
}

/**
 * `oasdiff changelog base revision --format json`: every change oasdiff sees, with its check id
 * (`oasdiff checks changelog` lists them), level (1 info, 2 warning, 3 error), text, method,
 * path ("webhook:<name>" for webhooks) and operationId.
 */
export function oasdiffChangelog(baseFile, revisionFile, bin = oasdiffBinary()) {
  const run = spawnSync(bin, ['changelog', baseFile, revisionFile, '--format', 'json', '--lang', 'en'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    // No config file from the caller's directory or environment may change the rules.
    cwd: path.dirname(revisionFile),
    env: { ...process.env, OASDIFF_CONFIG: '' },
  });
  if (run.error) throw new InputError(`cannot run ${bin}: ${run.error.message}`);
  if (run.status !== 0) throw new InputError(`oasdiff changelog failed (exit ${run.status}):\n${run.stderr.trim() || run.stdout.trim()}`);
  try {
    const out = JSON.parse(run.stdout || '[]');
    return Array.isArray(out) ? out : [];
  } catch {
    throw new InputError(`oasdiff printed output that is not JSON:\n${run.stdout.slice(0, 500)}`);
  }
}
