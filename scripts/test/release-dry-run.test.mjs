import { describe, expect, it } from 'vitest';
import { checkPackedManifest, exportTargets, readmeTestFiles, sourceMapProblems } from '../release-dry-run.mjs';
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
    license: 'MIT',
    repository: { type: 'git', url: 'git+https://example.com/clicksend-kit.git', directory: 'packages/client' },
    homepage: 'https://example.com/clicksend-kit#readme',
    bugs: { url: 'https://example.com/clicksend-kit/issues' },
    engines: { node: '^20.19.0 || ^22.12.0 || >=24.0.0' },
  };

  it('lists every file an exports map points at', () => {
    expect(exportTargets(good.exports)).toEqual(['./dist/index.d.ts', './dist/index.js', './package.json']);
    expect(exportTargets('./dist/a.js')).toEqual(['./dist/a.js']);
  });

  it('accepts a tarball with dist/, bin/, README, CHANGELOG, LICENSE and package.json only', () => {
    expect(checkPackedManifest(good, files('package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'bin/cli.js', 'dist/index.js', 'dist/index.d.ts'))).toEqual([]);
  });

  it('names each problem: stray files, missing export and types targets, unreplaced workspace ranges, CJS type, no README or LICENSE, missing metadata', () => {
    const { repository, engines, ...noMetadata } = good;
    const bad = { ...noMetadata, type: 'commonjs', types: './dist/missing.d.ts', dependencies: { '@clicksend-kit/types': 'workspace:*', x: 'catalog:' } };
    expect(checkPackedManifest(bad, files('package.json', 'src/index.ts', 'dist/index.js'))).toEqual([
      'ships src/index.ts, which is not in dist/ (check "files")',
      'exports points at ./dist/index.d.ts, which is not in the tarball',
      '"types": ./dist/missing.d.ts is not in the tarball',
      '"type" is not "module" (the packages are ESM-only)',
      'dependencies.@clicksend-kit/types is still "workspace:*"',
      'dependencies.x is still "catalog:"',
      'no README.md',
      'no LICENSE',
      'no "repository" in package.json',
      'no "engines" in package.json',
    ]);
  });
});

describe('release dry run: source maps in a tarball', () => {
  const tarball = (contents) => ({ files: new Map(Object.keys(contents).map((n) => [n, 1])), read: (f) => contents[f] });

  it('accepts no maps, and maps whose sources are shipped or embedded', () => {
    const none = tarball({ 'dist/index.js': 'export {};\n', 'dist/index.d.ts': 'export {};\n' });
    expect(sourceMapProblems(none.files, none.read)).toEqual([]);
    const shipped = tarball({
      'dist/index.js': 'export {};\n//# sourceMappingURL=index.js.map\n',
      'dist/index.js.map': JSON.stringify({ version: 3, sources: ['../src/index.ts'] }),
      'src/index.ts': 'export {};\n',
      'dist/a.d.ts': 'export {};\n//# sourceMappingURL=a.d.ts.map',
      'dist/a.d.ts.map': JSON.stringify({ version: 3, sources: ['../src/a.ts'], sourcesContent: ['export {};'] }),
    });
    expect(sourceMapProblems(shipped.files, shipped.read)).toEqual([]);
  });

  it('names a sourceMappingURL to a missing map and a map of sources not shipped', () => {
    const bad = tarball({
      'dist/index.js': 'export {};\n//# sourceMappingURL=index.js.map\n',
      'dist/index.d.ts': 'export {};\n//# sourceMappingURL=index.d.ts.map',
      'dist/index.d.ts.map': JSON.stringify({ version: 3, sources: ['../src/index.ts'] }),
    });
    expect(sourceMapProblems(bad.files, bad.read)).toEqual([
      'dist/index.js points at the source map index.js.map, which is not in the tarball',
      'dist/index.d.ts.map maps ../src/index.ts, which the tarball does not ship',
    ]);
  });
});

describe("release dry run: the testing package README's offline test", () => {
  it('takes the ts blocks whose first line names a file, and nothing else', () => {
    const md = ['# x', '```sh', 'npm install x', '```', '```ts', '// vitest.config.ts', 'export default {};', '```', 'text', '```ts', '// test/a.test.ts', 'it("a", () => {});', '```', '```ts', 'const notAFile = 1;', '```', ''].join('\n');
    expect(readmeTestFiles(md)).toEqual({ 'vitest.config.ts': 'export default {};\n', 'test/a.test.ts': 'it("a", () => {});\n' });
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
