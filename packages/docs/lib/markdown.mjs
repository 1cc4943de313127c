// Markdown to HTML for the guides and the changelog. Raw HTML in the markdown is shown as text,
// and links stay links (a click, not a load).
import { Marked } from 'marked';

export const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const markdown = new Marked({ gfm: true, async: false, renderer: { html: ({ text }) => escapeHtml(text) } });

export const renderMarkdown = (text) => markdown.parse(text);

/**
 * The `## heading` section of a README (up to the next heading of the same level or higher), so
 * a guide says what the package README says, from that one source. Throws when it is missing.
 */
export function readmeSection(readme, heading, file) {
  const lines = readme.split('\n');
  const level = /^#+/.exec(heading)[0].length;
  let start = -1;
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    if (/^```/.test(lines[i])) inFence = !inFence;
    if (inFence) continue;
    const m = /^(#+) /.exec(lines[i]);
    if (start === -1 && lines[i].trim() === heading) start = i;
    else if (start !== -1 && m && m[1].length <= level) return lines.slice(start, i).join('\n').trim();
  }
  if (start === -1) throw new Error(`${file} has no section "${heading}" (the docs guides are built from it)`);
  return lines.slice(start).join('\n').trim();
}
