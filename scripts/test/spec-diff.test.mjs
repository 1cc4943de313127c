import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatChangeset } from '../lib/changesets.mjs';
import { oasdiffBinary } from '../lib/oasdiff.mjs';
import {
  changesetSummary,
  classifyFinding,
  coverage,
  diffSpecs,
  diffPointers,
  formatSummary,
  namesToMention,
  typesWidened,
} from '../spec-diff.mjs';

const fixtures = path.join(import.meta.dirname, 'fixtures/spec-diff');
const load = (name) => YAML.parse(readFileSync(path.join(fixtures, name), 'utf8'));
const base = load('base.yaml');
const repo = path.resolve(import.meta.dirname, '../..');
const script = path.join(repo, 'scripts/spec-diff.mjs');

let bin;
beforeAll(() => {
  bin = oasdiffBinary({ log: () => {} }); // builds the pinned oasdiff once if it is not cached
}, 600_000);

const diff = (after) => diffSpecs(base, load(after), { bin });
const summary = (r) => r.findings.map((f) => `${f.class} | ${f.rule} | ${f.operation?.operationId ?? f.where}`);

// One before/after pair per written rule: class, rule, bump and the operations it names.
describe('classification rules (oasdiff + own rules), one spec pair each', () => {
  it.each([
    // breaking -> major
    ['breaking-operation-removed.yaml', 'breaking', 'operation removed', { removed: ['listSmsHistory'] }],
    ['breaking-operationid-renamed.yaml', 'breaking', 'operationId removed or renamed', { changed: ['sendMessages'] }],
    ['breaking-request-field-added-required.yaml', 'breaking', 'request field added as required or made required', { changed: ['sendSms'] }],
    ['breaking-request-field-made-required.yaml', 'breaking', 'request field added as required or made required', { changed: ['sendSms'] }],
    ['breaking-request-parameter-added-required.yaml', 'breaking', 'request field added as required or made required', { changed: ['listSmsHistory'] }],
    ['breaking-response-field-removed.yaml', 'breaking', 'response field removed', { changed: ['listSmsHistory', 'sendSms'] }],
    ['breaking-response-enum-value-removed.yaml', 'breaking', 'enum value removed from a response', { changed: ['listSmsHistory', 'sendSms'] }],
    ['breaking-request-enum-only-choice.yaml', 'breaking', 'enum added as the only choice(s) for a request field', { changed: ['sendSms'] }],
    ['breaking-request-type-narrowed.yaml', 'breaking', 'type narrowed or changed', { changed: ['sendSms'] }],
    ['breaking-parameter-type-changed.yaml', 'breaking', 'type narrowed or changed', { changed: ['listSmsHistory'] }],
    ['breaking-path-changed.yaml', 'breaking', 'path or method changed', { changed: ['sendSms'] }],
    ['breaking-method-changed.yaml', 'breaking', 'path or method changed', { changed: ['sendSms'] }],
    ['breaking-webhook-field-removed.yaml', 'breaking', 'webhook payload field removed', { changed: ['smsReceiptWebhook'] }],
    // feature -> minor
    ['feature-operation-added.yaml', 'feature', 'operation added', { added: ['listSmsTemplates'] }],
    ['feature-optional-request-field-added.yaml', 'feature', 'optional request field added', { changed: ['sendSms'] }],
    ['feature-response-field-added.yaml', 'feature', 'response field or enum value added', { changed: ['listSmsHistory', 'sendSms'] }],
    ['feature-response-enum-value-added.yaml', 'feature', 'response field or enum value added', { changed: ['listSmsHistory', 'sendSms'] }],
    ['feature-webhook-field-added.yaml', 'feature', 'webhook payload field added', { changed: ['smsReceiptWebhook'] }],
    // fix -> patch
    ['fix-description-changed.yaml', 'fix', 'descriptions or examples changed', { changed: ['listSmsHistory', 'sendSms'] }],
    ['fix-example-changed.yaml', 'fix', 'descriptions or examples changed', { changed: ['sendSms'] }],
  ])('%s: %s (%s)', (file, cls, rule, ops) => {
    const r = diff(file);
    const bump = { breaking: 'major', feature: 'minor', fix: 'patch' }[cls];
    expect(r.bump).toBe(bump);
    // The rule that sets the bump is there, and nothing is classed higher than the case says.
    expect(r.findings.filter((f) => f.class === cls).map((f) => f.rule)).toContain(rule);
    const rank = ['fix', 'feature', 'breaking'];
    for (const f of r.findings) expect(rank.indexOf(f.class), summary(r).join('\n')).toBeLessThanOrEqual(rank.indexOf(cls));
    const ids = (list) => list.map((o) => o.operationId).sort();
    expect({ added: ids(r.added), removed: ids(r.removed), changed: ids(r.changed) }).toEqual({ added: [], removed: [], changed: [], ...ops });
  });

  it('reports nothing for an identical spec', () => {
    const r = diffSpecs(base, structuredClone(base), { bin });
    expect(r).toMatchObject({ findings: [], added: [], removed: [], changed: [], bump: 'none' });
  });

  it('names the old and the new operationId of a rename, and both paths of a move', () => {
    expect(namesToMention(diff('breaking-operationid-renamed.yaml'))).toEqual([['sendMessages'], ['sendSms']]);
    // a webhook operation may be named by its operationId or by the webhook
    expect(namesToMention(diff('breaking-webhook-field-removed.yaml'))).toEqual([['smsReceiptWebhook', 'smsReceipt']]);
    const moved = diff('breaking-path-changed.yaml').findings;
    expect(moved).toHaveLength(1);
    expect(moved[0].text).toBe('moved from POST /v3/sms/send to POST /v3/sms/messages');
  });

  it('keeps a field called "description" a schema change, not documentation', () => {
    const after = structuredClone(base);
    after.components.schemas.SmsResult.properties.description = { type: 'string' };
    const r = diffSpecs(base, after, { bin });
    expect(r.bump).toBe('minor');
    expect(r.findings.every((f) => f.rule === 'response field or enum value added')).toBe(true);
  });

  it('lists a structural change no rule covers (x-idempotent) as a fix, naming the pointer', () => {
    const after = structuredClone(base);
    after.paths['/v3/sms/send'].post['x-idempotent'] = true;
    const r = diffSpecs(base, after, { bin });
    expect(summary(r)).toEqual(['fix | other change (no rule applies) | sendSms']);
    expect(r.findings[0].text).toBe('changed: /x-idempotent');
  });
});

