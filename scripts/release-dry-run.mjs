#!/usr/bin/env node
// Release dry run: what a release would publish, published to a real registry and checked the
// way a consumer would meet it.
//
//   node scripts/release-dry-run.mjs [--keep] [--verbose]
//
// 1. Copies the workspace manifests, the built dist/ folders and .changeset/ into a temp
//    workspace and runs `changeset version` there (the repo itself is never touched): versions
//    and CHANGELOG.md as the next release would make them.
// 2. `pnpm pack` of each published package (@clicksend-kit/openapi, types, client, gateway, mcp and
//    the testing package @clicksend-kit/mock).
// 3. Every tarball: publint (strict), @arethetypeswrong/cli (esm-only profile: the packages are
//    ESM-only), `files` (only dist/, bin/, README.md, CHANGELOG.md, LICENSE, package.json), the
//    metadata a registry page shows (license, repository, homepage, bugs, engines), no source
//    map pointing at a file the tarball does not ship, every `exports` and `types` target
//    inside the tarball, `workspace:`/`catalog:` ranges replaced, and the spec version + sha256
//    stated by openapi (dist/spec-info.json) and types (specInfo) equal to the bundle's.
// 4. Verdaccio on 127.0.0.1 with fresh storage; `npm publish` of every tarball to it.
// 5. Two fresh projects outside the workspace, one installing with npm and one with pnpm,
//    take @clicksend-kit/* from that registry (everything else from the usual one): a consumer
//    file type-checked under `strict` without `skipLibCheck` (ESM, and a CommonJS one that
//    loads the ESM packages with require() as Node >= 20.19 allows), both run against the
//    Prism mock the installed @clicksend-kit/mock starts; the npm project also type-checks and
//    runs the offline vitest example of packages/mock/README.md as written there. The registry is then stopped
//    by PID.
// Prints a summary with versions and tarball sizes; exits 1 when a check fails.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError, isMain, repoRoot, runCli } from './lib/cli.mjs';
import { startLocalRegistry } from './lib/local-registry.mjs';

export const PACKAGE_DIRS = {
  '@clicksend-kit/openapi': 'spec',
  '@clicksend-kit/types': 'packages/types',
  '@clicksend-kit/client': 'packages/client',
  '@clicksend-kit/gateway': 'packages/gateway',
  '@clicksend-kit/mock': 'packages/mock',
  '@clicksend-kit/mcp': 'packages/mcp',
};
// Files a published tarball may hold besides what `exports` points at.
const ALLOWED_FILE = /^(package\.json|README\.md|CHANGELOG\.md|LICENSE|dist\/.+|bin\/[^/]+)$/;
// What a registry page and `npm install` show users; `engines` states the Node versions we support.
const REQUIRED_FIELDS = ['license', 'repository', 'homepage', 'bugs', 'engines'];
const CONSUMER_DEPS = ['typescript@5.9.3', '@types/node@20.19.43'];
const README_TEST_DEPS = ['vitest@4.1.12'];

const KB = (n) => `${(n / 1024).toFixed(1)} KiB`;

function sh(cmd, args, { cwd, env = {}, label, allowFail = false } = {}) {
  const r = spawnSync(cmd, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 128 * 1024 * 1024 });
  if (r.error) throw new InputError(`${label ?? cmd}: cannot run ${cmd}: ${r.error.code === 'ENOENT' ? 'not on PATH' : r.error.message}`);
  if (r.status !== 0 && !allowFail) {
    const out = `${r.stdout}${r.stderr}`.trim().split('\n').slice(-40).join('\n');
    throw new InputError(`${label ?? `${cmd} ${args.join(' ')}`} exited with ${r.status ?? r.signal}:\n${out}`);
  }
  return r;
}

/** Lists a .tgz with tar; returns { files: Map<relPath, size>, read(rel) }. */
function tarball(file) {
  const list = sh('tar', ['-tvzf', file]).stdout.trim().split('\n');
  const files = new Map();
  for (const line of list) {
    const m = /^\S+\s+\S+\s+(\d+)\s+\S+\s+\S+\s+package\/(.+)$/.exec(line);
    if (m && !m[2].endsWith('/')) files.set(m[2], Number(m[1]));
  }
  return { files, read: (rel) => sh('tar', ['-xOzf', file, `package/${rel}`]).stdout };
}

/** Every file path an `exports` map (or a string) points at. */
export function exportTargets(exp) {
  if (typeof exp === 'string') return [exp];
  if (!exp || typeof exp !== 'object') return [];
  return Object.values(exp).flatMap(exportTargets);
}

