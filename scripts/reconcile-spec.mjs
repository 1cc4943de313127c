#!/usr/bin/env node
// Reconciles the bundled spec with ClickSend's own API descriptions (the committed facts in
// spec/reference/facts/), operation by operation and field by field, and prints per area how many
// comparisons agree, how many differences are settled by precedence or by a decision
// (spec/reference/decisions.yaml), and how many are undecided. Exits 1 on an undecided
// difference or a stale decision (one that settles nothing).
//
//   node scripts/reconcile-spec.mjs [--bundle <json|yaml>] [--fresh] [--area <tag>] [--list] [--json <file>] [--decisions <yaml>]
//
//   --fresh   bundle spec/ into a temporary file first (no need to run the whole build)
//   --area    only that area (its tag); stale decisions of other areas are not reported
//   --list    print every undecided difference, one per line
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { InputError, displayPath, isMain, repoRoot, runCli } from './lib/cli.mjs';
import { DECISIONS_FILE, readDecisions } from './lib/decisions.mjs';
import { bundleJsonPath } from './lib/generated.mjs';
import { KINDS, applyPrecedence, bundleOperations, compareWithSource } from './lib/reconcile.mjs';
import { readFacts, readSources } from './reference-facts.mjs';

const require = createRequire(path.join(repoRoot, 'spec/package.json'));
const YAML = require('yaml');

const USAGE = `usage: node scripts/reconcile-spec.mjs [--bundle <file>] [--fresh] [--area <tag>] [--list] [--json <file>] [--decisions <file>]
  --bundle  the bundled spec to check (default ${displayPath(bundleJsonPath)})
  --fresh   bundle spec/ with Redocly into a temporary file and check that
  --area    report only this area (an operation tag, e.g. sms)
  --list    print each undecided difference and each stale decision
  --json    also write every comparison row to this file
  --decisions  the decisions file (default ${displayPath(DECISIONS_FILE)})`;

/** Bundles spec/ into a temporary JSON file with the repo's Redocly; returns the parsed document. */
export function freshBundle() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-'));
  try {
    const out = path.join(dir, 'openapi.yaml');
    const redocly = path.join(repoRoot, 'spec/node_modules/.bin/redocly');
    const run = spawnSync(redocly, ['bundle', 'clicksend@v3', '--config', path.join(repoRoot, 'redocly.yaml'), '--output', out], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    if (run.status !== 0) throw new InputError(`redocly bundle failed:\n${run.stdout}${run.stderr}`);
    return YAML.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readBundleFile(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${displayPath(file)} (${e.code ?? e.message}); run \`pnpm build\` or pass --fresh`);
  }
  return file.endsWith('.json') ? JSON.parse(text) : YAML.parse(text);
}

/**
 * Runs the whole reconciliation: `{ sources, rows, decisions, stale, operations }` where every
 * row carries `settled` ({ by: 'precedence' | 'decision', … }) when it is a settled difference.
 */
export function reconcile(bundle, { sources = readSources(), factsOf = readFacts, decisionsFile = DECISIONS_FILE } = {}) {
  const order = sources.map((s) => s.id);
  const rowsBySource = new Map();
  const perSource = [];
  for (const source of sources) {
    const facts = factsOf(source.id);
    const result = compareWithSource(bundle, facts);
    rowsBySource.set(source.id, result.rows);
    perSource.push({ id: source.id, operations: Object.keys(facts.operations).length, matched: result.matched, onlyInSource: result.onlyInSource, onlyInOurs: result.onlyInOurs.length });
  }
  applyPrecedence(rowsBySource, order);
  const ours = bundleOperations(bundle);
  const operationsByArea = new Map();
  for (const op of ours.values()) {
    if (!operationsByArea.has(op.tag)) operationsByArea.set(op.tag, new Set());
    operationsByArea.get(op.tag).add(op.operationId);
  }
  const decisions = readDecisions({ sources: new Set(order), operationsByArea }, decisionsFile);
  const used = new Set();
  const rows = [...rowsBySource.values()].flat();
  for (const row of rows) {
    if (row.kind === 'agreed' || row.settled) continue;
    const decision = decisions.find((d) => d.matches(row));
    if (decision) {
      row.settled = { by: 'decision', decision: decision.label };
      used.add(decision);
    }
  }
  const stale = decisions.filter((d) => !used.has(d));
  return { sources: perSource, rows, decisions, stale, areas: [...operationsByArea.keys()].sort() };
}