describe('rule helpers (no oasdiff)', () => {
  it('typesWidened: the new type list must still accept every old type', () => {
    expect(typesWidened('integer', 'integer, string')).toBe(true);
    expect(typesWidened('integer', 'number')).toBe(true);
    expect(typesWidened('integer', 'string')).toBe(false);
    expect(typesWidened('integer, string', 'string')).toBe(false);
  });

  it('falls back to oasdiff levels for checks no rule names: error/warning breaking, info feature', () => {
    expect(classifyFinding({ id: 'request-property-max-set', level: 3, text: '' }).class).toBe('breaking');
    expect(classifyFinding({ id: 'request-parameter-removed', level: 2, text: '' }).class).toBe('breaking');
    expect(classifyFinding({ id: 'api-tag-added', level: 1, text: '' }).class).toBe('feature');
  });

  it('overrides oasdiff where our rules differ (enum added to a response, optional response field removed)', () => {
    expect(classifyFinding({ id: 'response-property-enum-value-added', level: 3, text: '' })).toEqual({ class: 'feature', rule: 'response field or enum value added' });
    expect(classifyFinding({ id: 'response-optional-property-removed', level: 1, text: '' })).toEqual({ class: 'breaking', rule: 'response field removed' });
    expect(classifyFinding({ id: 'api-operation-id-removed', level: 1, text: '' }).class).toBe('breaking');
  });

  it('judges webhook payloads from the receiver side', () => {
    const wh = (id, level) => classifyFinding({ id, level, path: 'webhook:smsReceipt', text: '' }).class;
    expect(wh('request-property-removed', 2)).toBe('breaking');
    expect(wh('new-required-request-property', 3)).toBe('feature');
    expect(wh('request-property-enum-value-added', 1)).toBe('feature');
    expect(wh('request-property-enum-value-removed', 3)).toBe('breaking');
    expect(classifyFinding({ id: 'webhook-removed', level: 3, text: '' }).class).toBe('breaking');
  });

  it('diffPointers finds the exact places two documents differ', () => {
    expect(diffPointers({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 3], d: 0 } })).toEqual([['b', 'c', '1'], ['b', 'd']]);
  });
});

