// The changelog page: pending changesets ("Unreleased") and each published package's CHANGELOG.md.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { escapeHtml, renderMarkdown } from './markdown.mjs';

export const PACKAGES = [
  { name: '@clicksend-kit/openapi', dir: 'spec' },
  { name: '@clicksend-kit/types', dir: 'packages/types' },
  { name: '@clicksend-kit/client', dir: 'packages/client' },
  { name: '@clicksend-kit/gateway', dir: 'packages/gateway' },
];

/** Pending changesets: [{ id, bumps: [[name, bump]], body }], sorted by id. */
export function readChangesets(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((f) => {
      const text = readFileSync(path.join(dir, f), 'utf8');
      const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
      if (!m) throw new Error(`.changeset/${f} has no front matter (---)`);
      const bumps = m[1]
        .split('\n')
        .map((l) => /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(l))
        .filter(Boolean)
        .map((x) => [x[1], x[2]]);
      return { id: f.replace(/\.md$/, ''), bumps, body: m[2].trim() };
    });
}

export function changelogHtml(repo) {
  const sections = ['<h1>Changelog</h1>', '<h2 id="unreleased">Unreleased</h2>'];
  const pending = readChangesets(path.join(repo, '.changeset'));
  if (pending.length === 0) sections.push('<p class="muted">Nothing pending.</p>');
  for (const c of pending) {
    sections.push(`<section class="changeset" id="changeset-${escapeHtml(c.id)}"><p class="bump">${c.bumps.map(([n, b]) => `<code>${escapeHtml(n)}</code> ${escapeHtml(b)}`).join(', ')}</p>\n${renderMarkdown(c.body)}</section>`);
  }
  for (const p of PACKAGES) {
    const { version } = JSON.parse(readFileSync(path.join(repo, p.dir, 'package.json'), 'utf8'));
    const file = path.join(repo, p.dir, 'CHANGELOG.md');
    sections.push(`<h2>${escapeHtml(p.name)} ${escapeHtml(version)}</h2>`);
    // The changelog's own "# @clicksend-kit/x" title duplicates the heading above.
    sections.push(existsSync(file) ? renderMarkdown(readFileSync(file, 'utf8').replace(/^# .*\n/, '')) : '<p class="muted">Not released yet.</p>');
  }
  return sections.join('\n');
}
