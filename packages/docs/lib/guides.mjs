// The guides a new user needs, each made of sections of the package READMEs (one source: the
// README says it, the guide shows it), plus the webhooks guide with every callback's payload in
// the three forms ClickSend delivers it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { escapeHtml, readmeSection, renderMarkdown } from './markdown.mjs';
import { exampleOf, deref, listOperations } from './openapi.mjs';
import { webhookDelivery } from './samples.mjs';

/** Guide pages: file, title, and the README sections (file relative to the repo root, heading). */
export const GUIDES = [
  { file: 'getting-started.html', title: 'Getting started', sections: [['packages/client/README.md', '## Install'], ['packages/client/README.md', '## Send an SMS']] },
  {
    file: 'errors-and-retries.html',
    title: 'Errors and retries',
    sections: [['packages/client/README.md', '## Two call styles: `{ data, error }` or throw'], ['packages/client/README.md', '## Errors'], ['packages/client/README.md', '## Retries and timeouts']],
  },
  { file: 'pagination.html', title: 'Pagination', sections: [['packages/client/README.md', '## Pagination']] },
  {
    file: 'maton-and-skillboss.html',
    title: 'The Maton and SkillBoss routes',
    sections: [['packages/gateway/README.md', '## Maton'], ['packages/gateway/README.md', '## SkillBoss'], ['packages/gateway/README.md', '## What differs between routes, and what does not']],
  },
];

export function guideMarkdown(repo, guide) {
  return guide.sections.map(([file, heading]) => readmeSection(readFileSync(path.join(repo, file), 'utf8'), heading, file)).join('\n\n');
}

/** Webhook callbacks of the spec, grouped by their `webhooks:` key with each delivery form. */
export function webhookCallbacks(spec) {
  const byKey = new Map();
  for (const entry of listOperations(spec).filter((e) => e.section === 'webhooks')) {
    const list = byKey.get(entry.path) ?? [];
    if (entry.method === 'get') {
      list.push({ form: 'get', operation: entry.operation, payload: exampleOf(spec, entry.parameters.find((p) => p.in === 'query')) });
    } else {
      const content = deref(spec, entry.operation.requestBody).content;
      if (content['application/x-www-form-urlencoded']) list.push({ form: 'post', operation: entry.operation, payload: exampleOf(spec, content['application/x-www-form-urlencoded']) });
      if (content['application/json']) list.push({ form: 'json', operation: entry.operation, payload: exampleOf(spec, content['application/json']) });
    }
    byKey.set(entry.path, list);
  }
  return [...byKey].map(([key, forms]) => ({ key, forms, tag: forms[0].operation.tags[0] }));
}

const FORM_TITLES = { post: 'Form POST (`webhook_type: post`)', json: 'JSON POST (`webhook_type: json`)', get: 'GET query string (`webhook_type: get`)' };

export function webhooksMarkdown(repo, spec) {
  const parts = [readmeSection(readFileSync(path.join(repo, 'packages/client/README.md'), 'utf8'), '## Webhooks', 'packages/client/README.md')];
  parts.push(readFileSync(path.join(repo, 'packages/docs/content/protect-your-webhook-endpoint.md'), 'utf8'));
  parts.push('## Callbacks and their payloads');
  for (const { key, forms } of webhookCallbacks(spec)) {
    parts.push(`### ${key}\n\n${forms[0].operation.description.split('\n')[0]}`);
    for (const f of forms) {
      const d = webhookDelivery(f, 'https://example.com/clicksend/callbacks?token=YOUR_SECRET_TOKEN');
      const request = d.body ? `${d.method} ${d.url}\nContent-Type: ${d.contentType}\n\n${f.form === 'json' ? JSON.stringify(f.payload, null, 2) : d.body}` : `${d.method} ${d.url}`;
      parts.push(`#### ${FORM_TITLES[f.form]}\n\nOperation \`${f.operation.operationId}\` in the reference.\n\n\`\`\`http\n${request}\n\`\`\``);
    }
  }
  return parts.join('\n\n');
}

export const guideHtml = (markdownText) => renderMarkdown(markdownText);
export { escapeHtml };
