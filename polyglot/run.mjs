#!/usr/bin/env node
// Reuse check: the bundled spec used from Python and Go. Generates a client in each language
// from spec/dist/openapi.json with a well-kept generator, builds it, and calls GET /v3/account
// and POST /v3/sms/send against a Prism mock of the same spec on 127.0.0.1.
//
//   node polyglot/run.mjs [--spec <openapi.json>] [--only python|go]
//
// Python: openapi-python-client (polyglot/python/requirements.txt, into polyglot/python/.venv).
// Go: oapi-codegen, pinned as a tool in polyglot/go/go.mod (`go tool oapi-codegen`).
// A generator warning fails the check: fix the spec, never the generated code. Generated code
// goes to polyglot/python/build/ and polyglot/go/clicksend/*.gen.go (gitignored).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const rel = (p) => path.relative(root, p) || '.';

class CheckError extends Error {}

function parseArgs(argv) {
  const out = { spec: path.join(root, 'spec/dist/openapi.json'), only: undefined };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (name === '--spec') out.spec = path.resolve(value());
    else if (name === '--only') out.only = value();
    else throw new CheckError(`unknown argument ${argv[i]}\nusage: node polyglot/run.mjs [--spec <openapi.json>] [--only python|go]`);
  }
  if (out.only && !['python', 'go'].includes(out.only)) throw new CheckError(`--only takes python or go, not ${out.only}`);
  return out;
}

/** Runs a command, streaming nothing; returns stdout, or throws with its output on failure. */
function run(cmd, args, { cwd = root, env = {}, label } = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.error) {
    throw new CheckError(`${label ?? cmd}: cannot run ${cmd} (${r.error.code === 'ENOENT' ? 'not on PATH' : r.error.message})`);
  }
  if (r.status !== 0) {
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-60).join('\n');
    throw new CheckError(`${label ?? cmd} failed (${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}):\n${output}`);
  }
  process.stdout.write(`  ${label ?? cmd} (${secs}s)\n`);
  return r.stdout;
}

/**
 * Spec shapes the generators cannot take, found before running them so the failure names the
 * schema and the fix (in the spec, never in generated code):
 * - oapi-codegen 2.8: a `type` list with more than one non-null type ("unhandled Schema type");
 * - openapi-python-client 0.29: an array schema without `items` ("Invalid property in union");
 * - oapi-codegen 2.8: a parameter whose own schema is an anyOf/oneOf (it names the branch types
 *   `N0`, `N1`… and never declares them); a `$ref` to a named schema works.
 */
export function generatorProblems(spec) {
  const problems = [];
  const walk = (node, at) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((v, i) => walk(v, `${at}/${i}`));
    const types = Array.isArray(node.type) ? node.type : typeof node.type === 'string' ? [node.type] : [];
    if (Array.isArray(node.type) && node.type.filter((t) => t !== 'null').length > 1) {
      problems.push(`${at}: type ${JSON.stringify(node.type)} has several non-null types; write anyOf with one branch per type (a {type: "null"} branch when nullable)`);
    }
    if (types.includes('array') && !('items' in node) && !('prefixItems' in node)) {
      problems.push(`${at}: an array schema without items; add items ({} when any item is allowed)`);
    }
    if (typeof node.in === 'string' && typeof node.name === 'string' && (node.schema?.anyOf || node.schema?.oneOf)) {
      problems.push(`${at}: parameter "${node.name}" has an inline anyOf/oneOf schema; move it to components/schemas and $ref it`);
    }
    for (const [k, v] of Object.entries(node)) walk(v, `${at}/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`);
  };
  walk(spec, '#');
  return problems;
}

