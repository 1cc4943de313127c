#!/usr/bin/env node
// Spec diff: what changed in the bundled spec since a git ref, classified by written rules, and
// whether the pending changesets cover the version bump it needs.
//
//   node scripts/spec-diff.mjs [--base <git ref>] [--head <openapi.json>] [--write | --check] [--json]
//
// Base: the spec at `--base`, or by default at the last release (the newest commit that changed
// the version in spec/package.json; an empty spec when nothing was released yet), because pending
// changesets must cover everything since then. Head: the bundles in the working tree: ClickSend's
// API (spec/dist/openapi.json) and Maton's connection API (spec/dist/maton.json, which the gateway
// ships). `--head <file>` diffs that one file against the base's openapi.json instead.
//
// The engine is oasdiff (pinned in scripts/tools/go.mod); RULES below map its check ids to our
// three classes, and our own rules cover what it does not: documentation-only changes (fix),
// webhook payloads (oasdiff treats them as requests, but for webhooks ClickSend is the sender,
// so a removed field breaks the receiver), path/method renames (one change, not a removal plus an
// addition), and request types that oasdiff calls "widened" but which no longer accept the old type.
//
// --write  prints the summary and, when the pending changesets do not cover the required bump or
//          do not name every changed operation, writes .changeset/spec-<hash>.md that does.
// --check  prints the summary and exits 1 when they do not (CI).
// Default (neither): print the summary only. --json prints the result as JSON instead.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError, displayPath, isMain, repoRoot, runCli } from './lib/cli.mjs';
import { BUMP_RANK, PUBLISHED_PACKAGES, formatChangeset, maxBump, pendingReleasePlan, writeChangeset } from './lib/changesets.mjs';
import { oasdiffBinary, oasdiffChangelog } from './lib/oasdiff.mjs';
import { isHttpMethod, listOperations } from './lib/openapi-walk.mjs';

export const BUNDLE = 'spec/dist/openapi.json';
/** Every bundle a package ships types from. Versioning is fixed, so a change to any bumps all. */
export const BUNDLES = [BUNDLE, 'spec/dist/maton.json'];
export const CLASS_BUMP = { breaking: 'major', feature: 'minor', fix: 'patch' };
const CLASS_ORDER = ['breaking', 'feature', 'fix'];

/**
 * The base before the first release: `head` without operations, so everything counts as added and
 * nothing else (info, components) shows up as a change of its own.
 */
export const emptyLike = (head) => ({ ...head, paths: {}, webhooks: {} });

// ---------------------------------------------------------------------------------------------
// The written rules. First match wins; `ids` are oasdiff check ids (`oasdiff checks changelog`).
// Anything oasdiff reports that no rule names falls back to its own level: error and warning are
// breaking, info is a feature (it changes the generated types, so never only a fix).
// ---------------------------------------------------------------------------------------------
export const RULES = [
  // breaking
  { class: 'breaking', rule: 'operation removed', ids: /^api-(path-)?removed-/ },
  { class: 'breaking', rule: 'operationId removed or renamed', ids: /^api-operation-id-removed$/ },
  {
    class: 'breaking',
    rule: 'request field added as required or made required',
    ids: /^(new-required-request-|request-(property|parameter|header-property|body)-became-required|request-body-added-required|request-property-became-required-with-default)/,
  },
  { class: 'breaking', rule: 'response field removed', ids: /^response-(required-|optional-)?property-removed$|^response-(body|media-type)-removed$|^response-property-became-optional$/ },
  { class: 'breaking', rule: 'enum value removed from a response', ids: /^response-.*enum-value-removed$/ },
  { class: 'breaking', rule: 'enum added as the only choice(s) for a request field', ids: /^request-.*(-became-enum|-const-added)$/ },
  { class: 'breaking', rule: 'enum value removed from a request (narrowed)', ids: /^request-.*enum-value-removed$/ },
  { class: 'breaking', rule: 'type narrowed or changed', ids: /^(request|response)-.*(-type-changed|-type-specialized|-list-of-types-narrowed)$/ },
  // feature
  { class: 'feature', rule: 'operation added', ids: /^endpoint-added$/ },
  { class: 'feature', rule: 'optional request field added', ids: /^new-optional-request-/ },
  { class: 'feature', rule: 'response field or enum value added', ids: /^response-(required-|optional-)?property-added$|^response-.*enum-value-added$/ },
  { class: 'feature', rule: 'request enum value added', ids: /^request-.*enum-value-added$/ },
  { class: 'feature', rule: 'operation deprecated', ids: /^endpoint-deprecated/ },
];

