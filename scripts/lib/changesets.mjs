// Pending changesets as changesets itself reads them (config, fixed groups, dependents), and
// writing one. Used by scripts/spec-diff.mjs.
import { mkdirSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { repoRoot } from './cli.mjs';

const require = createRequire(import.meta.url);

/** The four published packages; every spec change reaches all of them (see README "Versioning"). */
export const PUBLISHED_PACKAGES = ['@clicksend-kit/openapi', '@clicksend-kit/types', '@clicksend-kit/client', '@clicksend-kit/gateway'];

export const BUMP_RANK = { none: 0, patch: 1, minor: 2, major: 3 };
export const maxBump = (...bumps) => bumps.reduce((a, b) => (BUMP_RANK[b] > BUMP_RANK[a] ? b : a), 'none');

/**
 * What `changeset version` would do now: `{ releases: Map<name, bump>, changesets: [{ id, file, summary, releases }] }`.
 * Fixed groups and dependents are applied by changesets' own planner.
 */
export async function pendingReleasePlan(root = repoRoot) {
  const mod = require('@changesets/get-release-plan');
  const getReleasePlan = mod.default ?? mod;
  const plan = await getReleasePlan(root);
  return {
    releases: new Map(plan.releases.filter((r) => r.type !== 'none').map((r) => [r.name, r.type])),
    changesets: plan.changesets.map((c) => ({ id: c.id, file: `.changeset/${c.id}.md`, summary: c.summary, releases: c.releases })),
  };
}

/** The text of a changeset file: YAML front matter with one bump per package, then the summary. */
export function formatChangeset(bumps, summary) {
  const front = Object.entries(bumps).map(([name, bump]) => `"${name}": ${bump}`);
  return `---\n${front.join('\n')}\n---\n\n${summary.trim()}\n`;
}

/** Writes `.changeset/<id>.md` atomically; returns its repo-relative path. */
export function writeChangeset(id, text, root = repoRoot) {
  const dir = path.join(root, '.changeset');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${id}.md`);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
  return `.changeset/${id}.md`;
}
