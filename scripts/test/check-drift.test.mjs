import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENERATED_PATHSPECS, formatDrift, gitDrift } from '../check-drift.mjs';
import { repoRoot } from '../lib/cli.mjs';

const script = path.resolve(import.meta.dirname, '../check-drift.mjs');

function sh(cwd, cmd, args) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

let repo;
const file = (rel, content) => {
  mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
  writeFileSync(path.join(repo, rel), content);
};

// A throwaway repository laid out like ours, with every generated file committed.
beforeEach(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'drift-'));
  sh(repo, 'git', ['init', '-q', '-b', 'main']);
  sh(repo, 'git', ['config', 'user.email', 'test@example.invalid']);
  sh(repo, 'git', ['config', 'user.name', 'test']);
  sh(repo, 'git', ['config', 'commit.gpgsign', 'false']);
  file('spec/dist/openapi.json', '{"openapi":"3.1.0"}\n');
  file('spec/dist/openapi.yaml', 'openapi: 3.1.0\n');
  file('spec/dist/openapi-3.0.json', '{"openapi":"3.0.3"}\n');
  file('spec/dist/openapi-3.0.yaml', 'openapi: 3.0.3\n');
  file('spec/dist/openapi.dereferenced.json', '{"openapi":"3.1.0"}\n');
  file('spec/dist/spec-info.json', '{}\n');
  file('spec/dist/maton.json', '{"openapi":"3.1.0"}\n');
  file('spec/dist/maton.yaml', 'openapi: 3.1.0\n');
  file('packages/types/src/generated/openapi.ts', 'export interface paths {}\n');
  file('packages/types/src/index.ts', 'export * from "./generated/openapi.js";\n');
  file('README.md', '# test\n');
  sh(repo, 'git', ['add', '-A']);
  sh(repo, 'git', ['commit', '-q', '-m', 'init']);
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

