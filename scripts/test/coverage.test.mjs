import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  computeCoverage,
  formatCoverage,
  parseCompleteAreas,
  parseInventory,
  specOperations,
} from '../coverage.mjs';

const scripts = path.resolve(import.meta.dirname, '..');
const repo = path.resolve(scripts, '..');
const fixtures = path.join(import.meta.dirname, 'fixtures/inventory-check');
const fixture = (name) => path.join(fixtures, name);
const read = (name) => readFileSync(fixture(name), 'utf8');
const json = (name) => JSON.parse(read(name));

function run(args, cwd = repo) {
  const r = spawnSync(process.execPath, [path.join(scripts, 'coverage.mjs'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const fixtureArgs = (spec, complete = 'complete-sms.txt', inventory = 'inventory.tsv') => [
  '--bundle', fixture(spec), '--inventory', fixture(inventory), '--complete', fixture(complete),
];

describe('parseInventory', () => {
  it('reads rows in file order', () => {
    const rows = parseInventory(read('inventory.tsv'));
    expect(rows).toHaveLength(7);
    expect(rows[0]).toMatchObject({ method: 'GET', path: '/v3/account', area: 'account', status: 'current', line: 2 });
    expect(rows[4]).toMatchObject({ method: 'PUT', path: '/v3/sms/receipts-read/{message_id}', status: 'legacy' });
  });

  it('names the file and line of a row with the wrong number of columns', () => {
    expect(() => parseInventory(read('inventory-malformed.tsv'), 'x.tsv')).toThrow(
      /^x\.tsv:3: expected 6 tab-separated columns, got 5/,
    );
  });

  it.each([
    ['a wrong header', 'verb\tpath\tarea\tstatus\tsummary\tseed_refs\n', /x\.tsv:1: expected the header/],
    ['an unknown method', 'FETCH\t/v3/a\ta\tcurrent\ts\t-\n', /x\.tsv:2: unknown method "FETCH"/],
    ['an unknown status', 'GET\t/v3/a\ta\tremoved\ts\t-\n', /x\.tsv:2: status "removed"/],
    ['a relative path', 'GET\tv3/a\ta\tcurrent\ts\t-\n', /x\.tsv:2: path "v3\/a"/],
    ['a duplicate row', 'GET\t/v3/a\ta\tcurrent\ts\t-\nGET\t/v3/a\ta\tcurrent\ts\t-\n', /x\.tsv:3: duplicate row GET \/v3\/a \(first on line 2\)/],
    ['an empty file', '', /x\.tsv:1: file is empty/],
  ])('rejects %s', (_, body, message) => {
    const header = body.startsWith('verb') || body === '' ? '' : 'method\tpath\tarea\tstatus\tsummary\tseed_refs\n';
    expect(() => parseInventory(header + body, 'x.tsv')).toThrow(message);
  });

  it('accepts the checked-in inventory: 237 rows, same as the shared copy', () => {
    const text = readFileSync(path.join(repo, 'spec/inventory/endpoints.tsv'), 'utf8');
    expect(parseInventory(text)).toHaveLength(237);
  });
});

describe('parseCompleteAreas', () => {
  it('drops comments, blank lines and repeats', () => {
    expect(parseCompleteAreas('# header\nsms   # done\n\n  lists\nsms\n')).toEqual(['sms', 'lists']);
  });
});

describe('specOperations', () => {
  it('lists operations under paths only, sorted, following local path-item $refs', () => {
    const spec = {
      openapi: '3.1.0',
      paths: {
        '/v3/b': { parameters: [], post: {}, get: { deprecated: true } },
        '/v3/a': { $ref: '#/components/pathItems/A' },
      },
      components: { pathItems: { A: { delete: {} } } },
      webhooks: { hook: { post: {} } },
    };
    expect(specOperations(spec).map((o) => `${o.method} ${o.path} ${o.deprecated}`)).toEqual([
      'DELETE /v3/a false',
      'GET /v3/b true',
      'POST /v3/b false',
    ]);
  });

  it('rejects documents that are not OpenAPI and unresolved external refs', () => {
    expect(() => specOperations([])).toThrow(/not an OpenAPI document/);
    expect(() => specOperations({ paths: {} })).toThrow(/no "openapi" version field/);
    expect(() => specOperations({ openapi: '3.1.0', paths: { '/x': { $ref: 'paths/x.yaml' } } })).toThrow(
      /path \/x is an unresolved external \$ref "paths\/x.yaml"/,
    );
  });
});

describe('computeCoverage', () => {
  const inventoryTsv = read('inventory.tsv');

  it('counts a complete area and keeps inventory order of first appearance', () => {
    const r = computeCoverage({ spec: json('spec-complete.json'), inventoryTsv, completeAreas: read('complete-sms.txt') });
    expect(r.ok).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.areas.map((a) => [a.area, a.covered, a.total, a.complete])).toEqual([
      ['account', 1, 3, false],
      ['sms', 3, 3, true],
      ['lists', 0, 1, false],
    ]);
    expect(r.total).toEqual({ covered: 4, total: 7 });
    // webhooks are not endpoints, so inboundSms is neither covered nor extra
    expect(r.extra).toEqual([]);
  });

  it('fails an area listed as complete that misses operations, naming them', () => {
    const r = computeCoverage({ spec: json('spec-incomplete.json'), inventoryTsv, completeAreas: ['sms'] });
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      'area "sms" is listed in complete-areas.txt but the spec lacks 1 of its 3 operations: GET /v3/sms/history',
    ]);
    expect(r.areas.find((a) => a.area === 'sms').missing).toEqual([{ method: 'GET', path: '/v3/sms/history', status: 'current' }]);
  });

  it('does not fail an incomplete area that is not listed as complete', () => {
    const r = computeCoverage({ spec: json('spec-incomplete.json'), inventoryTsv, completeAreas: [] });
    expect(r.ok).toBe(true);
    expect(r.total).toEqual({ covered: 3, total: 7 });
  });

  it('fails on operations the inventory lacks, with a hint for renamed path parameters', () => {
    const r = computeCoverage({ spec: json('spec-extra.json'), inventoryTsv, completeAreas: ['sms'] });
    expect(r.ok).toBe(false);
    expect(r.extra.map((o) => `${o.method} ${o.path}`)).toEqual([
      'GET /v3/account-verify/verify/{token}',
      'POST /v3/sms/bogus',
    ]);
    expect(r.errors).toEqual([
      'GET /v3/account-verify/verify/{token} is in the spec but not in the inventory (the inventory has GET /v3/account-verify/verify/{activation_token}: rename the path parameters)',
      'POST /v3/sms/bogus is in the spec but not in the inventory',
    ]);
  });

  it('fails a legacy row that is not deprecated and warns on a deprecated current row', () => {
    const r = computeCoverage({ spec: json('spec-legacy-not-deprecated.json'), inventoryTsv, completeAreas: [] });
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      'PUT /v3/sms/receipts-read/{message_id} is legacy in the inventory but the spec operation lacks "deprecated: true"',
    ]);
    expect(r.warnings).toEqual(['GET /v3/account is current in the inventory but deprecated in the spec']);
  });

  it('fails when complete-areas names an area the inventory does not have', () => {
    const r = computeCoverage({ spec: json('spec-complete.json'), inventoryTsv, completeAreas: read('complete-unknown.txt') });
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual(['complete-areas.txt names area "smss", which the inventory does not have']);
  });

  it('formats a table with missing operations under an incomplete complete-area', () => {
    const r = computeCoverage({ spec: json('spec-incomplete.json'), inventoryTsv, completeAreas: ['sms'] });
    const { stdout, stderr } = formatCoverage(r);
    expect(stdout).toBe(
      [
        'area     covered/total',
        'account  1/3',
        'sms      2/3  INCOMPLETE (listed as complete)',
        '           missing: GET /v3/sms/history',
        'lists    0/1',
        'total 3/7',
        '',
      ].join('\n'),
    );
    expect(stderr).toMatch(/^error: area "sms" is listed/);
  });
});

