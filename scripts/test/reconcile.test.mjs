import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../lib/cli.mjs';
import { documentFacts } from '../lib/operation-facts.mjs';
import { acceptsTypes, compareField } from '../lib/reconcile.mjs';
import { factsOf, formatFacts, main as referenceFacts } from '../reference-facts.mjs';
import { main as reconcileCli, reconcile } from '../reconcile-spec.mjs';

const YAML = createRequire(path.join(repoRoot, 'spec/package.json'))('yaml');
const fixture = (name) => readFileSync(path.join(import.meta.dirname, 'fixtures/reconcile', name), 'utf8');
const ours = YAML.parse(fixture('ours.yaml'));
const sources = [
  { id: 'new', file: 'v-new.yaml', published: '2026-07-24', kind: 'OpenAPI 3.0' },
  { id: 'old', file: 'v-old.yaml', published: '2026-05-28', kind: 'Swagger 2.0' },
];
const facts = Object.fromEntries(sources.map((s) => [s.id, factsOf(s, fixture(s.file))]));

let dir;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'reconcile-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(decisions) {
  const file = path.join(dir, 'decisions.yaml');
  writeFileSync(file, decisions);
  return reconcile(ours, { sources, factsOf: (id) => facts[id], decisionsFile: file });
}
const differences = (result) =>
  result.rows.filter((r) => r.kind !== 'agreed').map((r) => `${r.source} ${r.operationId} ${r.field} ${r.kind} ${r.settled?.by ?? 'undecided'}`).sort();

describe('reference facts', () => {
  it('reads Swagger 2.0 under its basePath, with body and form parameters as body fields', () => {
    const ops = facts.old.operations;
    expect(Object.keys(ops)).toEqual(['POST /v3/sms/send', 'PUT /v3/subaccounts/{}']);
    expect(ops['POST /v3/sms/send'].body.fields['messages[].to']).toEqual({ type: ['string'], required: true });
    expect(ops['PUT /v3/subaccounts/{}'].body).toEqual({ mediaType: 'application/x-www-form-urlencoded', required: true, fields: { email: { type: ['string'] } } });
    expect(ops['POST /v3/sms/send'].data).toBeUndefined();
  });

  it('reads OpenAPI 3.0 with $refs, nullable types, no transport headers, and response data from schema and example', () => {
    const send = facts.new.operations['POST /v3/sms/send'];
    expect(send.parameters).toEqual({});
    expect(send.body.fields['messages[].list_id']).toEqual({ type: ['string'] });
    expect(send.data['data.status']).toEqual({ type: ['string'] });
    expect(send.dataFromExample['data.queued_count']).toEqual({ type: ['string'], fromExample: true });
    expect(facts.new.operations['PUT /v3/subaccounts/{}'].body.fields.access_sms).toEqual({ type: ['integer', 'null'] });
  });

  it('keeps names and types only: no description or example text', () => {
    const text = formatFacts(facts.new);
    expect(text).not.toMatch(/SUCCESS|0\.1/);
    expect(JSON.parse(text)).toEqual(facts.new);
  });

  it('merges allOf and anyOf in our own bundle', () => {
    const send = documentFacts(ours)['POST /v3/sms/send'];
    expect(send.body.fields['messages[].list_id'].type).toEqual(['integer', 'string']);
    expect(send.data['data.status'].enum).toEqual(['QUEUED', 'SUCCESS']);
  });

  it('names what is wrong with a description file, and writes nothing', async () => {
    const bad = path.join(dir, 'v-new.yaml');
    writeFileSync(bad, 'just: text\n');
    expect(() => factsOf(sources[0], 'just: text\n')).toThrow(/v-new\.yaml: not an OpenAPI or Swagger document/);
    const err = [];
    const code = await referenceFacts(['--reference-dir', path.join(dir, 'nowhere')], { stdout: { write() {} }, stderr: { write: (s) => err.push(s) } });
    expect(code).toBe(1);
    expect(err.join('')).toMatch(/no reference directory at .*nowhere/);
  });
});