/** Checks of one packed package.json + file list; returns problem strings. */
export function checkPackedManifest(pkg, files) {
  const problems = [];
  for (const f of files.keys()) if (!ALLOWED_FILE.test(f)) problems.push(`ships ${f}, which is not in dist/ (check "files")`);
  for (const t of exportTargets(pkg.exports)) {
    if (t.includes('*')) continue;
    if (!files.has(t.replace(/^\.\//, ''))) problems.push(`exports points at ${t}, which is not in the tarball`);
  }
  for (const field of ['types', 'main', 'module']) {
    if (pkg[field] && !files.has(pkg[field].replace(/^\.\//, ''))) problems.push(`"${field}": ${pkg[field]} is not in the tarball`);
  }
  if (pkg.type !== 'module') problems.push('"type" is not "module" (the packages are ESM-only)');
  for (const kind of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(pkg[kind] ?? {})) {
      if (/^(workspace|catalog):/.test(range)) problems.push(`${kind}.${name} is still "${range}"`);
    }
  }
  if (!files.has('README.md')) problems.push('no README.md');
  if (!files.has('LICENSE')) problems.push('no LICENSE');
  for (const field of REQUIRED_FIELDS) if (!pkg[field]) problems.push(`no "${field}" in package.json`);
  return problems;
}

/**
 * Source maps that lead nowhere: a `sourceMappingURL` naming a file the tarball does not ship,
 * or a map whose `sources` are not shipped (a map of src/ without src/).
 */
export function sourceMapProblems(files, read) {
  const problems = [];
  for (const file of files.keys()) {
    const dir = path.posix.dirname(file);
    if (/\.(c|m)?js$|\.d\.(c|m)?ts$/.test(file)) {
      const m = /^\/[/*][#@] sourceMappingURL=(\S+?)(?: \*\/)?\s*$/m.exec(read(file));
      if (m && !m[1].startsWith('data:') && !files.has(path.posix.join(dir, m[1]))) problems.push(`${file} points at the source map ${m[1]}, which is not in the tarball`);
    } else if (file.endsWith('.map')) {
      const map = JSON.parse(read(file));
      const missing = (map.sources ?? []).filter((s, i) => !map.sourcesContent?.[i] && !files.has(path.posix.join(dir, map.sourceRoot ?? '', s)));
      if (missing.length) problems.push(`${file} maps ${missing.join(', ')}, which the tarball does not ship`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

/** A throwaway copy of the workspace with everything `changeset version` and `pnpm pack` read. */
function stageWorkspace(dir) {
  for (const f of ['package.json', 'pnpm-workspace.yaml', '.npmrc']) cpSync(path.join(repoRoot, f), path.join(dir, f));
  cpSync(path.join(repoRoot, '.changeset'), path.join(dir, '.changeset'), { recursive: true });
  // changesets resolves its changelog formatter from the root node_modules.
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const workspaceDirs = ['spec', ...readdirSync(path.join(repoRoot, 'packages')).map((p) => `packages/${p}`), 'scripts'];
  const byName = new Map();
  for (const rel of workspaceDirs) {
    const src = path.join(repoRoot, rel);
    if (!existsSync(path.join(src, 'package.json'))) continue;
    mkdirSync(path.join(dir, rel), { recursive: true });
    cpSync(path.join(src, 'package.json'), path.join(dir, rel, 'package.json'));
    byName.set(JSON.parse(readFileSync(path.join(src, 'package.json'), 'utf8')).name, rel);
  }
  for (const [name, rel] of Object.entries(PACKAGE_DIRS)) {
    const src = path.join(repoRoot, rel);
    const pkg = JSON.parse(readFileSync(path.join(src, 'package.json'), 'utf8'));
    for (const f of ['README.md', 'CHANGELOG.md', 'LICENSE', 'bin']) {
      if (existsSync(path.join(src, f))) cpSync(path.join(src, f), path.join(dir, rel, f), { recursive: true });
    }
    if (!existsSync(path.join(src, 'dist'))) throw new InputError(`${rel}/dist is missing: run \`pnpm build\` first (${name} is not built)`);
    cpSync(path.join(src, 'dist'), path.join(dir, rel, 'dist'), { recursive: true, filter: (f) => !path.basename(f).startsWith('.') });
    // pnpm pack turns `workspace:*` into the dependency's version, read through node_modules.
    for (const [dep, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies, ...pkg.optionalDependencies })) {
      if (!String(range).startsWith('workspace:')) continue;
      if (!byName.has(dep)) throw new InputError(`${name} depends on ${dep} (${range}), which is not in the workspace`);
      const link = path.join(dir, rel, 'node_modules', dep);
      mkdirSync(path.dirname(link), { recursive: true });
      symlinkSync(path.join(dir, byName.get(dep)), link, 'dir');
    }
  }
}

async function runPublint(file) {
  const { publint } = await import('publint');
  const { formatMessage } = await import('publint/utils');
  const { messages, pkg } = await publint({ pack: { tarball: readFileSync(file).buffer }, level: 'suggestion', strict: true });
  return messages.map((m) => `${m.type}: ${formatMessage(m, pkg) ?? m.code}`);
}

function runAttw(file) {
  const bin = path.join(repoRoot, 'scripts/node_modules/.bin/attw');
  const r = sh(bin, [file, '--profile', 'esm-only', '--no-definitely-typed', '--format', 'json', '--no-color'], { allowFail: true, label: 'attw' });
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    return { problems: [`attw printed no JSON (exit ${r.status}): ${`${r.stdout}${r.stderr}`.slice(0, 400)}`] };
  }
  const problems = (report.analysis?.problems ?? []).filter((p) => !['node10', 'node16-cjs'].includes(p.resolutionKind));
  return {
    problems: r.status === 0 ? [] : problems.map((p) => `${p.kind} (${p.entrypoint ?? ''} ${p.resolutionKind ?? ''})`.trim()).concat(problems.length ? [] : [`attw exited with ${r.status}`]),
    entrypoints: Object.keys(report.analysis?.entrypoints ?? {}),
    typed: report.analysis?.types !== false,
  };
}

const CONSUMER_TS = `// A consumer of the packed packages, as another repo would write it.
import { createClickSendClient } from "@clicksend-kit/client";
import { createMatonClient } from "@clicksend-kit/gateway";
import { specInfo, type ResponseData, type Schema } from "@clicksend-kit/types";
import spec from "@clicksend-kit/openapi/openapi.json" with { type: "json" };
import stamp from "@clicksend-kit/openapi/spec-info.json" with { type: "json" };

const baseUrl = process.env.CLICKSEND_BASE_URL;
if (!baseUrl) throw new Error("CLICKSEND_BASE_URL is not set");
const clicksend = createClickSendClient({ username: "demo-user", apiKey: "demo-key", baseUrl });

const account = await clicksend.GET("/v3/account");
if (account.error || !account.data) throw new Error(\`GET /v3/account failed: \${account.response.status}\`);
const username: string = account.data.data.username;

const message: Schema<"SmsMessage"> = { to: "+61411111111", body: "Hello from a packed consumer" };
const sent = await clicksend.POST("/v3/sms/send", { body: { messages: [message] } });
if (sent.error || !sent.data) throw new Error(\`POST /v3/sms/send failed: \${sent.response.status}\`);
const result: ResponseData<"/v3/sms/send", "post"> = sent.data.data;

// The types are live: these must not compile.
// @ts-expect-error unknown path
void clicksend.GET("/v3/no-such-path");
// @ts-expect-error body is required in an SmsMessage
const broken: Schema<"SmsMessage"> = { to: "+61411111111" };
void broken;
void createMatonClient;

if (specInfo.sha256 !== stamp.sha256) throw new Error("@clicksend-kit/types and @clicksend-kit/openapi were built from different specs");
console.log(\`esm: GET /v3/account -> \${account.response.status} \${username}; POST /v3/sms/send -> \${sent.response.status}, \${result.messages.length} message(s); spec \${spec.info.version} sha256 \${specInfo.sha256.slice(0, 12)}\`);
`;

const CONSUMER_CTS = `// CommonJS consumer: the packages are ESM-only; Node >= 20.19 and TypeScript 5.8+ (module
// nodenext) load them with require().
import clientPkg = require("@clicksend-kit/client");
import typesPkg = require("@clicksend-kit/types");

async function main(): Promise<void> {
  const baseUrl = process.env.CLICKSEND_BASE_URL;
  if (!baseUrl) throw new Error("CLICKSEND_BASE_URL is not set");
  const clicksend = clientPkg.createClickSendClient({ username: "demo-user", apiKey: "demo-key", baseUrl });
  const account = await clicksend.GET("/v3/account");
  if (account.error || !account.data) throw new Error(\`GET /v3/account failed: \${account.response.status}\`);
  const sent = await clicksend.POST("/v3/sms/send", { body: { messages: [{ to: "+61411111111", body: "Hello from CommonJS" }] } });
  if (sent.error || !sent.data) throw new Error(\`POST /v3/sms/send failed: \${sent.response.status}\`);
  console.log(\`cjs: GET /v3/account -> \${account.response.status}; POST /v3/sms/send -> \${sent.response.status}; spec sha256 \${typesPkg.specInfo.sha256.slice(0, 12)}\`);
}
main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
`;

const CONSUMER_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    strict: true,
    skipLibCheck: false,
    noUncheckedIndexedAccess: true,
    resolveJsonModule: true,
    outDir: 'out',
    types: ['node'],
  },
  include: ['consumer.ts', 'consumer.cts'],
};

/**
 * The files of the offline test in packages/mock/README.md: each ```ts block whose first line
 * is a comment naming its file (`// vitest.config.ts`), as { file: text }.
 */
export function readmeTestFiles(markdown) {
  const files = {};
  for (const m of markdown.matchAll(/^```ts\n\/\/ ([\w./-]+\.ts)\n([\s\S]*?)^```$/gm)) files[m[1]] = m[2];
  return files;
}

/** npm or pnpm, installing @clicksend-kit/* from the local registry into a fresh project. */
const INSTALLERS = {
  npm: (specs) => ['npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', ...specs]],
  pnpm: (specs) => ['pnpm', ['add', '--reporter=silent', ...specs]],
};

async function consumerProject(dir, installer, specs, registry, log, { readmeTest = false } = {}) {
  const label = `consumer (${installer})`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: `release-dry-run-consumer-${installer}`, private: true, type: 'module' }, null, 2)}\n`);
  // Its own config, as a company repo would write it: @clicksend-kit/* from the local registry,
  // everything else from the usual one; nothing from the workspace's .npmrc leaks in.
  const npmrc = path.join(dir, '.npmrc');
  writeFileSync(npmrc, `${registry.npmrcLines('@clicksend-kit')[0]}\nfund=false\naudit=false\nupdate-notifier=false\n`);
  const env = { npm_config_userconfig: npmrc };
  const started = Date.now();
  const deps = [...specs, ...CONSUMER_DEPS, ...(readmeTest ? README_TEST_DEPS : [])];
  const [cmd, args] = INSTALLERS[installer](deps);
  sh(cmd, args, { cwd: dir, label: `${installer} install (consumer)`, env });
  const requireHere = createRequire(path.join(dir, 'package.json'));
  const installed = specs.map((spec) => {
    const name = spec.slice(0, spec.lastIndexOf('@'));
    return `${name}@${JSON.parse(readFileSync(requireHere.resolve(`${name}/package.json`), 'utf8')).version}`;
  });
  const prismCore = createRequire(requireHere.resolve('@stoplight/prism-cli/package.json', { paths: [path.dirname(requireHere.resolve('@clicksend-kit/mock/package.json'))] }));
  log(`${label}: ${installer} install from ${registry.url}: ${installed.join(', ')} (Prism internals: prism-core ${prismCore('@stoplight/prism-core/package.json').version}, prism-http ${prismCore('@stoplight/prism-http/package.json').version}) in ${((Date.now() - started) / 1000).toFixed(1)}s`);

  writeFileSync(path.join(dir, 'consumer.ts'), CONSUMER_TS);
  writeFileSync(path.join(dir, 'consumer.cts'), CONSUMER_CTS);
  writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify(CONSUMER_TSCONFIG, null, 2)}\n`);
  sh(path.join(dir, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: dir, label: `tsc (strict, skipLibCheck false) in the ${label}` });
  log(`${label}: tsc --strict without skipLibCheck: 0 errors (consumer.ts ESM, consumer.cts CommonJS)`);

  // Prism as the installed testing package starts it: the installed @clicksend-kit/openapi bundle.
  const { startPrism } = await import(pathToFileURL(requireHere.resolve('@clicksend-kit/mock')).href);
  const server = await startPrism();
  try {
    log(`${label}: Prism from the installed @clicksend-kit/mock on ${server.url} (PID ${server.pid})`);
    for (const file of ['out/consumer.js', 'out/consumer.cjs']) {
      const r = sh(process.execPath, [file], { cwd: dir, env: { CLICKSEND_BASE_URL: server.url }, label: `node ${file} (${label})` });
      log(`${label}: ${r.stdout.trim()}`);
    }
  } finally {
    await server.stop();
  }

  if (readmeTest) {
    const files = readmeTestFiles(readFileSync(path.join(repoRoot, 'packages/mock/README.md'), 'utf8'));
    if (!files['vitest.config.ts'] || Object.keys(files).length < 2) throw new InputError('packages/mock/README.md has no vitest.config.ts and test file blocks (```ts starting with `// <file>`)');
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    // Type-checked as strictly as the consumer files, without emitting (vitest runs the sources).
    const tsconfig = { ...CONSUMER_TSCONFIG, compilerOptions: { ...CONSUMER_TSCONFIG.compilerOptions, noEmit: true }, include: Object.keys(files) };
    writeFileSync(path.join(dir, 'tsconfig.readme-test.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
    sh(path.join(dir, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.readme-test.json'], { cwd: dir, label: `tsc of packages/mock/README.md's test (${label})` });
    const r = sh(path.join(dir, 'node_modules/.bin/vitest'), ['run', '--reporter=dot'], { cwd: dir, env: { CI: 'true', NO_COLOR: '1' }, label: `vitest run of packages/mock/README.md's test (${label})` });
    const summary = r.stdout.split('\n').filter((l) => /Test Files|Tests /.test(l)).map((l) => l.trim().replace(/\s+/g, ' '));
    log(`${label}: packages/mock/README.md's offline test (${Object.keys(files).join(', ')}): tsc --strict 0 errors; ${summary.join('; ')}`);
  }
}

/** Verdaccio with fresh storage; every tarball published to it with npm; stopped by PID. */
async function publishToLocalRegistry(work, rows, log, use) {
  const registry = await startLocalRegistry(path.join(work, 'registry'));
  try {
    const version = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('verdaccio/package.json'), 'utf8')).version;
    log(`registry: Verdaccio ${version} on ${registry.url} (PID ${registry.pid}), fresh storage in the temp dir`);
    const npmrc = path.join(work, 'publisher.npmrc');
    writeFileSync(npmrc, `${registry.npmrcLines('@clicksend-kit').join('\n')}\n`);
    for (const r of rows) {
      sh('npm', ['publish', r.file, '--registry', `${registry.url}/`, '--loglevel=error'], { cwd: work, label: `npm publish ${path.basename(r.file)}`, env: { npm_config_userconfig: npmrc } });
    }
    log(`registry: npm publish ${rows.map((r) => `${r.name}@${r.version}`).join(', ')}`);
    await use(registry);
  } finally {
    await registry.stop();
    log(`registry: stopped (PID ${registry.pid})`);
  }
}

// ---------------------------------------------------------------------------------------------

export async function dryRun({ keep = false, verbose = false } = {}) {
  const log = (msg) => process.stdout.write(`release-dry-run: ${msg}\n`);
  const work = mkdtempSync(path.join(tmpdir(), 'release-dry-run-'));
  const failures = [];
  try {
    const ws = path.join(work, 'workspace');
    mkdirSync(ws);
    stageWorkspace(ws);
    const changesetBin = path.join(repoRoot, 'node_modules/@changesets/cli/bin.js');
    const version = sh(process.execPath, [changesetBin, 'version'], { cwd: ws, label: 'changeset version' });
    if (verbose) process.stdout.write(version.stdout + version.stderr);

    const packs = path.join(work, 'tarballs');
    mkdirSync(packs);
    const rows = [];
    for (const [name, rel] of Object.entries(PACKAGE_DIRS)) {
      const dir = path.join(ws, rel);
      const before = JSON.parse(readFileSync(path.join(repoRoot, rel, 'package.json'), 'utf8')).version;
      const pkgVersion = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
      sh('pnpm', ['pack', '--pack-destination', packs], { cwd: dir, label: `pnpm pack ${name}` });
      const file = path.join(packs, `${name.replace('@', '').replace('/', '-')}-${pkgVersion}.tgz`);
      if (!existsSync(file)) throw new InputError(`pnpm pack of ${name} wrote no ${path.basename(file)}`);
      const tar = tarball(file);
      const pkg = JSON.parse(tar.read('package.json'));
      const problems = checkPackedManifest(pkg, tar.files);
      problems.push(...sourceMapProblems(tar.files, tar.read));
      for (const p of await runPublint(file)) problems.push(`publint ${p}`);
      const attw = runAttw(file);
      for (const p of attw.problems) problems.push(`attw ${p}`);
      const changelog = existsSync(path.join(dir, 'CHANGELOG.md')) ? readFileSync(path.join(dir, 'CHANGELOG.md'), 'utf8') : '';
      if (before !== pkgVersion && !changelog.includes(`## ${pkgVersion}`)) problems.push(`CHANGELOG.md has no "## ${pkgVersion}" entry`);
      rows.push({ name, before, version: pkgVersion, file, tar, pkg, problems, unpacked: [...tar.files.values()].reduce((a, b) => a + b, 0), packed: statSync(file).size, attw });
    }

    // The spec version and content hash the openapi and types packages state.
    const bundle = readFileSync(path.join(repoRoot, 'spec/dist/openapi.json'));
    const bundleInfo = JSON.parse(readFileSync(path.join(repoRoot, 'spec/dist/spec-info.json'), 'utf8'));
    const openapi = rows.find((r) => r.name === '@clicksend-kit/openapi');
    const stated = JSON.parse(openapi.tar.read('dist/spec-info.json'));
    const packedHash = createHash('sha256').update(openapi.tar.read('dist/openapi.json')).digest('hex');
    if (stated.sha256 !== packedHash) openapi.problems.push(`dist/spec-info.json states sha256 ${stated.sha256}, the packed openapi.json hashes to ${packedHash}`);
    if (packedHash !== createHash('sha256').update(bundle).digest('hex')) openapi.problems.push('the packed openapi.json differs from spec/dist/openapi.json');
    if (stated.version !== bundleInfo.version) openapi.problems.push(`states spec version ${stated.version}, the bundle is ${bundleInfo.version}`);
    const types = rows.find((r) => r.name === '@clicksend-kit/types');
    const typesStamp = types.tar.files.has('dist/generated/spec-info.js') ? types.tar.read('dist/generated/spec-info.js') : '';
    if (!typesStamp.includes(`"sha256": "${bundleInfo.sha256}"`) || !typesStamp.includes(`"version": "${bundleInfo.version}"`)) {
      types.problems.push(`dist/generated/spec-info.js does not state spec ${bundleInfo.version} sha256 ${bundleInfo.sha256}`);
    }

    log(`changeset version: ${rows.map((r) => `${r.name} ${r.before} -> ${r.version}`).join(', ')}`);
    log(`spec ${bundleInfo.version}, ${bundleInfo.operations} operations, sha256 ${bundleInfo.sha256.slice(0, 16)}… stated by @clicksend-kit/openapi (dist/spec-info.json) and @clicksend-kit/types (specInfo)`);
    for (const r of rows) {
      log(`${path.basename(r.file)}: ${KB(r.packed)} packed, ${KB(r.unpacked)} unpacked, ${r.tar.files.size} files; exports ${Object.keys(r.pkg.exports ?? {}).join(' ')}; deps ${Object.entries(r.pkg.dependencies ?? {}).map(([n, v]) => `${n}@${v}`).join(', ') || 'none'}`);
      log(`  publint: ${r.problems.some((p) => p.startsWith('publint')) ? 'problems' : 'ok'}; attw (esm-only): ${r.attw.problems.length ? 'problems' : 'ok'}${r.attw.typed === false ? ' (no types: JSON/YAML only)' : ''}`);
      for (const p of r.problems) {
        failures.push(`${r.name}: ${p}`);
        log(`  FAIL ${p}`);
      }
    }
    // The consumers run even when a tarball check failed: their result is worth seeing too.
    const specs = rows.map((r) => `${r.name}@${r.version}`);
    await publishToLocalRegistry(work, rows, log, async (registry) => {
      await consumerProject(path.join(work, 'consumer-npm'), 'npm', specs, registry, log, { readmeTest: true });
      await consumerProject(path.join(work, 'consumer-pnpm'), 'pnpm', specs, registry, log);
    });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    failures.push(e.message);
    process.stderr.write(`release-dry-run: ${e.message}\n`);
  } finally {
    if (keep) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  return failures;
}

const USAGE = 'usage: node scripts/release-dry-run.mjs [--keep] [--verbose]';

export async function main(argv = process.argv.slice(2)) {
  return runCli({ name: 'release-dry-run', usage: USAGE, flags: { keep: 'boolean', verbose: 'boolean' }, argv }, async (flags) => {
    const failures = await dryRun(flags);
    process.stdout.write(failures.length === 0 ? 'release-dry-run: OK\n' : `release-dry-run: FAILED (${failures.length} problem(s))\n`);
    return failures.length === 0 ? 0 : 1;
  });
}

if (isMain(import.meta.url)) process.exitCode = await main();