describe('coverage by pending changesets', () => {
  const plan = (bump, summaryText) => ({
    releases: new Map(['@clicksend-kit/openapi', '@clicksend-kit/types', '@clicksend-kit/client', '@clicksend-kit/gateway'].map((n) => [n, bump])),
    changesets: [{ id: 'x', file: '.changeset/x.md', summary: summaryText, releases: [] }],
  });

  it('needs the bump for all four packages and every changed operation named', () => {
    const r = diff('breaking-request-field-made-required.yaml');
    expect(coverage(r, plan('major', 'Made `to` required in `sendSms`.')).ok).toBe(true);
    const minor = coverage(r, plan('minor', 'sendSms changed'));
    expect(minor.ok).toBe(false);
    expect(minor.short.map((s) => `${s.name} ${s.planned}<${s.required}`)).toContain('@clicksend-kit/types minor<major');
    const unnamed = coverage(r, plan('major', 'changed sendSmsBatch and sendSmsX only'));
    expect(unnamed.unnamed).toEqual(['sendSms']);
  });

  it('writes a changelog that names removed, changed and added operations', () => {
    const removed = changesetSummary(diff('breaking-operation-removed.yaml'));
    expect(removed).toContain('**Removed operations (breaking):**\n\n- `listSmsHistory` (GET /v3/sms/history)');
    const changed = changesetSummary(diff('breaking-request-field-made-required.yaml'));
    expect(changed).toContain('- `sendSms` (POST /v3/sms/send): **breaking**: request field added as required or made required (the request property `to` became required)');
    const added = changesetSummary(diff('feature-operation-added.yaml'));
    expect(added).toContain('**Added operations:**\n\n- `listSmsTemplates` (GET /v3/sms/templates)');
    expect(formatChangeset({ '@clicksend-kit/openapi': 'minor' }, added)).toMatch(/^---\n"@clicksend-kit\/openapi": minor\n---\n\nSpec: new operations/);
  });

  it('prints a summary with classes, counts and the required bump', () => {
    const text = formatSummary(diff('breaking-webhook-field-removed.yaml'), { baseLabel: 'base.yaml' });
    expect(text).toContain('breaking (major): 1\n  - `smsReceiptWebhook` (webhook smsReceipt, POST): webhook payload field removed: removed the request property `error_text`');
    expect(text).toContain('operations: 0 added, 1 changed, 0 removed');
    expect(text).toMatch(/required bump: major for @clicksend-kit\/openapi, @clicksend-kit\/types, @clicksend-kit\/client, @clicksend-kit\/gateway\n$/);
  });
});

