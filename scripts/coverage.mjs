#!/usr/bin/env node
// Inventory coverage: which (method, path) rows of spec/inventory/endpoints.tsv the bundled
// spec describes, per area. Fails on operations the inventory lacks, on areas declared complete
// in spec/inventory/complete-areas.txt that are not, and on legacy rows not marked deprecated.
//
//   node scripts/coverage.mjs [--bundle <json>] [--inventory <tsv>] [--complete <txt>]
//
// Defaults are resolved from this file's location, so it runs the same from the root or spec/.
// Reads the JSON bundle only, so it needs no YAML parser.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError, displayPath, isMain, repoRoot, runCli } from './lib/cli.mjs';
import { HTTP_METHODS, listOperations } from './lib/openapi-walk.mjs';

export { HTTP_METHODS };
const METHOD_ORDER = new Map(HTTP_METHODS.map((m, i) => [m.toUpperCase(), i]));

export const INVENTORY_COLUMNS = ['method', 'path', 'area', 'status', 'summary', 'seed_refs'];
const STATUSES = new Set(['current', 'legacy']);

const key = (method, p) => `${method} ${p}`;

/**
 * Parse the inventory TSV. Throws InputError naming `source` and the line of the first problem:
 * a wrong header, a wrong column count, an unknown method or status, a bad path, a duplicate row.
 */
export function parseInventory(text, source = 'endpoints.tsv') {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines.at(-1) === '') lines.pop(); // final newline
  const fail = (lineNo, msg) => {
    throw new InputError(`${source}:${lineNo}: ${msg}`);
  };
  if (lines.length === 0) fail(1, 'file is empty; expected the header line');
  const header = lines[0].split('\t');
  if (header.join('\t') !== INVENTORY_COLUMNS.join('\t')) {
    fail(1, `expected the header "${INVENTORY_COLUMNS.join('<TAB>')}", got "${lines[0].replaceAll('\t', '<TAB>')}"`);
  }
  const rows = [];
  const seen = new Map();
  for (let i = 1; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i];
    if (line.trim() === '') continue; // a blank line carries no row; tolerate it
    const cols = line.split('\t');
    if (cols.length !== INVENTORY_COLUMNS.length) {
      fail(lineNo, `expected ${INVENTORY_COLUMNS.length} tab-separated columns, got ${cols.length}: "${line.replaceAll('\t', '<TAB>')}"`);
    }
    const [method, p, area, status, summary, seedRefs] = cols;
    if (!METHOD_ORDER.has(method)) fail(lineNo, `unknown method "${method}" (expected one of ${[...METHOD_ORDER.keys()].join(', ')})`);
    if (!p.startsWith('/') || /\s/.test(p)) fail(lineNo, `path "${p}" must start with "/" and contain no whitespace`);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(area)) fail(lineNo, `area "${area}" must be lower-case letters, digits and dashes`);
    if (!STATUSES.has(status)) fail(lineNo, `status "${status}" must be "current" or "legacy"`);
    const k = key(method, p);
    if (seen.has(k)) fail(lineNo, `duplicate row ${k} (first on line ${seen.get(k)})`);
    seen.set(k, lineNo);
    rows.push({ method, path: p, area, status, summary, seedRefs, line: lineNo });
  }
  return rows;
}

/** Parse complete-areas.txt: one area per line, `#` starts a comment, blank lines ignored. */
export function parseCompleteAreas(text) {
  const areas = [];
  for (const raw of text.split('\n')) {
    const area = raw.replace(/#.*/, '').trim();
    if (area && !areas.includes(area)) areas.push(area);
  }
  return areas;
}

/**
 * Every operation under `paths` (webhooks are not endpoints), sorted by path then method so the
 * result does not depend on key order in the bundle. Local `$ref` path items are followed.
 */
export function specOperations(spec) {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new InputError('the bundle is not an OpenAPI document (expected a JSON object)');
  }
  if (typeof spec.openapi !== 'string') {
    throw new InputError('the bundle has no "openapi" version field; is it an OpenAPI document?');
  }
  const paths = spec.paths ?? {};
  if (typeof paths !== 'object' || Array.isArray(paths)) throw new InputError('"paths" in the bundle is not an object');
  // Path Items that are themselves `$ref`s are resolved first, so the shared walk sees operations.
  const resolved = {};
  for (const p of Object.keys(paths).sort()) {
    const item = paths[p];
    resolved[p] = item && typeof item.$ref === 'string' ? resolveLocalRef(spec, item.$ref, p) : item;
  }
  const order = new Map(HTTP_METHODS.map((m, i) => [m, i]));
  return listOperations({ paths: resolved })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : order.get(a.method) - order.get(b.method)))
    .map(({ method, path: p, operation }) => ({ method: method.toUpperCase(), path: p, deprecated: operation.deprecated === true, operationId: operation.operationId }));
}

