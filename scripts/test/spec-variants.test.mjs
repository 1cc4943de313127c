import { describe, expect, it } from 'vitest';
import { assertValidOpenApi, dereferenced, leftoverKeywords31, toOpenApi30 } from '../spec-variants.mjs';

// A small OpenAPI 3.1 document with one of each thing 3.0 cannot say.
function doc31() {
  return {
    openapi: '3.1.0',
    info: { title: 'T', version: '1', summary: 'short', license: { name: 'MIT', identifier: 'MIT' } },
    paths: {
      '/things/{id}': {
        get: {
          operationId: 'getThing',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { $ref: '#/components/schemas/Id' } }],
          responses: {
            200: {
              description: 'ok',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
            },
          },
        },
      },
    },
    webhooks: {
      thingChanged: {
        post: {
          operationId: 'thingChanged',
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { kind: { type: 'string', const: 'thing' }, note: { type: ['string', 'null'] } } } } } },
          responses: { 200: { description: 'ok' } },
        },
      },
    },
    components: {
      schemas: {
        Id: { anyOf: [{ type: 'integer' }, { type: 'string', pattern: '^[0-9]+$' }] },
        Thing: {
          type: 'object',
          dependentRequired: { a: ['b'] },
          properties: {
            name: { type: ['string', 'null'], examples: ['first', 'second'] },
            kind: { type: 'string', const: 'thing' },
            owner: { anyOf: [{ $ref: '#/components/schemas/Id' }, { type: 'null' }] },
            either: { anyOf: [{ type: 'integer' }, { type: 'string' }, { type: 'null' }] },
            gone: { type: 'null', description: 'Always null.' },
            price: { type: 'number', exclusiveMinimum: 0 },
            amount: { anyOf: [{ type: 'number' }, { type: 'integer' }] },
            details: { anyOf: [{ type: 'object', additionalProperties: true }, { type: 'array', items: {} }] },
            file: { type: 'string', contentEncoding: 'base64' },
          },
        },
      },
    },
  };
}

describe('toOpenApi30', () => {
  const { doc, changes } = toOpenApi30(doc31());
  const thing = doc.components.schemas.Thing.properties;

  it('writes OpenAPI 3.0.3 with no 3.1-only keyword left, valid against the 3.0 schema', async () => {
    expect(doc.openapi).toBe('3.0.3');
    expect(leftoverKeywords31(doc)).toEqual([]);
    expect(await assertValidOpenApi(doc, 'fixture')).toBe('3.0');
  });

  it('says type lists, const and schema examples the 3.0 way', () => {
    expect(thing.name).toEqual({ type: 'string', nullable: true, example: 'first' });
    expect(thing.kind).toEqual({ type: 'string', enum: ['thing'] });
    expect(thing.file).toEqual({ type: 'string', format: 'byte' });
  });

  it('turns null branches into nullable, wrapping a lone $ref in allOf', () => {
    expect(thing.owner).toEqual({ allOf: [{ $ref: '#/components/schemas/Id' }], nullable: true });
    expect(thing.either).toEqual({ oneOf: [{ type: 'integer' }, { type: 'string' }], nullable: true });
    expect(thing.gone).toEqual({ description: 'Always null.', nullable: true });
  });

  it('says numeric exclusive bounds with the 3.0 boolean, and keeps dependentRequired and info.summary as extensions', () => {
    expect(thing.price).toEqual({ type: 'number', minimum: 0, exclusiveMinimum: true });
    expect(doc.components.schemas.Thing['x-dependentRequired']).toEqual({ a: ['b'] });
    expect(doc.info).toEqual({ title: 'T', version: '1', 'x-summary': 'short', license: { name: 'MIT' } });
  });

  it('says anyOf as oneOf only where the branches take disjoint types and none is free-form', () => {
    expect(doc.components.schemas.Id).toEqual({ oneOf: [{ type: 'integer' }, { type: 'string', pattern: '^[0-9]+$' }] });
    expect(thing.amount.anyOf).toHaveLength(2); // an integer is a number too
    expect(thing.details.anyOf).toHaveLength(2);
  });

  it('carries webhooks as x-webhooks, converted like paths', () => {
    expect(doc.webhooks).toBeUndefined();
    const schema = doc['x-webhooks'].thingChanged.post.requestBody.content['application/json'].schema;
    expect(schema.properties).toEqual({ kind: { type: 'string', enum: ['thing'] }, note: { type: 'string', nullable: true } });
  });

  it('counts each rewrite under its name', () => {
    expect(Object.fromEntries(changes)).toMatchObject({
      'webhooks → x-webhooks': 1,
      'const → enum of one': 2, // Thing.kind and the webhook's kind
      'anyOf of disjoint types → oneOf (the same values)': 2,
      'null branch of anyOf/oneOf → nullable: true': 2,
      'schema examples[] → example (the first)': 1,
    });
  });

  it('leaves its input alone', () => {
    const input = doc31();
    toOpenApi30(input);
    expect(input).toEqual(doc31());
  });
});

describe('dereferenced', () => {
  it('replaces every $ref by its target', async () => {
    const doc = await dereferenced(doc31());
    expect(doc.paths['/things/{id}'].get.parameters[0].schema).toEqual(doc31().components.schemas.Id);
    expect(JSON.stringify(doc)).not.toContain('$ref');
  });

  it('fails on a circular $ref, which has no $ref-free form', async () => {
    const doc = doc31();
    doc.components.schemas.Thing.properties.parent = { $ref: '#/components/schemas/Thing' };
    await expect(dereferenced(doc)).rejects.toThrow(/circular/i);
  });
});

describe('assertValidOpenApi', () => {
  it('names the version and what is wrong', async () => {
    const doc = doc31();
    delete doc.info.title;
    await expect(assertValidOpenApi(doc, 'broken.json')).rejects.toThrow(/broken\.json is not a valid OpenAPI 3\.1\.0 document:\n {2}\/info .*title/);
  });
});
