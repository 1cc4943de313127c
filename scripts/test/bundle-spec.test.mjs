import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../lib/cli.mjs';

// A copy of the repository's spec and scripts in a temporary folder, so a broken spec can be
// bundled and linted for real without touching the working tree.
let copy;
const badOperation = 'paths/sms/send.yaml';

beforeAll(() => {
  copy = mkdtempSync(path.join(tmpdir(), 'bundle-spec-'));
  for (const dir of ['scripts/lib', 'spec/paths', 'spec/components', 'spec/webhooks', 'spec/maton', 'spec/lint', 'spec/dist']) {
    cpSync(path.join(repoRoot, dir), path.join(copy, dir), { recursive: true });
  }
  for (const file of ['scripts/bundle-spec.mjs', 'scripts/spec-variants.mjs', 'scripts/generate-operations.mjs', 'spec/openapi.yaml', 'spec/package.json', 'redocly.yaml']) {
    cpSync(path.join(repoRoot, file), path.join(copy, file));
  }
  symlinkSync(path.join(repoRoot, 'spec/node_modules'), path.join(copy, 'spec/node_modules'));
  const file = path.join(copy, 'spec', badOperation);
  writeFileSync(file, readFileSync(file, 'utf8').replace('x-idempotent: false', 'x-idempotent: "no"'));
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const run = (cmd, args) => spawnSync(cmd, args, { cwd: copy, encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } });

describe('a spec the generators cannot read', () => {
  it('fails lint, naming the operation and the value', () => {
    const lint = run(path.join(copy, 'spec/node_modules/.bin/redocly'), ['lint', 'clicksend@v3', '--config', 'redocly.yaml', '--format', 'stylish']);
    expect(lint.status).toBe(1);
    expect(lint.stdout + lint.stderr).toMatch(/spec\/paths\/sms\/send\.yaml[\s\S]*clicksend\/x-idempotent-boolean\s+`x-idempotent` must be the boolean true or false, not "no"/);
  });

  it('is not bundled: spec/dist keeps the previous bundle, in step with the generated files', () => {
    const dist = ['openapi.json', 'openapi-3.0.json', 'openapi.dereferenced.json'];
    const read = () => dist.map((name) => readFileSync(path.join(copy, 'spec/dist', name), 'utf8'));
    const before = read();
    const bundle = run(process.execPath, ['scripts/bundle-spec.mjs']);
    expect(bundle.status).toBe(1);
    expect(bundle.stderr).toMatch(/POST \/v3\/sms\/send \(sendSms\) has no boolean x-idempotent/);
    expect(read()).toEqual(before);
  });
});
