#!/usr/bin/env node
// Drift check: the committed generated files must be exactly what the generators produce now.
//
//   node scripts/check-drift.mjs [--no-regenerate] [--root <git repo>]
//
// Regenerates with turbo's cache bypassed (a cache hit would replay old outputs and hide drift),
// then asks git whether anything under the generated paths differs from HEAD: modified, deleted,
// staged, or new untracked files. `--no-regenerate` runs only the git check.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { InputError, isMain, repoRoot, runCli } from './lib/cli.mjs';

// Pathspecs of everything a generator writes. `:(glob)` makes `*` stop at `/`, so only
// packages/<name>/src/generated/** matches (not e.g. node_modules deeper down).
export const GENERATED_PATHSPECS = [
  'spec/dist/openapi.json',
  'spec/dist/openapi.yaml',
  'spec/dist/openapi-3.0.json',
  'spec/dist/openapi-3.0.yaml',
  'spec/dist/openapi.dereferenced.json',
  'spec/dist/spec-info.json',
  'spec/dist/maton.json',
  'spec/dist/maton.yaml',
  ':(glob)packages/*/src/generated/**',
];

// Files the regeneration must leave behind; if turbo "succeeds" without them, git alone
// would see nothing (a missing untracked file is not a change) and pass.
const MUST_EXIST = GENERATED_PATHSPECS.filter((spec) => spec.startsWith('spec/dist/'));

export const REGENERATE_COMMAND = ['pnpm', ['exec', 'turbo', 'run', 'generate', '--force', '--output-logs=errors-only']];

const FIX = 'Fix: run `pnpm build` and commit the regenerated files (never edit generated files by hand; change spec/ instead).';

function git(root, args, { allowFail = false } = {}) {
  const run = spawnSync('git', ['-c', 'core.quotepath=off', '-c', 'color.ui=never', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new InputError(`cannot run git: ${run.error.message}`);
  if (run.status !== 0 && !allowFail) {
    throw new InputError(`git ${args.join(' ')} failed in ${root}:\n${run.stderr.trim()}`);
  }
  return run;
}

/**
 * The git side of the check, on its own so tests can run it in a throwaway repository.
 * @returns {{ changed: {status: string, file: string}[], ignored: string[], stat: string }}
 *   `changed` uses porcelain codes (" M", "??", " D", "A ", …); `ignored` lists generated files
 *   that .gitignore hides (drift there would go unseen); `stat` is `git diff --stat HEAD`.
 */
export function gitDrift(root, pathspecs = GENERATED_PATHSPECS) {
  const inside = git(root, ['rev-parse', '--is-inside-work-tree'], { allowFail: true });
  if (inside.status !== 0 || inside.stdout.trim() !== 'true') throw new InputError(`${root} is not a git work tree`);

  // -uall lists each untracked file instead of its directory; --ignored shows hidden ones; -z
  // keeps names with spaces intact.
  const out = git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignored=traditional', '--', ...pathspecs]).stdout;
  const entries = out.split('\0');
  const changed = [];
  const ignored = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (entry === '') continue;
    const status = entry.slice(0, 2);
    const file = entry.slice(3);
    if (status === '!!') ignored.push(file);
    else changed.push({ status, file });
    if (status[0] === 'R' || status[0] === 'C') i++; // the original name follows a rename
  }

  let stat = '';
  const hasHead = git(root, ['rev-parse', '--verify', '--quiet', 'HEAD'], { allowFail: true }).status === 0;
  if (changed.length > 0 && hasHead) {
    stat = git(root, ['diff', '--stat', 'HEAD', '--', ...pathspecs]).stdout.trimEnd();
  }
  return { changed, ignored, stat, hasHead };
}

function describe(status) {
  if (status === '??') return 'new, not committed';
  if (status.includes('D')) return 'deleted';
  if (status.includes('A')) return 'added';
  if (status.includes('R')) return 'renamed';
  return 'modified';
}

/** Render the git result; returns { ok, text }. */
export function formatDrift({ changed, ignored, stat, hasHead }, { dirtyBefore = [] } = {}) {
  const lines = [];
  if (ignored.length > 0) {
    lines.push('drift: these generated files are ignored by .gitignore, so changes to them cannot be checked:');
    for (const f of ignored) lines.push(`  ${f}`);
    lines.push('Fix: un-ignore them (they are committed on purpose) and commit them.');
  }
  if (changed.length > 0) {
    lines.push('drift: generated files differ from what is committed:');
    for (const c of changed) lines.push(`  ${c.file} (${describe(c.status)})`);
    if (stat) lines.push('', stat);
    else if (!hasHead) lines.push('(no commit yet to diff against)');
    const before = changed.filter((c) => dirtyBefore.includes(c.file));
    if (before.length > 0) {
      lines.push('', `note: ${before.length} of these already differed before regeneration (an uncommitted build or hand edit).`);
    }
    lines.push('', FIX);
  }
  if (lines.length === 0) {
    return { ok: true, text: 'drift check OK: generated files match the committed ones\n' };
  }
  return { ok: false, text: `${lines.join('\n')}\n` };
}

function regenerate(root) {
  const [cmd, args] = REGENERATE_COMMAND;
  process.stdout.write(`drift: regenerating: ${cmd} ${args.join(' ')}\n`);
  const run = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' },
  });
  if (run.error) {
    throw new InputError(`cannot run ${cmd}: ${run.error.code === 'ENOENT' ? `${cmd} is not on PATH` : run.error.message}`);
  }
  if (run.status !== 0) {
    throw new InputError(`regeneration failed (${cmd} ${args.join(' ')} exited with ${run.status ?? run.signal}); fix the errors above first`);
  }
  const missing = MUST_EXIST.filter((f) => !existsSync(path.join(root, f)));
  if (missing.length > 0) {
    throw new InputError(`regeneration succeeded but did not produce ${missing.join(', ')}`);
  }
}

const USAGE = 'usage: node scripts/check-drift.mjs [--no-regenerate] [--root <git repo>]';

export function main(argv = process.argv.slice(2)) {
  return runCli({ name: 'check-drift', usage: USAGE, flags: { 'no-regenerate': 'boolean', root: 'string' }, argv }, (flags) => {
    const root = flags.root ? path.resolve(flags.root) : repoRoot;
    let dirtyBefore = [];
    if (!flags['no-regenerate']) {
      dirtyBefore = gitDrift(root).changed.map((c) => c.file);
      regenerate(root);
    }
    const { ok, text } = formatDrift(gitDrift(root), { dirtyBefore });
    (ok ? process.stdout : process.stderr).write(text);
    return ok ? 0 : 1;
  });
}

if (isMain(import.meta.url)) process.exitCode = main();