// Webhooks turn the direction round: ClickSend sends the "request" and the user's server receives
// it, so what oasdiff reports as request changes is judged like a response.
export const WEBHOOK_RULES = [
  { class: 'breaking', rule: 'webhook removed', ids: /^webhook-removed$/ },
  { class: 'feature', rule: 'webhook added', ids: /^webhook-added$/ },
  { class: 'breaking', rule: 'webhook payload field removed', ids: /^request-property-removed$|^request-body-removed$/ },
  { class: 'breaking', rule: 'webhook payload field made optional', ids: /^request-(property|body)-became-optional$/ },
  { class: 'breaking', rule: 'webhook enum value removed', ids: /^request-.*enum-value-removed$/ },
  { class: 'breaking', rule: 'webhook payload type widened or changed', ids: /^request-.*(-type-changed|-type-generalized|-list-of-types-widened|-became-nullable)$/ },
  { class: 'feature', rule: 'webhook payload field added', ids: /^new-(required|optional)-request-property$/ },
  { class: 'feature', rule: 'webhook enum value added', ids: /^request-.*enum-value-added$/ },
  { class: 'feature', rule: 'webhook payload narrowed', ids: /^request-.*(-became-required|-became-enum|-list-of-types-narrowed|-type-specialized|-became-not-nullable)$/ },
];

const IGNORED_IDS = new Set(['api-version-not-bumped']);
const GENERALIZED = /^request-(property|parameter|parameter-property|body)-type-generalized$|^request-.*-list-of-types-widened$/;

const typeList = (s) => s.split(',').map((t) => t.trim()).filter(Boolean);
/** True when every type of `from` is still accepted by `to` (integer fits in number). */
export function typesWidened(from, to) {
  const next = new Set(typeList(to));
  return typeList(from).every((t) => next.has(t) || (t === 'integer' && next.has('number')));
}

/** Class and rule for one oasdiff finding. */
export function classifyFinding(f) {
  const webhook = f.id.startsWith('webhook-') || String(f.path ?? '').startsWith('webhook:');
  for (const r of webhook ? WEBHOOK_RULES : []) if (r.ids.test(f.id)) return { class: r.class, rule: r.rule };
  if (!webhook && GENERALIZED.test(f.id)) {
    // oasdiff's "widened" judges the wire format (a query string accepts anything); our users
    // compile against the types, where integer -> string rejects every existing caller.
    const m = /from `([^`]*)` to `([^`]*)`/.exec(f.text ?? '');
    if (m && !typesWidened(m[1], m[2])) return { class: 'breaking', rule: 'type narrowed or changed' };
    return { class: 'feature', rule: 'request type widened' };
  }
  for (const r of RULES) if (r.ids.test(f.id)) return { class: r.class, rule: r.rule };
  return f.level >= 2
    ? { class: 'breaking', rule: `other incompatible change (oasdiff ${f.id})` }
    : { class: 'feature', rule: `other compatible change (oasdiff ${f.id})` };
}

// ---------------------------------------------------------------------------------------------
// Operations of a document, and our own walk for what oasdiff does not report.
// ---------------------------------------------------------------------------------------------

/** Every operation in `paths` and `webhooks`: key -> { key, kind, method, path|webhook, operationId, deprecated }. */
export function operationsOf(doc) {
  const ops = new Map();
  for (const [kind, section] of [['path', 'paths'], ['webhook', 'webhooks']]) {
    for (const { path: where, method, operation: op } of listOperations(doc, section)) {
      const key = kind === 'path' ? `${method.toUpperCase()} ${where}` : `webhook ${where} ${method.toUpperCase()}`;
      ops.set(key, { key, kind, method: method.toUpperCase(), where, operationId: op.operationId, deprecated: op.deprecated === true });
    }
  }
  return ops;
}

export function describeOperation(op) {
  const id = op.operationId ? `\`${op.operationId}\`` : `\`${op.method} ${op.where}\``;
  return op.kind === 'path' ? `${id} (${op.method} ${op.where})` : `${id} (webhook ${op.where}, ${op.method})`;
}