describe('coverage CLI', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'coverage-cli-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('exits 0 and prints the per-area table and total for a complete area', () => {
    const r = run(fixtureArgs('spec-complete.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('sms      3/3  complete\n');
    expect(r.stdout).toContain('\ntotal 4/7\n');
    expect(r.stderr).toBe('');
  });

  it('exits 1 naming the missing operations of an incomplete complete-area', () => {
    const r = run(fixtureArgs('spec-incomplete.json'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('missing: GET /v3/sms/history');
    expect(r.stderr).toContain('error: area "sms" is listed in scripts/test/fixtures/inventory-check/complete-sms.txt but the spec lacks 1 of its 3 operations: GET /v3/sms/history');
  });

  it('exits 1 on an operation the inventory lacks', () => {
    const r = run(fixtureArgs('spec-extra.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: POST /v3/sms/bogus is in the spec but not in the inventory');
  });

  it('exits 1 on a legacy row that is not deprecated; a deprecated current row is only a warning', () => {
    const r = run(fixtureArgs('spec-legacy-not-deprecated.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: PUT /v3/sms/receipts-read/{message_id} is legacy in the inventory but the spec operation lacks "deprecated: true"');
    expect(r.stderr).toContain('warning: GET /v3/account is current in the inventory but deprecated in the spec');

    const warnOnly = json('spec-legacy-not-deprecated.json');
    warnOnly.paths['/v3/sms/receipts-read/{message_id}'].put.deprecated = true;
    writeFileSync(path.join(tmp, 'warn-only.json'), JSON.stringify(warnOnly));
    const w = run(['--bundle', path.join(tmp, 'warn-only.json'), '--inventory', fixture('inventory.tsv'), '--complete', fixture('complete-sms.txt')]);
    expect(w.code).toBe(0);
    expect(w.stderr).toBe('warning: GET /v3/account is current in the inventory but deprecated in the spec\n');
  });

  it('exits 1 naming the file and line of a malformed TSV line', () => {
    const r = run(fixtureArgs('spec-complete.json', 'complete-sms.txt', 'inventory-malformed.tsv'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^coverage: scripts\/test\/fixtures\/inventory-check\/inventory-malformed\.tsv:3: expected 6 tab-separated columns, got 5/);
  });

  it('exits 1 when complete-areas names an unknown area', () => {
    const r = run(fixtureArgs('spec-complete.json', 'complete-unknown.txt'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('names area "smss", which the inventory does not have');
  });

  it('exits 1 naming a missing or unparseable file', () => {
    const missing = run(['--bundle', path.join(tmp, 'nope.json'), '--inventory', fixture('inventory.tsv'), '--complete', fixture('complete-sms.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${path.join(tmp, 'nope.json')} not found`);

    const broken = run(fixtureArgs('spec-broken.json'));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/spec-broken\.json is not valid JSON/);

    const noComplete = run(['--bundle', fixture('spec-complete.json'), '--inventory', fixture('inventory.tsv'), '--complete', path.join(tmp, 'none.txt')]);
    expect(noComplete.code).toBe(1);
    expect(noComplete.stderr).toContain('none.txt not found');
  });

  it('exits 2 on an unknown option', () => {
    const r = run(['--bundel', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown option --bundel');
  });

  it('resolves defaults from the script location, giving the same output from the root and from spec/', () => {
    // Defaults point at spec/inventory/*; only the bundle is swapped for a fixture.
    const fromRoot = run(['--bundle', fixture('spec-complete.json')], repo);
    const fromSpec = run(['--bundle', fixture('spec-complete.json')], path.join(repo, 'spec'));
    expect(fromRoot.stdout).toContain('spec/inventory/endpoints.tsv');
    expect(fromRoot.stdout).toMatch(/\ntotal \d+\/237\n/);
    expect(fromSpec).toEqual(fromRoot);
  });

  it('is deterministic: the same input gives byte-identical output', () => {
    const a = run(fixtureArgs('spec-extra.json'));
    const b = run(fixtureArgs('spec-extra.json'));
    expect(b).toEqual(a);
  });
});