/** Per-area counts: `{ area: { agreed, precedence, decided, undecided } }`. */
export function summarize(rows) {
  const out = {};
  for (const row of rows) {
    const counts = (out[row.tag] ??= { agreed: 0, precedence: 0, decided: 0, undecided: 0 });
    if (row.kind === 'agreed') counts.agreed += 1;
    else if (row.settled?.by === 'precedence') counts.precedence += 1;
    else if (row.settled?.by === 'decision') counts.decided += 1;
    else counts.undecided += 1;
  }
  return out;
}

const describeFact = (f) => (f ? `${(f.type ?? []).join('|') || 'any'}${f.required ? ' required' : ''}${f.enum ? ` enum ${JSON.stringify(f.enum)}` : ''}${f.fromExample ? ' (example)' : ''}` : '—');

export function formatRow(row) {
  return `${row.tag}\t${row.operationId}\t${row.field}\t${row.kind}\t${row.source}\tours: ${describeFact(row.ours)}\ttheirs: ${describeFact(row.theirs)}`;
}

export function main(argv = process.argv.slice(2), { stdout = process.stdout, stderr = process.stderr } = {}) {
  const flags = { bundle: 'string', fresh: 'boolean', area: 'string', list: 'boolean', json: 'string', decisions: 'string' };
  return runCli({ name: 'reconcile-spec', usage: USAGE, flags, argv, stdout, stderr }, (opts) => {
    const bundle = opts.fresh ? freshBundle() : readBundleFile(path.resolve(opts.bundle ?? bundleJsonPath));
    const result = reconcile(bundle, { decisionsFile: path.resolve(opts.decisions ?? DECISIONS_FILE) });
    if (opts.area && !result.areas.includes(opts.area)) throw new InputError(`unknown area "${opts.area}" (areas: ${result.areas.join(', ')})`);
    const inArea = (tag) => !opts.area || tag === opts.area;
    const rows = result.rows.filter((r) => inArea(r.tag));
    const stale = result.stale.filter((d) => inArea(d.area));
    if (opts.json) writeFileSync(opts.json, `${JSON.stringify(rows, null, 1)}\n`);

    for (const s of result.sources) {
      stdout.write(`reconcile: ${s.id}: ${s.matched} of its ${s.operations} operations compared; ${s.onlyInOurs} of ours it does not describe\n`);
      for (const o of s.onlyInSource) stdout.write(`reconcile:   ${s.id} describes ${o.key} (${o.operationId}), which the spec lacks\n`);
    }
    const summary = summarize(rows);
    const total = { agreed: 0, precedence: 0, decided: 0, undecided: 0 };
    for (const area of Object.keys(summary).sort()) {
      const c = summary[area];
      for (const k of Object.keys(total)) total[k] += c[k];
      stdout.write(`reconcile: ${area.padEnd(24)} agreed ${String(c.agreed).padStart(4)}  precedence ${String(c.precedence).padStart(4)}  decided ${String(c.decided).padStart(4)}  undecided ${String(c.undecided).padStart(4)}\n`);
    }
    stdout.write(`reconcile: ${'total'.padEnd(24)} agreed ${String(total.agreed).padStart(4)}  precedence ${String(total.precedence).padStart(4)}  decided ${String(total.decided).padStart(4)}  undecided ${String(total.undecided).padStart(4)}; ${result.decisions.length} decisions\n`);
    const undecided = rows.filter((r) => r.kind !== 'agreed' && !r.settled);
    if (opts.list) {
      for (const row of undecided) stdout.write(`undecided\t${formatRow(row)}\n`);
      for (const d of stale) stdout.write(`stale decision\t${d.label}\n`);
    }
    const problems = [];
    if (undecided.length) problems.push(`${undecided.length} undecided difference(s)${opts.list ? '' : ' (--list prints them)'}`);
    if (stale.length) problems.push(`${stale.length} decision(s) that settle nothing: ${stale.map((d) => d.label).join('; ')}`);
    if (problems.length) {
      stderr.write(`reconcile-spec: ${problems.join('; ')}\n`);
      return 1;
    }
    return 0;
  });
}

export { KINDS };

if (isMain(import.meta.url)) {
  const code = await main();
  process.exitCode = code;
}