// Keywords whose value is documentation only. Under `properties` (and other name maps) the same
// words are field names, so they count only in keyword position.
const DOC_KEYS = new Set(['description', 'summary', 'example', 'examples', 'externalDocs', 'title']);
const NAME_MAPS = new Set([
  'properties', 'patternProperties', '$defs', 'schemas', 'parameters', 'responses', 'headers', 'content',
  'callbacks', 'links', 'securitySchemes', 'requestBodies', 'pathItems', 'webhooks', 'paths', 'mapping', 'encoding', 'variables',
]);

function isDocPointer(segments) {
  return segments.some((s, i) => DOC_KEYS.has(s) && !(i > 0 && NAME_MAPS.has(segments[i - 1])));
}

/** JSON pointers (as segment arrays) where `a` and `b` differ, as deep as both are objects. */
export function diffPointers(a, b, at = [], out = []) {
  if (a === b) return out;
  const objA = a !== null && typeof a === 'object';
  const objB = b !== null && typeof b === 'object';
  if (!objA || !objB || Array.isArray(a) !== Array.isArray(b)) {
    out.push(at);
    return out;
  }
  if (Array.isArray(a)) {
    if (a.length !== b.length) out.push(at);
    else for (let i = 0; i < a.length; i++) diffPointers(a[i], b[i], [...at, String(i)], out);
    return out;
  }
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!(k in a) || !(k in b)) out.push([...at, k]);
    else diffPointers(a[k], b[k], [...at, k], out);
  }
  return out;
}