function resolveLocalRef(spec, ref, where) {
  if (!ref.startsWith('#/')) {
    throw new InputError(`path ${where} is an unresolved external $ref "${ref}"; coverage reads the bundled spec`);
  }
  let node = spec;
  for (const part of ref.slice(2).split('/')) {
    const name = decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~');
    node = node?.[name];
  }
  if (node === undefined) throw new InputError(`path ${where} has a $ref "${ref}" that points nowhere`);
  return node;
}

// `/v3/sms/{message_id}` and `/v3/sms/{id}` are the same route; used for hints only.
const templateShape = (p) => p.replace(/\{[^}]*\}/g, '{}');
const byPathThenMethod = (a, b) =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : METHOD_ORDER.get(a.method) - METHOD_ORDER.get(b.method);

/**
 * Compare a parsed spec with the inventory. Pure: no I/O, no process exit.
 *
 * @param {object} args
 * @param {object} args.spec             the bundled OpenAPI document (parsed JSON)
 * @param {string} args.inventoryTsv     contents of endpoints.tsv
 * @param {string|string[]} args.completeAreas  contents of complete-areas.txt, or the area list
 * @param {string} [args.inventorySource] file name used in parse errors
 * @param {string} [args.completeSource]  file name used in messages about complete areas
 * @returns {{ ok: boolean, areas: object[], total: {covered:number,total:number},
 *   extra: object[], errors: string[], warnings: string[] }}
 */
export function computeCoverage({
  spec,
  inventoryTsv,
  completeAreas,
  inventorySource = 'endpoints.tsv',
  completeSource = 'complete-areas.txt',
}) {
  const rows = parseInventory(inventoryTsv, inventorySource);
  const complete = Array.isArray(completeAreas) ? [...new Set(completeAreas)] : parseCompleteAreas(completeAreas);
  const ops = specOperations(spec);
  const opByKey = new Map(ops.map((o) => [key(o.method, o.path), o]));
  const rowByKey = new Map(rows.map((r) => [key(r.method, r.path), r]));

  const errors = [];
  const warnings = [];

  // Areas in order of first appearance in the inventory.
  const areaMap = new Map();
  for (const row of rows) {
    if (!areaMap.has(row.area)) {
      areaMap.set(row.area, { area: row.area, covered: 0, total: 0, listedComplete: complete.includes(row.area), missing: [] });
    }
    const a = areaMap.get(row.area);
    a.total++;
    const op = opByKey.get(key(row.method, row.path));
    if (!op) {
      a.missing.push({ method: row.method, path: row.path, status: row.status });
      continue;
    }
    a.covered++;
    if (row.status === 'legacy' && !op.deprecated) {
      errors.push(`${row.method} ${row.path} is legacy in the inventory but the spec operation lacks "deprecated: true"`);
    } else if (row.status === 'current' && op.deprecated) {
      warnings.push(`${row.method} ${row.path} is current in the inventory but deprecated in the spec`);
    }
  }
  const areas = [...areaMap.values()].map((a) => ({ ...a, complete: a.covered === a.total }));

  const extra = ops.filter((o) => !rowByKey.has(key(o.method, o.path))).sort(byPathThenMethod);
  for (const o of extra) {
    // A near miss (same route shape, other parameter names) is the usual cause; say so.
    const twin = rows.find((r) => r.method === o.method && templateShape(r.path) === templateShape(o.path));
    const hint = twin ? ` (the inventory has ${twin.method} ${twin.path}: rename the path parameters)` : '';
    errors.push(`${o.method} ${o.path} is in the spec but not in the inventory${hint}`);
  }

  for (const name of complete) {
    const a = areaMap.get(name);
    if (!a) {
      errors.push(`${completeSource} names area "${name}", which the inventory does not have`);
    } else if (a.covered < a.total) {
      const list = a.missing.map((m) => `${m.method} ${m.path}`).join(', ');
      errors.push(`area "${name}" is listed in ${completeSource} but the spec lacks ${a.missing.length} of its ${a.total} operations: ${list}`);
    }
  }

  const total = { covered: areas.reduce((n, a) => n + a.covered, 0), total: rows.length };
  return { ok: errors.length === 0, areas, total, extra, errors, warnings };
}

