#!/usr/bin/env node
// Reuse check: the published spec files used from Python, Go, Java and Rust. Generates a client in
// each language with a well-kept generator, compiles it, and calls a Prism mock of the bundle on
// 127.0.0.1 with it: get the account, send an SMS, page through the SMS history, and see a 401
// as an error without credentials.
//
//   node polyglot/run.mjs [--spec <openapi.json>] [--only python|go|java|rust]
//
// Python: openapi-python-client, and pydantic models by datamodel-code-generator
//         (polyglot/python/requirements.txt, into polyglot/python/.venv), from the 3.1 bundle.
// Go:     oapi-codegen, pinned as a tool in polyglot/go/go.mod (`go tool oapi-codegen`), from the
//         3.1 bundle.
// Java:   openapi-generator (java, jersey3), Maven (polyglot/java/pom.xml), from openapi-3.0.json.
// Rust:   openapi-generator (rust, reqwest), cargo (polyglot/rust/Cargo.lock), from openapi-3.0.json.
// openapi-generator's CLI jar comes from Maven Central through Maven's own cache (~/.m2) at the
// version pinned below. A generator warning fails the Python check: fix the spec, never the
// generated code. Generated code goes to polyglot/*/build/ and polyglot/go/clicksend/*.gen.go
// (gitignored); it is copied in file by file, only where it changed, so Maven and cargo rebuild
// only what the spec changed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const rel = (p) => path.relative(root, p) || '.';

/** openapi-generator release whose CLI generates the Java and Rust clients. */
export const OPENAPI_GENERATOR_VERSION = '7.25.0';
const LANGUAGES = ['python', 'go', 'java', 'rust'];

class CheckError extends Error {}

function parseArgs(argv) {
  const out = { spec: path.join(root, 'spec/dist/openapi.json'), only: undefined };
  const usage = 'usage: node polyglot/run.mjs [--spec <openapi.json>] [--only python|go|java|rust]';
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (name === '--spec') out.spec = path.resolve(value());
    else if (name === '--only') out.only = value();
    else throw new CheckError(`unknown argument ${argv[i]}\n${usage}`);
  }
  if (out.only && !LANGUAGES.includes(out.only)) throw new CheckError(`--only takes ${LANGUAGES.join(', ')}, not ${out.only}`);
  // The 3.0 form is the one published beside the bundle.
  out.spec30 = path.join(path.dirname(out.spec), 'openapi-3.0.json');
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

/** Times the steps of one language's check, by phase: generate, compile, calls. */
class Phases {
  generate = 0;
  compile = 0;
  calls = 0;
  /** Runs fn as part of a phase and adds its time there. */
  time(phase, fn) {
    const started = Date.now();
    try {
      return fn();
    } finally {
      this[phase] += (Date.now() - started) / 1000;
    }
  }
}

/**
 * Runs a smoke program: it prints one `<language>: <METHOD> <path> -> …` line per call that
 * returned what the spec describes and stops with `<language>: FAIL …` at the first that did not.
 */