describe('field comparison', () => {
  it('accepts what the source states when our types cover it (integer within number)', () => {
    expect(acceptsTypes({ type: ['integer', 'string'] }, { type: ['string'] })).toBe(true);
    expect(acceptsTypes({ type: ['number'] }, { type: ['integer'] })).toBe(true);
    expect(acceptsTypes({ type: ['integer'] }, { type: ['string'] })).toBe(false);
    expect(acceptsTypes({ type: ['integer'] }, { type: ['integer', 'null'] })).toBe(true);
  });

  it('reports each kind of difference', () => {
    expect(compareField(undefined, { type: ['string'] })).toEqual(['missing']);
    expect(compareField({ type: ['string'] }, undefined)).toEqual(['extra']);
    expect(compareField({ type: ['integer'], required: true }, { type: ['string'], enum: ['a'] })).toEqual(['type', 'required', 'enum']);
    expect(compareField({ type: ['string'], response: true }, { type: ['string'], required: true })).toEqual([]);
  });
});

describe('reconciliation', () => {
  it('lists every difference and settles the older source by precedence where the newer agrees with us', () => {
    expect(differences(run('reconciliation: {}\n'))).toEqual([
      'new sendSms data.status enum undecided',
      'new updateSubaccount body.access_sms missing undecided',
      'new updateSubaccount body.email required undecided',
      'new updateSubaccount path.#1 type undecided',
      'old sendSms body.messages[].to required precedence',
      'old updateSubaccount body.email required undecided',
    ]);
  });

  it('settles differences by decisions, with globs and source filters, and reports stale decisions', () => {
    const result = run(`reconciliation:
  sms:
    - operation: sendSms
      field: data.*
      kinds: [enum]
      says: "new: any string"
      we: the statuses ClickSend documents
      why: the docs page lists the statuses.
  subaccounts:
    - operation: updateSubaccount
      field: [body.email, path.*]
      kinds: [required, type]
      says: "new: optional; old: optional"
      we: required
      why: fixture.
    - operation: '*'
      field: body.access_sms
      kinds: [missing]
      sources: [new]
      says: "new: integer"
      we: lacks it
      why: fixture.
    - operation: updateSubaccount
      field: body.nothing
      kinds: [missing]
      says: "-"
      we: "-"
      why: matches nothing.
`);
    expect(differences(result).filter((d) => d.endsWith('undecided'))).toEqual([]);
    expect(result.stale.map((d) => d.label)).toEqual(['subaccounts[2] updateSubaccount body.nothing']);
  });

  it.each([
    ['reconciliation:\n  nowhere: []\n', /unknown area "nowhere"/],
    ['reconciliation:\n  sms:\n    - {operation: sendSms, field: x, kinds: [type], says: a, we: b}\n', /sms\[0\]: "why" is required/],
    ['reconciliation:\n  sms:\n    - {operation: getSms, field: x, kinds: [type], says: a, we: b, why: c}\n', /operation "getSms" is not an operation of area "sms"/],
    ['reconciliation:\n  sms:\n    - {operation: sendSms, field: x, kinds: [wrong], says: a, we: b, why: c}\n', /unknown kind "wrong"/],
    ['reconciliation:\n  sms:\n    - {operation: sendSms, field: x, kinds: [type], sources: [v9], says: a, we: b, why: c}\n', /unknown source "v9"/],
    ['reconciliation:\n  sms:\n    - {operation: sendSms, field: x, kinds: [type], says: a, we: b, why: c, extra: 1}\n', /unknown key "extra"/],
    ['reconciliation: [\n', /not valid YAML/],
    ['reconcilation: {}\n', /unknown top-level key "reconcilation"/],
  ])('rejects a bad decisions file, naming the entry: %s', (text, message) => {
    expect(() => run(text)).toThrow(message);
  });

  it('exits 1 and names the count when differences are undecided (the repository bundle against its facts)', async () => {
    const bundle = path.join(dir, 'bundle.json');
    writeFileSync(bundle, JSON.stringify(ours));
    const decisions = path.join(dir, 'none.yaml');
    writeFileSync(decisions, 'reconciliation: {}\n');
    const out = [];
    const err = [];
    const code = await reconcileCli(['--bundle', bundle, '--decisions', decisions, '--list'], { stdout: { write: (s) => out.push(s) }, stderr: { write: (s) => err.push(s) } });
    expect(code).toBe(1);
    expect(err.join('')).toMatch(/undecided difference/);
    expect(out.join('')).toMatch(/reconcile: total/);
  });
});
