// The build's own rules, without a browser: guides fail loudly when a README section they are
// built from is gone, the shared Redoc copy loses its one outside image or the build stops, a
// tag's slice holds its operations and only the components they use, and pages that would load
// from another host are caught.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { redocWithoutBadgeImage } from '../build.mjs';
import { findExternalResources } from '../lib/html-resources.mjs';
import { readmeSection } from '../lib/markdown.mjs';
import { listOperations } from '../lib/openapi.mjs';
import { sliceForTag } from '../lib/reference.mjs';
import { generateSamples, pySnake, webhookDelivery } from '../lib/samples.mjs';

const spec = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@clicksend-kit/openapi/openapi.json'), 'utf8'));

describe('readmeSection', () => {
  const readme = '# pkg\n\n## Install\n\n```sh\n## not a heading\n```\n\n### Sub\n\ntext\n\n## Next\n\nmore\n';
  it('takes a section up to the next heading of its level, skipping code fences', () => {
    expect(readmeSection(readme, '## Install', 'README.md')).toBe('## Install\n\n```sh\n## not a heading\n```\n\n### Sub\n\ntext');
  });
  it('names the file and heading when the section is gone', () => {
    expect(() => readmeSection(readme, '## Errors', 'packages/client/README.md')).toThrow('packages/client/README.md has no section "## Errors"');
  });
});

describe('redocWithoutBadgeImage', () => {
  it("points the badge's outside image at an empty data: URL", () => {
    expect(redocWithoutBadgeImage('a src:"https://cdn.redoc.ly/redoc/logo-mini.svg" b')).toBe('a src:"data:," b');
  });
  it('refuses a Redoc whose badge image is not where it was', () => {
    expect(() => redocWithoutBadgeImage('no badge here')).toThrow(/0 times, expected once/);
  });
});

describe('sliceForTag', () => {
  it("holds the tag's operations and webhooks and only components they reach", () => {
    const slice = sliceForTag(spec, 'contacts');
    const ids = listOperations(slice).map((o) => o.operation.operationId);
    expect(ids.sort()).toEqual(listOperations(spec).filter((o) => o.tag === 'contacts').map((o) => o.operation.operationId).sort());
    expect(Object.keys(slice.components.schemas ?? {}).length).toBeLessThan(Object.keys(spec.components.schemas).length);
    const text = JSON.stringify(slice);
    for (const ref of text.match(/"#\/components\/[^"]+"/g) ?? []) {
      const [, , kind, name] = JSON.parse(ref).split('/');
      expect(slice.components[kind]?.[name], `${ref} is in the slice`).toBeDefined();
    }
  });
});

describe('samples', () => {
  it('exist for every operation and webhook in four languages', () => {
    const samples = generateSamples(spec);
    expect(samples).toHaveLength(listOperations(spec).length);
    for (const s of samples) expect(Object.keys(s.samples).sort()).toEqual(['curl', 'go', 'python', 'typescript']);
  });
  it('deliver a GET callback to a URL that already has a query, keeping its token', () => {
    const { url } = webhookDelivery({ form: 'get', payload: { message_id: 'A1', status: 'Delivered' } }, 'https://example.com/hook?token=s3cret');
    expect(new URL(url).searchParams.get('token')).toBe('s3cret');
    expect(new URL(url).searchParams.get('message_id')).toBe('A1');
  });
  it("name Python modules as openapi-python-client does", () => {
    expect(pySnake('sendSms')).toBe('send_sms');
    expect(pySnake('sms-campaigns')).toBe('sms_campaigns');
    expect(pySnake('getSMSHistory')).toBe('get_sms_history');
  });
});

describe('findExternalResources', () => {
  it('finds loads from other hosts and ignores links and data: URLs', () => {
    const html = '<img src="https://cdn.example.com/x.svg"><img src="data:,"><a href="https://example.com">x</a><script src="../assets/redoc.standalone.js"></script>';
    expect(findExternalResources(html).map((r) => r.url)).toEqual(['https://cdn.example.com/x.svg']);
  });
});
