import { describe, expect, it } from 'vitest';
import { checkPackedManifest, exportTargets } from '../release-dry-run.mjs';
import { generatorProblems } from '../../polyglot/run.mjs';

// The pure checks behind `pnpm release:dry-run` and `pnpm polyglot`; the runs themselves are CI
// steps of their own (.ci/run), since they pack, install from the registry and start servers.
describe('release dry run: packed manifest checks', () => {
  const files = (...names) => new Map(names.map((n) => [n, 1]));
  const good = {
    name: '@clicksend-kit/client',
    type: 'module',
    types: './dist/index.d.ts',
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' },
    dependencies: { '@clicksend-kit/types': '0.2.0', 'openapi-fetch': '0.17.0' },
  };

  it('lists every file an exports map points at', () => {
    expect(exportTargets(good.exports)).toEqual(['./dist/index.d.ts', './dist/index.js', './package.json']);
    expect(exportTargets('./dist/a.js')).toEqual(['./dist/a.js']);
  });

  it('accepts a tarball with dist/, README, CHANGELOG and package.json only', () => {
    expect(checkPackedManifest(good, files('package.json', 'README.md', 'CHANGELOG.md', 'dist/index.js', 'dist/index.d.ts'))).toEqual([]);
  });

  it('names each problem: stray files, missing export and types targets, unreplaced workspace ranges, CJS type, no README', () => {
    const bad = { ...good, type: 'commonjs', types: './dist/missing.d.ts', dependencies: { '@clicksend-kit/types': 'workspace:*', x: 'catalog:' } };
    expect(checkPackedManifest(bad, files('package.json', 'src/index.ts', 'dist/index.js'))).toEqual([
      'ships src/index.ts, which is not in dist/ (check "files")',
      'exports points at ./dist/index.d.ts, which is not in the tarball',
      '"types": ./dist/missing.d.ts is not in the tarball',
      '"type" is not "module" (the packages are ESM-only)',
      'dependencies.@clicksend-kit/types is still "workspace:*"',
      'dependencies.x is still "catalog:"',
      'no README.md',
    ]);
  });
});

describe('polyglot: spec shapes the generators cannot take', () => {
  it('names type lists with several non-null types, arrays without items and inline parameter unions, by JSON pointer', () => {
    const spec = {
      components: {
        schemas: {
          Ok: { type: ['string', 'null'], properties: { list: { type: 'array', items: {} }, either: { anyOf: [{ type: 'integer' }, { type: 'string' }] } } },
          Multi: { type: 'object', properties: { 'a/b': { type: ['integer', 'string'] } } },
          NoItems: { type: ['array', 'null'] },
        },
        parameters: {
          Named: { name: 'id', in: 'path', schema: { $ref: '#/components/schemas/Ok' } },
          Inline: { name: 'date_from', in: 'query', schema: { anyOf: [{ type: 'integer' }, { type: 'string' }] } },
        },
      },
    };
    expect(generatorProblems(spec)).toEqual([
      '#/components/schemas/Multi/properties/a~1b: type ["integer","string"] has several non-null types; write anyOf with one branch per type (a {type: "null"} branch when nullable)',
      '#/components/schemas/NoItems: an array schema without items; add items ({} when any item is allowed)',
      '#/components/parameters/Inline: parameter "date_from" has an inline anyOf/oneOf schema; move it to components/schemas and $ref it',
    ]);
  });
});
