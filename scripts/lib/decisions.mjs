// spec/reference/decisions.yaml: where the spec knowingly differs from one of ClickSend's own API
// descriptions, what each source says, what we do and why. Under `reconciliation:`, keyed by area
// (the operation's tag):
//
//   reconciliation:
//    sms:
//     - operation: sendSms                 # an operationId, a list of them, or "*" (every operation of the area)
//       field: body.messages[].list_id     # a field, a list, or a pattern with * (any characters)
//       kinds: [type]                      # missing | extra | type | required | enum
//       sources: [v6, v6-draft]            # optional: the sources it answers (default: all)
//       says: "v6: string; swagger2: integer"
//       we: integer, or a string of digits
//       why: ClickSend's own clients send list ids as strings; the API reads either.
//
// A decision that settles no difference is stale and fails the check, like an undecided difference.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { InputError, displayPath, repoRoot } from './cli.mjs';
import { KINDS } from './reconcile.mjs';

const require = createRequire(path.join(repoRoot, 'spec/package.json'));
const YAML = require('yaml');

export const DECISIONS_FILE = path.join(repoRoot, 'spec/reference/decisions.yaml');
// `sdk-defects` is read by packages/conformance.
const TOP_KEYS = new Set(['reconciliation', 'sdk-defects']);
const TEXT_KEYS = ['says', 'we', 'why'];
const KEYS = new Set(['operation', 'field', 'kinds', 'sources', ...TEXT_KEYS]);

/** A glob with `*` as "any characters" → a RegExp matching the whole string. */
function globToRegExp(glob) {
  return new RegExp(`^${glob.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

const asList = (v) => (Array.isArray(v) ? v : [v]);

/**
 * Reads and validates the decisions: `[{ area, index, operation[], field[], kinds[], sources[]|null,
 * says, we, why, matches(row) }]`. `known` = `{ sources: Set, operationsByArea: Map<area, Set<operationId>> }`
 * lets it name an unknown source, area or operation.
 */
export function parseDecisions(text, known, file = DECISIONS_FILE) {
  const where = displayPath(file);
  let doc;
  try {
    doc = YAML.parse(text) ?? {};
  } catch (e) {
    throw new InputError(`${where}: not valid YAML (${e.message})`);
  }
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new InputError(`${where}: expected a map with "reconciliation"`);
  for (const key of Object.keys(doc)) {
    if (!TOP_KEYS.has(key)) throw new InputError(`${where}: unknown top-level key "${key}" (keys: ${[...TOP_KEYS].join(', ')})`);
  }
  const areas = doc.reconciliation ?? {};
  if (typeof areas !== 'object' || Array.isArray(areas)) throw new InputError(`${where}: "reconciliation" must map each area to a list of decisions`);
  const out = [];
  for (const [area, list] of Object.entries(areas)) {
    if (!known.operationsByArea.has(area)) throw new InputError(`${where}: unknown area "${area}" (areas are the operations' tags)`);
    if (!Array.isArray(list)) throw new InputError(`${where}: ${area}: expected a list of decisions`);
    list.forEach((entry, i) => out.push(validate(entry, area, i, known, where)));
  }
  return out;
}

function validate(entry, area, index, known, where) {
  const at = `${where}: ${area}[${index}]`;
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new InputError(`${at}: expected a map`);
  for (const key of Object.keys(entry)) if (!KEYS.has(key)) throw new InputError(`${at}: unknown key "${key}" (keys: ${[...KEYS].join(', ')})`);
  for (const key of ['operation', 'field', 'kinds', ...TEXT_KEYS]) {
    if (entry[key] === undefined || entry[key] === '' || entry[key] === null) throw new InputError(`${at}: "${key}" is required`);
  }
  for (const key of TEXT_KEYS) if (typeof entry[key] !== 'string') throw new InputError(`${at}: "${key}" must be text`);
  const operations = asList(entry.operation).map(String);
  const areaOps = known.operationsByArea.get(area);
  for (const op of operations) {
    if (op !== '*' && !areaOps.has(op)) throw new InputError(`${at}: operation "${op}" is not an operation of area "${area}"`);
  }
  const kinds = asList(entry.kinds);
  for (const k of kinds) if (!KINDS.includes(k)) throw new InputError(`${at}: unknown kind "${k}" (kinds: ${KINDS.join(', ')})`);
  const sources = entry.sources === undefined ? null : asList(entry.sources);
  for (const s of sources ?? []) if (!known.sources.has(s)) throw new InputError(`${at}: unknown source "${s}" (sources: ${[...known.sources].join(', ')})`);
  const fields = asList(entry.field).map(String);
  const patterns = fields.map(globToRegExp);
  return {
    area,
    index,
    operation: operations,
    field: fields,
    kinds,
    sources,
    says: entry.says,
    we: entry.we,
    why: entry.why,
    label: `${area}[${index}] ${operations.join(',')} ${fields.join(',')}`,
    matches(row) {
      if (row.tag !== area) return false;
      if (!operations.includes('*') && !operations.includes(row.operationId)) return false;
      if (sources && !sources.includes(row.source)) return false;
      if (!kinds.includes(row.kind)) return false;
      return patterns.some((p) => p.test(row.field));
    },
  };
}

/** Reads the decisions file (an absent file is no decisions). */
export function readDecisions(known, file = DECISIONS_FILE) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e.code === 'ENOENT') return [];
    throw e;
  }
  return parseDecisions(text, known, file);
}