const pointer = (segments) => `/${segments.map((s) => s.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;

/** Group a difference: an operation key, a component, or the document level. */
function ownerOf(segments) {
  const [top, a, b] = segments;
  if (top === 'paths' && a !== undefined && isHttpMethod(b)) return { key: `${b.toUpperCase()} ${a}`, rest: segments.slice(3) };
  if (top === 'webhooks' && a !== undefined && isHttpMethod(b)) return { key: `webhook ${a} ${b.toUpperCase()}`, rest: segments.slice(3) };
  if (top === 'components' && a !== undefined && b !== undefined) return { component: `${a}/${b}`, rest: segments.slice(3) };
  return { document: top ?? '(root)', rest: segments.slice(1) };
}

const keywordsOf = (pointers) => [...new Set(pointers.map((s) => s.findLast((x, i) => DOC_KEYS.has(x) && !(i > 0 && NAME_MAPS.has(s[i - 1]))) ?? s.at(-1)))];

// ---------------------------------------------------------------------------------------------
// The diff.
// ---------------------------------------------------------------------------------------------

/**
 * Compare two OpenAPI documents (objects). Returns findings (class, rule, text, operation),
 * operations added / removed / changed, and the bump the change needs.
 */
export function diffSpecs(base, head, { bin } = {}) {
  const tmp = mkdtempSync(path.join(tmpdir(), 'spec-diff-'));
  let raw;
  try {
    writeFileSync(path.join(tmp, 'base.json'), JSON.stringify(base));
    writeFileSync(path.join(tmp, 'head.json'), JSON.stringify(head));
    raw = oasdiffChangelog(path.join(tmp, 'base.json'), path.join(tmp, 'head.json'), bin ?? oasdiffBinary());
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const baseOps = operationsOf(base);
  const headOps = operationsOf(head);
  const opFor = (key) => headOps.get(key) ?? baseOps.get(key);
  const findings = [];
  const add = (f) => findings.push(f);

  for (const f of raw) {
    if (IGNORED_IDS.has(f.id)) continue;
    const { class: cls, rule } = classifyFinding(f);
    if (f.id === 'webhook-added' || f.id === 'webhook-removed') {
      // One finding per operation of the webhook, so each is named.
      const name = /webhook `([^`]+)`/.exec(f.text)?.[1];
      const ops = [...(f.id === 'webhook-added' ? headOps : baseOps).values()].filter((o) => o.kind === 'webhook' && o.where === name);
      for (const op of ops.length ? ops : [{ key: `webhook ${name}`, kind: 'webhook', method: '', where: name }]) {
        add({ class: cls, rule, text: f.text, source: `oasdiff ${f.id}`, key: op.key, change: f.id === 'webhook-added' ? 'added' : 'removed' });
      }
      continue;
    }
    let key;
    if (String(f.path ?? '').startsWith('webhook:')) key = `webhook ${f.path.slice('webhook:'.length)} ${f.operation}`;
    else if (f.path && f.operation) key = `${f.operation} ${f.path}`;
    const change = f.id === 'endpoint-added' ? 'added' : /^api-(path-)?removed-/.test(f.id) ? 'removed' : 'changed';
    add({ class: cls, rule, text: f.text, source: `oasdiff ${f.id}`, key, change });
  }

  // Own rule: an operation whose path or method changed but that kept its operationId is one
  // breaking change, not a removal and an unrelated addition.
  const removed = findings.filter((f) => f.change === 'removed' && f.key && !f.key.startsWith('webhook '));
  for (const r of removed) {
    const id = baseOps.get(r.key)?.operationId;
    if (!id) continue;
    const added = findings.find((f) => f.change === 'added' && f.key && headOps.get(f.key)?.operationId === id);
    if (!added) continue;
    findings.splice(findings.indexOf(added), 1);
    Object.assign(r, { rule: 'path or method changed', class: 'breaking', change: 'moved', text: `moved from ${r.key} to ${added.key}`, key: added.key, from: r.key });
  }

  // Own check: operations added or removed must be there even if the engine missed them.
  const seen = (key, change) => findings.some((f) => (f.key === key && f.change === change) || f.from === key);
  for (const [key, op] of headOps) {
    if (!baseOps.has(key) && !seen(key, 'added') && !findings.some((f) => f.key === key && f.change === 'moved')) {
      add({ class: 'feature', rule: op.kind === 'webhook' ? 'webhook added' : 'operation added', text: `${op.kind === 'webhook' ? 'webhook' : 'endpoint'} added`, source: 'spec-diff', key, change: 'added' });
    }
  }
  for (const [key, op] of baseOps) {
    if (!headOps.has(key) && !seen(key, 'removed')) {
      add({ class: 'breaking', rule: op.kind === 'webhook' ? 'webhook removed' : 'operation removed', text: 'removed', source: 'spec-diff', key, change: 'removed' });
    }
  }

  // Own rules: documentation-only changes (fix), and anything else the engine did not explain.
  const explained = new Set(findings.map((f) => f.key).filter(Boolean));
  const groups = new Map();
  for (const segs of diffPointers(base, head)) {
    const owner = ownerOf(segs);
    // Whole operations added or removed are already findings.
    if (owner.key && (!baseOps.has(owner.key) || !headOps.has(owner.key))) continue;
    if (segs[0] === 'paths' || segs[0] === 'webhooks') {
      if (segs.length <= 2) continue; // a whole path item added or removed
    }
    const id = owner.key ?? (owner.component ? `component ${owner.component}` : `document ${owner.document}`);
    if (!groups.has(id)) groups.set(id, { owner, doc: [], other: [] });
    groups.get(id)[isDocPointer(segs) ? 'doc' : 'other'].push(segs);
  }
  for (const g of groups.values()) {
    const where = g.owner.key ? undefined : g.owner.component ? `schema ${g.owner.component.replace(/^schemas\//, '')}` : `document ${g.owner.document}`;
    if (g.doc.length) {
      add({
        class: 'fix',
        rule: 'descriptions or examples changed',
        text: `${keywordsOf(g.doc).join(', ')} changed`,
        source: 'spec-diff',
        key: g.owner.key,
        where,
        change: 'changed',
      });
    }
    // Structural changes the engine said nothing about (e.g. `x-idempotent`): listed, patch level.
    const unexplained = g.owner.key ? !explained.has(g.owner.key) : raw.length === 0;
    if (g.other.length && unexplained) {
      add({
        class: 'fix',
        rule: 'other change (no rule applies)',
        text: `changed: ${g.other.slice(0, 5).map((s) => pointer(g.owner.key ? s.slice(3) : s)).join(', ')}${g.other.length > 5 ? `, … (${g.other.length})` : ''}`,
        source: 'spec-diff',
        key: g.owner.key,
        where,
        change: 'changed',
      });
    }
  }

  findings.sort((a, b) => CLASS_ORDER.indexOf(a.class) - CLASS_ORDER.indexOf(b.class) || String(a.key ?? a.where).localeCompare(String(b.key ?? b.where)));
  for (const f of findings) if (f.key && opFor(f.key)) f.operation = opFor(f.key);

  const byChange = (c) => [...new Set(findings.filter((f) => f.key && f.change === c).map((f) => f.key))].map(opFor).filter(Boolean);
  const changedKeys = new Set(findings.filter((f) => f.key && (f.change === 'changed' || f.change === 'moved')).map((f) => f.key));
  const bump = maxBump(...findings.map((f) => CLASS_BUMP[f.class]));
  return {
    findings,
    added: byChange('added'),
    removed: byChange('removed'),
    changed: [...changedKeys].map(opFor).filter(Boolean),
    counts: { base: baseOps.size, head: headOps.size },
    bump,
  };
}