// The CLI in a throwaway repository shaped like ours: real changesets config, real git history.
describe('spec-diff CLI (--check / --write) against git history', () => {
  let work;
  const sh = (cmd, args) => {
    const r = spawnSync(cmd, args, { cwd: work, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const write = (rel, content) => {
    mkdirSync(path.dirname(path.join(work, rel)), { recursive: true });
    writeFileSync(path.join(work, rel), typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  };
  const setSpec = (name) => write('spec/dist/openapi.json', load(name));
  const commit = (msg) => {
    sh('git', ['add', '-A']);
    sh('git', ['commit', '-q', '-m', msg]);
  };
  const run = (...args) => {
    const r = spawnSync(process.execPath, [script, '--root', work, ...args], { encoding: 'utf8', env: { ...process.env, OASDIFF_BIN: bin } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const changesets = () => readdirSync(path.join(work, '.changeset')).filter((f) => f.endsWith('.md')).sort();

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'spec-diff-cli-'));
    sh('git', ['init', '-q', '-b', 'main']);
    sh('git', ['config', 'user.email', 'test@example.invalid']);
    sh('git', ['config', 'user.name', 'test']);
    sh('git', ['config', 'commit.gpgsign', 'false']);
    write('package.json', { name: 'root', private: true });
    write('pnpm-workspace.yaml', 'packages:\n  - spec\n  - packages/*\n  - scripts\n');
    write('spec/package.json', { name: '@clicksend-kit/openapi', version: '0.1.0' });
    for (const p of ['types', 'client', 'gateway', 'mcp']) write(`packages/${p}/package.json`, { name: `@clicksend-kit/${p}`, version: '0.1.0' });
    for (const p of ['docs', 'mock']) write(`packages/${p}/package.json`, { name: `@clicksend-kit/${p}`, version: '0.1.0', private: true });
    write('scripts/package.json', { name: '@clicksend-kit/scripts', version: '0.0.0', private: true });
    cpSync(path.join(repo, '.changeset/config.json'), path.join(work, '.changeset/config.json'));
    setSpec('base.yaml');
    commit('first spec, never released');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('before any release, compares with an empty spec: everything is added and needs a changeset naming it', () => {
    const r = run('--check');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('at no release yet (empty spec) (0 operations) -> working tree (3 operations)');
    expect(r.stdout).toContain('operations: 3 added, 0 changed, 0 removed');
    expect(r.stderr).toContain('@clicksend-kit/openapi needs a minor bump, the pending changesets give none');
    expect(r.stderr).toContain('no pending changeset names 3 changed operation(s): listSmsHistory, sendSms, smsReceiptWebhook (or webhook smsReceipt)');
    expect(r.stderr).toContain('Fix: run `pnpm changeset:spec`');
  });

  it('--write writes one changeset that covers it; --check then passes; --write again writes nothing', () => {
    const w = run('--write');
    expect(w.code).toBe(0);
    expect(w.stdout).toMatch(/changesets: wrote \.changeset\/spec-[0-9a-f]{10}\.md \(minor for 4 packages\)/);
    const [file] = changesets();
    const text = readFileSync(path.join(work, '.changeset', file), 'utf8');
    expect(text).toMatch(/^---\n"@clicksend-kit\/openapi": minor\n"@clicksend-kit\/types": minor\n"@clicksend-kit\/client": minor\n"@clicksend-kit\/gateway": minor\n---\n/);
    expect(text).toContain('- `sendSms` (POST /v3/sms/send)');
    expect(text).toContain('- `smsReceiptWebhook` (webhook smsReceipt, POST)');
    expect(run('--check')).toMatchObject({ code: 0 });
    expect(run('--write').stdout).toContain('changesets: covered');
    expect(changesets()).toEqual([file]);
    commit('changeset');
  });

  it('after a release, compares with the released spec: a breaking change needs major, a minor changeset is not enough', () => {
    // A release as `changeset version` makes it: versions bumped, changesets consumed.
    for (const f of changesets()) unlinkSync(path.join(work, '.changeset', f));
    write('spec/package.json', { name: '@clicksend-kit/openapi', version: '0.2.0' });
    commit('release 0.2.0');
    expect(run('--check')).toMatchObject({ code: 0, stdout: expect.stringContaining('no changes') });

    setSpec('breaking-response-field-removed.yaml');
    write('.changeset/docs.md', '---\n"@clicksend-kit/openapi": minor\n---\n\nTidied `sendSms` and `listSmsHistory`.\n');
    const r = run('--check');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('at last release 0.2.0');
    expect(r.stdout).toContain('breaking (major): 2');
    // fixed versioning: the minor changeset for openapi already gives all four a minor bump
    expect(r.stderr).toContain('@clicksend-kit/gateway needs a major bump, the pending changesets give minor');
    expect(r.stderr).not.toContain('no pending changeset names');

    expect(run('--write').stdout).toContain('(major for 4 packages)');
    expect(run('--check').code).toBe(0);
  });

  it("diffs Maton's connection API (spec/dist/maton.json) too, and names its operations", () => {
    commit('breaking change, covered');
    const maton = (ops) => ({
      openapi: '3.1.0',
      info: { title: 'Maton connections', version: '1' },
      paths: Object.fromEntries(ops.map(([method, where, operationId]) => [where, { [method]: { operationId, responses: { 200: { description: 'ok' } } } }])),
    });
    write('spec/dist/maton.json', maton([['get', '/connections', 'listMatonConnections']]));
    const r = run('--check');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('spec-diff: spec/dist/openapi.json at last release 0.2.0');
    expect(r.stdout).toMatch(/spec-diff: spec\/dist\/maton\.json at last release 0\.2\.0 \([0-9a-f]{10}\) \(no bundle there: empty spec\) \(0 operations\) -> working tree \(1 operations\)/);
    expect(r.stderr).toContain('no pending changeset names 1 changed operation(s): listMatonConnections');

    const before = changesets();
    expect(run('--write').code).toBe(0);
    const [added] = changesets().filter((f) => !before.includes(f));
    const text = readFileSync(path.join(work, '.changeset', added), 'utf8');
    expect(text).toContain('- `listMatonConnections` (GET /connections)');
    expect(text).not.toContain('sendSms'); // the ClickSend changes were already named
    expect(run('--check').code).toBe(0);

    // Released, then an operation removed: breaking, like any other API.
    for (const f of changesets()) unlinkSync(path.join(work, '.changeset', f));
    write('spec/package.json', { name: '@clicksend-kit/openapi', version: '1.0.0' });
    commit('release 1.0.0');
    write('spec/dist/maton.json', maton([]));
    const removed = run('--check');
    expect(removed.code).toBe(1);
    expect(removed.stdout).toContain('`listMatonConnections` (GET /connections): operation removed');
    expect(removed.stderr).toContain('@clicksend-kit/gateway needs a major bump, the pending changesets give none');
    write('spec/dist/maton.json', maton([['get', '/connections', 'listMatonConnections']]));
  });

  it('--base compares with any ref, and names an unknown one', () => {
    expect(run('--base', 'HEAD').stdout).toContain('at HEAD (3 operations)');
    const r = run('--base', 'no-such-ref');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('spec-diff: unknown git ref "no-such-ref"\n');
  });

  it('exits 2 on bad flags', () => {
    expect(run('--write', '--check')).toMatchObject({ code: 2, stderr: expect.stringContaining('--write and --check exclude each other') });
    expect(run('--nope').code).toBe(2);
  });
});