function run(args, env = process.env) {
  const r = spawnSync(process.execPath, [script, '--root', repo, ...args], { encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('git drift check (--no-regenerate)', () => {
  it('exits 0 with one OK line on a clean tree', () => {
    const r = run(['--no-regenerate']);
    expect(r).toEqual({ code: 0, stdout: 'drift check OK: generated files match the committed ones\n', stderr: '' });
  });

  it('ignores changes outside the generated paths', () => {
    file('README.md', '# changed\n');
    file('packages/types/src/index.ts', '// hand-written, may change\n');
    file('packages/types/src/extra.ts', 'export {};\n');
    file('packages/types/node_modules/x/src/generated/y.ts', 'noise\n');
    expect(run(['--no-regenerate']).code).toBe(0);
  });

  it('exits 1 naming a modified generated file, with a diff stat and the fix', () => {
    file('spec/dist/openapi.json', '{"openapi":"3.1.0","paths":{}}\n');
    const r = run(['--no-regenerate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('  spec/dist/openapi.json (modified)');
    expect(r.stderr).toMatch(/spec\/dist\/openapi\.json \| 2 \+-/);
    expect(r.stderr).toContain('1 file changed');
    expect(r.stderr).toContain('run `pnpm build` and commit the regenerated files');
  });

  it('exits 1 on new untracked, deleted and staged generated files', () => {
    file('packages/client/src/generated/operations.ts', 'export const x = 1;\n');
    unlinkSync(path.join(repo, 'spec/dist/spec-info.json'));
    file('packages/types/src/generated/openapi.ts', 'export interface paths { x: 1 }\n');
    sh(repo, 'git', ['add', 'packages/types/src/generated/openapi.ts']);
    const r = run(['--no-regenerate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('  packages/client/src/generated/operations.ts (new, not committed)');
    expect(r.stderr).toContain('  spec/dist/spec-info.json (deleted)');
    expect(r.stderr).toContain('  packages/types/src/generated/openapi.ts (modified)');
  });

  it('exits 1 naming each spec variant that differs from the committed one', () => {
    file('spec/dist/openapi-3.0.yaml', 'openapi: 3.0.3\npaths: {}\n');
    unlinkSync(path.join(repo, 'spec/dist/openapi.dereferenced.json'));
    const r = run(['--no-regenerate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('  spec/dist/openapi-3.0.yaml (modified)');
    expect(r.stderr).toContain('  spec/dist/openapi.dereferenced.json (deleted)');
    expect(r.stderr).not.toContain('openapi-3.0.json');
  });

  it('exits 1 when .gitignore hides a generated file, since its drift would go unseen', () => {
    file('.gitignore', 'generated/\n');
    file('packages/gateway/src/generated/routes.ts', 'export {};\n');
    const r = run(['--no-regenerate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ignored by .gitignore');
    expect(r.stderr).toContain('  packages/gateway/src/generated/routes.ts');
  });

  it('names files with spaces correctly', () => {
    file('packages/types/src/generated/with space.ts', 'x\n');
    expect(gitDrift(repo).changed).toEqual([{ status: '??', file: 'packages/types/src/generated/with space.ts' }]);
  });

  it('fails clearly outside a git work tree', () => {
    const plain = mkdtempSync(path.join(tmpdir(), 'not-git-'));
    try {
      const r = spawnSync(process.execPath, [script, '--root', plain, '--no-regenerate'], { encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('is not a git work tree');
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});

describe('formatDrift', () => {
  it('notes files that were already dirty before regeneration', () => {
    const { ok, text } = formatDrift(
      { changed: [{ status: ' M', file: 'spec/dist/openapi.json' }], ignored: [], stat: '', hasHead: true },
      { dirtyBefore: ['spec/dist/openapi.json'] },
    );
    expect(ok).toBe(false);
    expect(text).toContain('1 of these already differed before regeneration');
  });

  it('covers every file a generator writes in this repository, and nothing else', () => {
    const git = (...args) => spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    const covered = new Set(git('ls-files', '--', ...GENERATED_PATHSPECS));
    // Each pathspec names files that exist: none is left over from a generator that moved.
    for (const spec of GENERATED_PATHSPECS) expect(git('ls-files', '--', spec), spec).not.toEqual([]);
    // Each file stamped by a generator (the header in its first lines) is checked for drift.
    // The exceptions are made from documents outside this repo, so CI cannot regenerate them:
    // the seed-004 parameter list (spec/test/inventory.test.ts checks the spec against it) and
    // the facts of ClickSend's own descriptions (spec/test/reconciliation.test.ts does).
    const stamped = git('ls-files')
      .filter((file) => existsSync(path.join(repoRoot, file)))
      .filter((file) => /do not edit/i.test(readFileSync(path.join(repoRoot, file), 'utf8').split('\n', 5).join('\n')));
    expect(stamped.length).toBeGreaterThan(5);
    expect(stamped.filter((file) => !covered.has(file))).toEqual([
      'spec/inventory/action-parameters.tsv',
      'spec/reference/facts/swagger2.json',
      'spec/reference/facts/v6-draft.json',
      'spec/reference/facts/v6.json',
    ]);
  });
});

describe('regeneration step', () => {
  // A stand-in `pnpm` first on PATH: records its arguments and plays a generator.
  function fakePnpm(body) {
    const bin = path.join(repo, '.fakebin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, 'pnpm'), `#!/bin/sh\necho "$@" > "${path.join(bin, 'args')}"\n${body}\n`);
    chmodSync(path.join(bin, 'pnpm'), 0o755);
    file('.gitignore', '.fakebin/\n');
    sh(repo, 'git', ['add', '.gitignore']);
    sh(repo, 'git', ['commit', '-q', '-m', 'ignore fake bin']);
    return { env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` }, args: () => readFileSync(path.join(bin, 'args'), 'utf8').trim() };
  }

  it('runs turbo generate with the cache bypassed, then finds what it changed', () => {
    const fake = fakePnpm(`echo '{"changed":true}' > spec/dist/openapi.json`);
    const r = run([], fake.env);
    expect(fake.args()).toBe('exec turbo run generate --force --output-logs=errors-only');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('  spec/dist/openapi.json (modified)');
    expect(r.stderr).not.toContain('already differed');
  });

  it('passes when regeneration reproduces the committed files', () => {
    const fake = fakePnpm(`echo 'openapi: 3.1.0' > spec/dist/openapi.yaml`);
    const r = run([], fake.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('drift check OK');
  });

  it('exits 1 when regeneration fails', () => {
    const fake = fakePnpm('exit 3');
    const r = run([], fake.env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('regeneration failed (pnpm exec turbo run generate --force --output-logs=errors-only exited with 3)');
  });

  it('exits 1 when regeneration leaves a spec variant out', () => {
    const fake = fakePnpm('rm -f spec/dist/openapi-3.0.json');
    const r = run([], fake.env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('did not produce spec/dist/openapi-3.0.json');
  });

  it('exits 1 when regeneration leaves no bundle behind', () => {
    const fake = fakePnpm('rm -f spec/dist/openapi.json');
    const r = run([], fake.env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('did not produce spec/dist/openapi.json');
  });
});