function pythonCheck(spec, baseUrl) {
  const dir = path.join(here, 'python');
  const venv = path.join(dir, '.venv');
  const py = path.join(venv, 'bin', 'python');
  if (!existsSync(py)) run('python3', ['-m', 'venv', venv], { label: 'python: create venv polyglot/python/.venv' });
  run(py, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', path.join(dir, 'requirements.txt')], { label: 'python: pip install -r requirements.txt' });
  const build = path.join(dir, 'build');
  const pkg = path.join(build, 'clicksend_client');
  rmSync(build, { recursive: true, force: true });
  mkdirSync(build, { recursive: true });
  run(path.join(venv, 'bin', 'openapi-python-client'), [
    'generate', '--path', spec, '--output-path', pkg, '--meta', 'none', '--overwrite', '--fail-on-warning',
    '--config', path.join(dir, 'openapi-python-client.yaml'),
  ], { label: `python: openapi-python-client generate -> ${rel(pkg)}` });
  run(py, ['-m', 'compileall', '-q', pkg], { label: 'python: build (compileall)' });
  process.stdout.write(run(py, [path.join(dir, 'smoke.py')], { env: { PYTHONPATH: build, CLICKSEND_BASE_URL: baseUrl }, label: 'python: smoke.py against the mock' }));
}

function goCheck(spec, baseUrl) {
  const dir = path.join(here, 'go');
  mkdirSync(path.join(dir, 'clicksend'), { recursive: true });
  rmSync(path.join(dir, 'clicksend/clicksend.gen.go'), { force: true });
  const env = { GOFLAGS: '-mod=readonly -buildvcs=false' };
  run('go', ['tool', 'oapi-codegen', '-config', 'oapi-codegen.yaml', spec], { cwd: dir, env, label: 'go: oapi-codegen -> polyglot/go/clicksend/clicksend.gen.go' });
  run('go', ['vet', './...'], { cwd: dir, env, label: 'go: go vet ./... (builds the client)' });
  run('go', ['build', '-o', path.join(dir, 'clicksend/.smoke'), './cmd/smoke'], { cwd: dir, env, label: 'go: go build ./cmd/smoke' });
  try {
    process.stdout.write(run(path.join(dir, 'clicksend/.smoke'), [], { env: { CLICKSEND_BASE_URL: baseUrl }, label: 'go: smoke against the mock' }));
  } finally {
    rmSync(path.join(dir, 'clicksend/.smoke'), { force: true });
  }
}

export async function main(argv = process.argv.slice(2)) {
  const args = parseArgs(argv);
  if (!existsSync(args.spec)) throw new CheckError(`${rel(args.spec)} not found (run \`pnpm build\` first)`);
  const spec = JSON.parse(readFileSync(args.spec, 'utf8'));
  const problems = generatorProblems(spec);
  if (problems.length > 0) {
    throw new CheckError(
      `${rel(args.spec)} has ${problems.length} schema(s) the generators cannot take; fix them in spec/ (not in generated code):\n` +
        problems.map((p) => `  ${p}`).join('\n'),
    );
  }

  const mockEntry = path.join(root, 'packages/mock/dist/index.js');
  if (!existsSync(mockEntry)) throw new CheckError('packages/mock/dist is missing; run `pnpm build` first');
  const { startPrism } = await import(pathToFileURL(mockEntry).href);
  const server = await startPrism({ spec: args.spec });
  process.stdout.write(`polyglot: Prism mock of ${rel(args.spec)} on ${server.url} (PID ${server.pid})\n`);
  const results = [];
  try {
    for (const [name, check] of [['python', pythonCheck], ['go', goCheck]]) {
      if (args.only && args.only !== name) continue;
      const started = Date.now();
      try {
        check(args.spec, server.url);
        results.push({ name, ok: true, secs: (Date.now() - started) / 1000 });
      } catch (e) {
        if (!(e instanceof CheckError)) throw e;
        process.stderr.write(`polyglot: ${e.message}\n`);
        results.push({ name, ok: false, secs: (Date.now() - started) / 1000 });
      }
    }
  } finally {
    await server.stop();
  }
  for (const r of results) process.stdout.write(`polyglot: ${r.name} ${r.ok ? 'ok' : 'FAILED'} (${r.secs.toFixed(1)}s)\n`);
  const failed = results.filter((r) => !r.ok).length;
  process.stdout.write(`polyglot: ${results.length - failed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      if (!(e instanceof CheckError)) throw e;
      process.stderr.write(`polyglot: ${e.message}\n`);
      process.stdout.write('polyglot: 0 passed, 1 failed\n');
      process.exitCode = 1;
    },
  );
}