function smoke(language, cmd, args, { cwd, baseUrl, env = {} }) {
  const r = spawnSync(cmd, args, { cwd, env: { ...process.env, ...env, CLICKSEND_BASE_URL: baseUrl }, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.error) throw new CheckError(`${language}: cannot run ${cmd} (${r.error.message})`);
  const passed = (r.stdout ?? '').split('\n').filter((line) => new RegExp(`^${language}: (GET|POST|PUT|PATCH|DELETE) `).test(line));
  process.stdout.write(passed.map((line) => `  ${line}\n`).join(''));
  const calls = { made: passed.length + (r.status === 0 ? 0 : 1), passed: passed.length };
  if (r.status !== 0) {
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw Object.assign(new CheckError(`${language}: smoke program failed (exit ${r.status ?? r.signal}):\n${output}`), { calls });
  }
  return calls;
}

/**
 * Makes dest hold exactly the files of src, copying only those whose bytes changed, so a build
 * tool that goes by timestamps (Maven, cargo) recompiles only what a new generation changed.
 */
export function syncTree(src, dest) {
  const list = (dir, prefix = '') =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
      : [];
  const wanted = new Set(list(src));
  for (const file of list(dest)) if (!wanted.has(file)) rmSync(path.join(dest, file));
  let copied = 0;
  for (const file of wanted) {
    const from = path.join(src, file);
    const to = path.join(dest, file);
    if (existsSync(to) && statSync(to).size === statSync(from).size && readFileSync(to).equals(readFileSync(from))) continue;
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(from, to);
    copied++;
  }
  return copied;
}

/** openapi-generator's CLI jar at the pinned version, copied once from Maven's local repository (Maven fetches it when missing). */
function openapiGeneratorJar() {
  const dir = path.join(here, '.cache');
  const jar = path.join(dir, `openapi-generator-cli-${OPENAPI_GENERATOR_VERSION}.jar`);
  if (!existsSync(jar)) {
    run('mvn', ['-B', '-q', 'dependency:copy', `-Dartifact=org.openapitools:openapi-generator-cli:${OPENAPI_GENERATOR_VERSION}`, `-DoutputDirectory=${dir}`], {
      label: `openapi-generator ${OPENAPI_GENERATOR_VERSION}: mvn dependency:copy -> ${rel(jar)}`,
    });
  }
  return jar;
}

/** Generates with openapi-generator into a scratch folder, then syncs it into dest. */
function openapiGenerate(language, { spec, generator, dest, options }) {
  const scratch = mkdtempSync(path.join(here, '.cache', `${generator}-`));
  try {
    run('java', ['-jar', openapiGeneratorJar(), 'generate', '--input-spec', spec, '--generator-name', generator, '--output', scratch,
      '--global-property', 'apiDocs=false,modelDocs=false,apiTests=false,modelTests=false', ...options],
    { label: `${language}: openapi-generator ${OPENAPI_GENERATOR_VERSION} -g ${generator} ${rel(spec)}` });
    const changed = syncTree(scratch, dest);
    process.stdout.write(`  ${language}: ${changed} generated file(s) changed in ${rel(dest)}\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const checks = {
  python({ spec, baseUrl }, phases) {
    const dir = path.join(here, 'python');
    const venv = path.join(dir, '.venv');
    const py = path.join(venv, 'bin', 'python');
    const build = path.join(dir, 'build');
    const pkg = path.join(build, 'clicksend_client');
    const models = path.join(build, 'clicksend_models.py');
    phases.time('generate', () => {
      if (!existsSync(py)) run('python3', ['-m', 'venv', venv], { label: 'python: create venv polyglot/python/.venv' });
      run(py, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', path.join(dir, 'requirements.txt')], { label: 'python: pip install -r requirements.txt' });
      rmSync(build, { recursive: true, force: true });
      mkdirSync(build, { recursive: true });
      run(path.join(venv, 'bin', 'openapi-python-client'), [
        'generate', '--path', spec, '--output-path', pkg, '--meta', 'none', '--overwrite', '--fail-on-warning',
        '--config', path.join(dir, 'openapi-python-client.yaml'),
      ], { label: `python: openapi-python-client generate -> ${rel(pkg)}` });
      run(path.join(venv, 'bin', 'datamodel-codegen'), [
        '--input', spec, '--input-file-type', 'openapi', '--output', models, '--output-model-type', 'pydantic_v2.BaseModel',
      ], { label: `python: datamodel-codegen (pydantic v2 models) -> ${rel(models)}` });
    });
    phases.time('compile', () => run(py, ['-m', 'compileall', '-q', pkg, models], { label: 'python: build (compileall)' }));
    return phases.time('calls', () => smoke('python', py, [path.join(dir, 'smoke.py')], { cwd: root, baseUrl, env: { PYTHONPATH: build } }));
  },

  go({ spec, baseUrl }, phases) {
    const dir = path.join(here, 'go');
    const env = { GOFLAGS: '-mod=readonly -buildvcs=false' };
    const bin = path.join(dir, 'clicksend/.smoke');
    phases.time('generate', () => {
      mkdirSync(path.join(dir, 'clicksend'), { recursive: true });
      rmSync(path.join(dir, 'clicksend/clicksend.gen.go'), { force: true });
      run('go', ['tool', 'oapi-codegen', '-config', 'oapi-codegen.yaml', spec], { cwd: dir, env, label: 'go: oapi-codegen -> polyglot/go/clicksend/clicksend.gen.go' });
    });
    phases.time('compile', () => {
      run('go', ['vet', './...'], { cwd: dir, env, label: 'go: go vet ./... (builds the client)' });
      run('go', ['build', '-o', bin, './cmd/smoke'], { cwd: dir, env, label: 'go: go build ./cmd/smoke' });
    });
    try {
      return phases.time('calls', () => smoke('go', bin, [], { cwd: dir, baseUrl }));
    } finally {
      rmSync(bin, { force: true });
    }
  },

  java({ spec30, baseUrl }, phases) {
    const dir = path.join(here, 'java');
    phases.time('generate', () =>
      openapiGenerate('java', {
        spec: spec30,
        generator: 'java',
        dest: path.join(dir, 'build/clicksend-client'),
        options: ['--library', 'jersey3', '--additional-properties',
          'invokerPackage=com.clicksendkit.client,apiPackage=com.clicksendkit.client.api,modelPackage=com.clicksendkit.client.model,hideGenerationTimestamp=true'],
      }),
    );
    // process-classes: compile, then copy the runtime class path into target/lib.
    phases.time('compile', () => run('mvn', ['-B', '-q', 'process-classes'], { cwd: dir, label: 'java: mvn process-classes (compiles the client and Smoke.java)' }));
    const classPath = ['target/classes', 'target/lib/*'].join(path.delimiter);
    return phases.time('calls', () => smoke('java', 'java', ['-cp', classPath, 'com.clicksendkit.smoke.Smoke'], { cwd: dir, baseUrl }));
  },

  rust({ spec30, baseUrl }, phases) {
    const dir = path.join(here, 'rust');
    phases.time('generate', () =>
      openapiGenerate('rust', {
        spec: spec30,
        generator: 'rust',
        dest: path.join(dir, 'build/clicksend_client'),
        // A fixed crate version keeps the committed Cargo.lock valid whatever the spec's version.
        options: ['--additional-properties', 'packageName=clicksend_client,packageVersion=0.0.0,library=reqwest'],
      }),
    );
    // Crates compiled once serve every checkout on the machine (CI builds in a fresh clone): the
    // target folder lives in the user's cache unless CARGO_TARGET_DIR says otherwise.
    const target = process.env.CARGO_TARGET_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'clicksend-kit', 'polyglot-rust-target');
    phases.time('compile', () =>
      run('cargo', ['build', '--locked', '--quiet'], { cwd: dir, env: { CARGO_TARGET_DIR: target }, label: `rust: cargo build --locked (the client and src/main.rs) -> ${target}` }),
    );
    return phases.time('calls', () => smoke('rust', path.join(target, 'debug/smoke'), [], { cwd: dir, baseUrl }));
  },
};

export async function main(argv = process.argv.slice(2)) {
  const args = parseArgs(argv);
  for (const file of [args.spec, args.spec30]) {
    if (!existsSync(file)) throw new CheckError(`${rel(file)} not found (run \`pnpm build\` first)`);
  }
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
  mkdirSync(path.join(here, '.cache'), { recursive: true });
  const results = [];
  try {
    for (const name of LANGUAGES) {
      if (args.only && args.only !== name) continue;
      const phases = new Phases();
      try {
        const calls = checks[name]({ spec: args.spec, spec30: args.spec30, baseUrl: server.url }, phases);
        results.push({ name, ok: true, phases, calls });
      } catch (e) {
        if (!(e instanceof CheckError)) throw e;
        process.stderr.write(`polyglot: ${e.message}\n`);
        results.push({ name, ok: false, phases, calls: e.calls ?? { made: 0, passed: 0 } });
      }
    }
  } finally {
    await server.stop();
  }
  for (const r of results) process.stdout.write(`${summaryLine(r)}\n`);
  const failed = results.filter((r) => !r.ok).length;
  process.stdout.write(`polyglot: ${results.length - failed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

/** One line per language: generated, compiled, calls made and passed, each with its time. */
export function summaryLine({ name, ok, phases, calls }) {
  const s = (secs) => `${secs.toFixed(1)}s`;
  return `polyglot: ${name.padEnd(6)} ${ok ? 'ok    ' : 'FAILED'} generated ${s(phases.generate)}, compiled ${s(phases.compile)}, ` +
    `${calls.made} call(s) made, ${calls.passed} passed ${s(phases.calls)}`;
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