/**
 * What a changelog must name for this diff: per operation, the accepted names (its operationId,
 * or "METHOD path" without one; a webhook may be named by the webhook instead). Sorted.
 */
export function namesToMention(result) {
  const wanted = new Map();
  const want = (names) => wanted.set(names[0], names);
  for (const f of result.findings) {
    const op = f.operation;
    if (op) want(op.kind === 'webhook' ? [op.operationId ?? `${op.method} ${op.where}`, op.where] : [op.operationId ?? `${op.method} ${op.where}`]);
    if (f.source === 'oasdiff api-operation-id-removed') {
      for (const m of f.text.matchAll(/`([^`]+)`/g)) want([m[1]]);
    }
  }
  return [...wanted.keys()].sort().map((k) => wanted.get(k));
}

const mentioned = (text, name) => new RegExp(`(^|[^A-Za-z0-9_])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_])`).test(text);

/** Does the release plan give every published package at least the bump, and name every operation? */
export function coverage(result, plan) {
  const required = result.bump;
  const short = [];
  if (required !== 'none') {
    for (const name of PUBLISHED_PACKAGES) {
      const planned = plan.releases.get(name) ?? 'none';
      if (BUMP_RANK[planned] < BUMP_RANK[required]) short.push({ name, planned, required });
    }
  }
  const text = plan.changesets.map((c) => c.summary).join('\n');
  const unnamed = namesToMention(result)
    .filter((names) => !names.some((n) => mentioned(text, n)))
    .map((names) => (names.length > 1 ? `${names[0]} (or webhook ${names[1]})` : names[0]));
  return { ok: short.length === 0 && unnamed.length === 0, short, unnamed };
}

// ---------------------------------------------------------------------------------------------
// Text: the human summary and the changeset body.
// ---------------------------------------------------------------------------------------------

const findingLine = (f) => {
  const subject = f.operation ? describeOperation(f.operation) : f.where ?? 'document';
  return `${subject}: ${f.rule}: ${f.text}`;
};

export function formatSummary(result, { baseLabel, file = BUNDLE }) {
  const lines = [`spec-diff: ${file} at ${baseLabel} (${result.counts.base} operations) -> working tree (${result.counts.head} operations)`];
  if (result.findings.length === 0) {
    lines.push('no changes');
    return `${lines.join('\n')}\n`;
  }
  for (const cls of CLASS_ORDER) {
    const fs = result.findings.filter((f) => f.class === cls);
    if (!fs.length) continue;
    lines.push(`${cls} (${CLASS_BUMP[cls]}): ${fs.length}`);
    for (const f of fs.slice(0, 200)) lines.push(`  - ${findingLine(f)}`);
    if (fs.length > 200) lines.push(`  … and ${fs.length - 200} more`);
  }
  lines.push(`operations: ${result.added.length} added, ${result.changed.length} changed, ${result.removed.length} removed`);
  lines.push(`required bump: ${result.bump} for ${PUBLISHED_PACKAGES.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

const opList = (ops) => ops.map((o) => `- ${describeOperation(o)}`);

/** Changelog text naming the removed, changed and added operations (only `names` when given). */
export function changesetSummary(result, { only } = {}) {
  const keep = (op) => !only || only.has(op.operationId ?? `${op.method} ${op.where}`);
  const out = [`Spec: ${result.bump === 'major' ? 'breaking changes' : result.bump === 'minor' ? 'new operations and fields' : 'documentation fixes'} (written by \`pnpm changeset:spec\`).`];
  const removed = result.removed.filter(keep);
  if (removed.length) out.push('', '**Removed operations (breaking):**', '', ...opList(removed));
  const changed = result.changed.filter(keep);
  if (changed.length) {
    out.push('', '**Changed operations:**', '');
    for (const op of changed) {
      const fs = result.findings.filter((f) => f.key === op.key && (f.change === 'changed' || f.change === 'moved'));
      const byRule = new Map();
      for (const f of fs) {
        const label = `${f.class === 'breaking' ? '**breaking**: ' : ''}${f.rule}`;
        if (!byRule.has(label)) byRule.set(label, []);
        if (!byRule.get(label).includes(f.text)) byRule.get(label).push(f.text);
      }
      const parts = [...byRule].map(([label, texts]) => `${label} (${texts.slice(0, 3).join('; ')}${texts.length > 3 ? `; and ${texts.length - 3} more` : ''})`);
      out.push(`- ${describeOperation(op)}: ${parts.join('; ')}`);
    }
  }
  const added = result.added.filter(keep);
  if (added.length) out.push('', '**Added operations:**', '', ...opList(added));
  const docs = result.findings.filter((f) => !f.key && f.where);
  if (docs.length && !only) out.push('', '**Other:**', '', ...docs.map((f) => `- ${f.where}: ${f.rule} (${f.text})`));
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// git: the base spec.
// ---------------------------------------------------------------------------------------------

function git(root, args, { allowFail = false } = {}) {
  const r = spawnSync('git', ['-c', 'core.quotepath=off', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new InputError(`cannot run git: ${r.error.message}`);
  if (r.status !== 0 && !allowFail) throw new InputError(`git ${args.join(' ')} failed in ${root}:\n${r.stderr.trim()}`);
  return r;
}

/** The content of `file` at `ref`, or undefined when the file did not exist there. */
function showAt(root, ref, file) {
  const r = git(root, ['show', `${ref}:${file}`], { allowFail: true });
  return r.status === 0 ? r.stdout : undefined;
}

/**
 * The last release: the newest commit that changed `version` in spec/package.json
 * (`changeset version` does that). `{ ref: undefined }` when there was none yet.
 */
export function lastRelease(root = repoRoot) {
  if (git(root, ['rev-parse', '--verify', '--quiet', 'HEAD'], { allowFail: true }).status !== 0) return { ref: undefined };
  const commits = git(root, ['log', '--format=%H', '--', 'spec/package.json']).stdout.split('\n').filter(Boolean);
  const version = (text) => (text ? JSON.parse(text).version : undefined);
  for (const c of commits) {
    const now = version(showAt(root, c, 'spec/package.json'));
    const parent = git(root, ['rev-parse', '--verify', '--quiet', `${c}^`], { allowFail: true });
    if (parent.status !== 0) continue; // the root commit created the file: not a release
    const before = version(showAt(root, parent.stdout.trim(), 'spec/package.json'));
    if (before !== undefined && now !== before) return { ref: c, version: now };
  }
  if (git(root, ['rev-parse', '--is-shallow-repository']).stdout.trim() === 'true') {
    throw new InputError('this clone is shallow, so the last release cannot be found: run `git fetch --unshallow`, or pass --base <ref>');
  }
  return { ref: undefined };
}

/**
 * The base to compare with: `ref`, or the last release when it is undefined. `{ ref: undefined }`
 * before the first release. Resolved once per run, whatever the number of bundles.
 */
export function baseRef(root, ref) {
  if (ref === undefined) {
    const rel = lastRelease(root);
    if (!rel.ref) return { ref: undefined, label: 'no release yet (empty spec)' };
    return { ref: rel.ref, label: `last release ${rel.version} (${rel.ref.slice(0, 10)})` };
  }
  if (git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { allowFail: true }).status !== 0) {
    throw new InputError(`unknown git ref "${ref}"`);
  }
  return { ref, label: ref };
}

/** The document of `file` (default: the ClickSend bundle) at a base from `baseRef`, and a label for it. */
export function baseSpec(root, base, file = BUNDLE) {
  if (base.ref === undefined) return { spec: undefined, label: base.label };
  const text = showAt(root, base.ref, file);
  if (text === undefined) return { spec: undefined, label: `${base.label} (no bundle there: empty spec)` };
  try {
    return { spec: JSON.parse(text), label: base.label };
  } catch (e) {
    throw new InputError(`${file} at ${base.ref} is not valid JSON: ${e.message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

const USAGE = 'usage: node scripts/spec-diff.mjs [--base <git ref>] [--head <openapi.json>] [--write | --check] [--json] [--root <repo>]';

export async function main(argv = process.argv.slice(2), { stdout = process.stdout, stderr = process.stderr } = {}) {
  const check = (flags) => {
    if (flags.write && flags.check) throw new InputError('--write and --check exclude each other');
  };
  const spec = { base: 'string', head: 'string', write: 'boolean', check: 'boolean', json: 'boolean', root: 'string' };
  return runCli({ name: 'spec-diff', usage: USAGE, flags: spec, argv, check, stdout, stderr }, async (flags) => {
    const root = flags.root ? path.resolve(flags.root) : repoRoot;
    const diffs = [];
    const at = baseRef(root, flags.base);
    for (const file of flags.head ? [BUNDLE] : BUNDLES) {
      const headFile = flags.head ? path.resolve(flags.head) : path.join(root, file);
      const base = baseSpec(root, at, file);
      if (!existsSync(headFile)) {
        // A bundle that is in neither the working tree nor the base is not part of this repo.
        if (file !== BUNDLE && !flags.head && base.spec === undefined) continue;
        throw new InputError(`${displayPath(headFile)} not found (run \`pnpm build\` first)`);
      }
      let head;
      try {
        head = JSON.parse(readFileSync(headFile, 'utf8'));
      } catch (e) {
        throw new InputError(`${displayPath(headFile)} is not valid JSON: ${e.message}`);
      }
      diffs.push({ file, head, base: base.label, result: diffSpecs(base.spec ?? emptyLike(head), head) });
    }
    // One result for the release plan: the highest bump, every finding (so every operation is named).
    const result = { findings: diffs.flatMap((d) => d.result.findings), bump: maxBump(...diffs.map((d) => d.result.bump)) };

    if (flags.json) stdout.write(`${JSON.stringify(diffs.map((d) => ({ file: d.file, base: d.base, ...d.result })), null, 2)}\n`);
    else for (const d of diffs) stdout.write(formatSummary(d.result, { baseLabel: d.base, file: d.file }));
    if (!flags.write && !flags.check) return 0;
    if (result.bump === 'none') {
      stdout.write('changesets: nothing to cover\n');
      return 0;
    }

    const plan = await pendingReleasePlan(root);
    const cov = coverage(result, plan);
    const pending = plan.changesets.map((c) => c.file).join(', ') || 'none';
    if (cov.ok) {
      stdout.write(`changesets: covered (${result.bump} or more for every package; every operation named) by ${pending}\n`);
      return 0;
    }
    const problems = [
      ...cov.short.map((s) => `${s.name} needs a ${s.required} bump, the pending changesets give ${s.planned}`),
      ...(cov.unnamed.length ? [`no pending changeset names ${cov.unnamed.length} changed operation(s): ${cov.unnamed.slice(0, 20).join(', ')}${cov.unnamed.length > 20 ? ', …' : ''}`] : []),
    ];
    if (flags.check) {
      stderr.write(`spec-diff: the pending changesets (${pending}) do not cover this spec change:\n${problems.map((p) => `  - ${p}`).join('\n')}\nFix: run \`pnpm changeset:spec\` and commit the changeset it writes (edit its text if you like; keep the bumps and the operation names).\n`);
      return 1;
    }
    const bumps = Object.fromEntries(PUBLISHED_PACKAGES.map((n) => [n, result.bump]));
    const names = cov.short.length ? undefined : new Set(cov.unnamed.map((n) => n.split(' (or ')[0]));
    const hash = createHash('sha256').update(JSON.stringify(diffs.map((d) => d.head))).digest('hex').slice(0, 10);
    const changed = diffs.filter((d) => d.result.bump !== 'none' && (!names || namesToMention(d.result).some(([name]) => names.has(name))));
    // Several APIs changed: a heading per API, so the changelog says which one.
    const summary = changed
      .map((d) => `${changed.length > 1 ? `### ${d.head.info?.title ?? d.file}\n\n` : ''}${changesetSummary(d.result, { only: names })}`)
      .join('\n\n');
    const file = writeChangeset(`spec-${hash}`, formatChangeset(bumps, summary), root);
    stdout.write(`changesets: wrote ${file} (${result.bump} for ${PUBLISHED_PACKAGES.length} packages${names ? `, naming ${names.size} operation(s)` : ''})\n`);
    return 0;
  });
}

if (isMain(import.meta.url)) process.exitCode = await main();