/** Render the result as the lines the CLI prints to stdout (table) and stderr (problems). */
export function formatCoverage(result) {
  const width = Math.max(4, ...result.areas.map((a) => a.area.length)) + 2;
  const out = [`${'area'.padEnd(width)}covered/total`];
  for (const a of result.areas) {
    const mark = a.listedComplete ? (a.complete ? '  complete' : '  INCOMPLETE (listed as complete)') : '';
    out.push(`${a.area.padEnd(width)}${a.covered}/${a.total}${mark}`);
    if (a.listedComplete && !a.complete) {
      for (const m of a.missing) out.push(`${''.padEnd(width)}  missing: ${m.method} ${m.path}`);
    }
  }
  out.push(`total ${result.total.covered}/${result.total.total}`);
  const err = [...result.warnings.map((w) => `warning: ${w}`), ...result.errors.map((e) => `error: ${e}`)];
  return { stdout: out.join('\n') + '\n', stderr: err.length ? err.join('\n') + '\n' : '' };
}

function readInput(file, what) {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if (e.code === 'ENOENT') {
      const fix = what === 'bundle' ? ' (run the spec bundle step first, e.g. `pnpm build`)' : '';
      throw new InputError(`${displayPath(file)} not found${fix}`);
    }
    throw new InputError(`cannot read ${displayPath(file)}: ${e.message}`);
  }
}

const USAGE = `usage: node scripts/coverage.mjs [--bundle <openapi.json>] [--inventory <endpoints.tsv>] [--complete <complete-areas.txt>]`;

export function main(argv = process.argv.slice(2)) {
  return runCli({ name: 'coverage', usage: USAGE, flags: { bundle: 'string', inventory: 'string', complete: 'string' }, argv }, report);
}

function report(flags) {
  // Explicit flags are relative to the cwd like any CLI path; defaults to this file.
  const bundleFile = flags.bundle ? path.resolve(flags.bundle) : path.join(repoRoot, 'spec/dist/openapi.json');
  const inventoryFile = flags.inventory ? path.resolve(flags.inventory) : path.join(repoRoot, 'spec/inventory/endpoints.tsv');
  const completeFile = flags.complete ? path.resolve(flags.complete) : path.join(repoRoot, 'spec/inventory/complete-areas.txt');

  const bundleText = readInput(bundleFile, 'bundle');
  let spec;
  try {
    spec = JSON.parse(bundleText);
  } catch (e) {
    throw new InputError(`${displayPath(bundleFile)} is not valid JSON: ${e.message}`);
  }
  const inventoryTsv = readInput(inventoryFile, 'inventory');
  const completeAreas = readInput(completeFile, 'complete');
  try {
    specOperations(spec);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`${displayPath(bundleFile)}: ${e.message}`);
    throw e;
  }
  const result = computeCoverage({
    spec,
    inventoryTsv,
    completeAreas,
    inventorySource: displayPath(inventoryFile),
    completeSource: displayPath(completeFile),
  });

  const { stdout, stderr } = formatCoverage(result);
  process.stdout.write(`coverage of ${displayPath(bundleFile)} against ${displayPath(inventoryFile)}\n${stdout}`);
  process.stderr.write(stderr);
  if (!result.ok) {
    process.stderr.write(`coverage: FAILED with ${result.errors.length} error(s)\n`);
    return 1;
  }
  return 0;
}

if (isMain(import.meta.url)) process.exitCode = main();
