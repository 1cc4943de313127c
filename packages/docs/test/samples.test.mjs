// Every generated sample, proven: the TypeScript samples type-check strict against the built
// @clicksend-kit/client and run against a Prism mock of the bundle; every curl request sample runs
// against the same mock; with the clients polyglot/ generates (its generators run the way
// `pnpm polyglot` runs them), every Python request sample runs against it, every Go sample
// compiles and those of ten key operations run against it.
//
// Needs `pnpm build` (turbo runs it first), Python 3.10+ and Go 1.26+ on PATH.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrism } from '@clicksend-kit/mock';
import { API_ORIGIN, generateSamples } from '../lib/samples.mjs';

const docs = path.resolve(import.meta.dirname, '..');
const repo = path.resolve(docs, '../..');
const specPath = createRequire(import.meta.url).resolve('@clicksend-kit/openapi/openapi.json');
const spec = JSON.parse(readFileSync(specPath, 'utf8'));
const samples = generateSamples(spec);
const requests = samples.filter((s) => s.section === 'paths');
const work = path.join(docs, '.samples-check'); // inside the package so @clicksend-kit/client resolves
const results = path.join(docs, 'test-results');
const ENV = { CLICKSEND_USERNAME: 'demo-user', CLICKSEND_API_KEY: 'demo-key' };

/** Operations a new user reaches for first: their Go samples run against the mock. */
const KEY_OPERATIONS = ['sendSms', 'calculateSmsPrice', 'listSmsHistory', 'getAccount', 'createContactList', 'createContact', 'sendEmail', 'sendMms', 'sendPostLetter', 'uploadFile'];

// Prism 5 reads the bracketed query name `filter[product_type]` as a deepObject `filter` and answers
// 400 to a request ClickSend accepts; that one failure is expected in every language, and the
// test fails if it stops.
const MOCK_REJECTS = ['listCompliantSenderTypes'];

let prism;
const executed = {};
beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  mkdirSync(results, { recursive: true });
  prism = await startPrism({ spec: specPath });
});
afterAll(async () => {
  await prism?.stop();
  rmSync(work, { recursive: true, force: true });
  writeFileSync(path.join(results, 'samples.json'), `${JSON.stringify({ generated: samples.length, executed }, null, 2)}\n`);
});

/** Runs a command without a shell; resolves { code, output }. */
function run(cmd, args, { cwd = work, env = {} } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...ENV, ...env } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => resolve({ code: -1, output: e.message }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Runs `task` over `items`, `limit` at a time; returns the items whose result failed. */
async function failures(items, limit, task) {
  const failed = [];
  const queue = [...items];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        const r = await task(item);
        if (r.code !== 0) failed.push(`${item.operationId}: exit ${r.code}\n${r.output.trim().split('\n').slice(-6).join('\n')}`);
      }
    }),
  );
  return failed;
}

// Runs each file given as a script; prints the failures as JSON on its last line.
const RUN_PYTHON_SCRIPTS = `
import json, os, runpy, sys, traceback
failed = []
for file in sys.argv[1:]:
    name = os.path.basename(file)[:-3]
    try:
        runpy.run_path(file, run_name="__main__")
    except SystemExit as e:
        if e.code not in (None, 0):
            failed.append(f"{name}: {e.code}")
    except Exception:
        failed.append(f"{name}: {traceback.format_exc(limit=2)}")
print(json.dumps(failed))
`;

const toMock = (source) => source.replaceAll(API_ORIGIN, prism.url);

describe('TypeScript samples', () => {
  it('type-check strict against the built packages and run against the mock', { timeout: 900_000 }, async () => {
    const dir = path.join(work, 'ts');
    mkdirSync(dir, { recursive: true });
    for (const s of samples) writeFileSync(path.join(dir, `${s.operationId}.ts`), s.samples.typescript);
    writeFileSync(
      path.join(work, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', types: ['node'], skipLibCheck: false, outDir: 'js', rootDir: 'ts', noUnusedLocals: true }, include: ['ts/*.ts'] }),
    );
    writeFileSync(path.join(work, 'package.json'), '{ "type": "module", "private": true }\n');
    const tsc = spawnSync(path.join(docs, 'node_modules/.bin/tsc'), ['-p', work], { encoding: 'utf8' });
    expect(`${tsc.stdout}${tsc.stderr}`, 'tsc --strict over every TypeScript sample').toBe('');

    // A sample uses ClickSend's address; pointed at the mock, it is otherwise run as written.
    const failed = await failures(samples, 4, (s) => {
      const file = path.join(work, 'js', `${s.operationId}.js`);
      const js = readFileSync(file, 'utf8');
      if (s.section === 'paths') {
        expect(js.split('createClickSendClient()').length - 1, `${s.operationId}: one createClickSendClient() call`).toBe(1);
        writeFileSync(file, js.replace('createClickSendClient()', `createClickSendClient({ baseUrl: ${JSON.stringify(prism.url)} })`));
      }
      return run(process.execPath, [file], { env: { WEBHOOK_TOKEN: 'YOUR_SECRET_TOKEN' } });
    });
    executed.typescript = samples.length - failed.length;
    expect(failed.map((f) => f.split(':')[0]), `TypeScript samples that failed against the mock:\n${failed.join('\n')}`).toEqual(MOCK_REJECTS);
  });
});

describe('curl samples', () => {
  it('every request sample runs against the mock', { timeout: 900_000 }, async () => {
    const failed = await failures(requests, 4, (s) => run('bash', ['-c', toMock(s.samples.curl)]));
    executed.curl = requests.length - failed.length;
    expect(failed.map((f) => f.split(':')[0]), `curl samples that failed against the mock:\n${failed.join('\n')}`).toEqual(MOCK_REJECTS);
  });
});

describe('webhook samples', () => {
  it('every curl delivery (form POST, JSON, GET) is a callback parseWebhook accepts', async () => {
    const { parseWebhook } = await import('@clicksend-kit/client');
    const received = [];
    const server = createServer(async (req, res) => {
      const chunks = [];
      for await (const c of req) chunks.push(c);
      try {
        const event = await parseWebhook({ method: req.method, url: `http://127.0.0.1${req.url}`, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        received.push(event.type);
        res.writeHead(200).end('OK');
      } catch (e) {
        res.writeHead(400).end(e.message);
      }
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const hooks = samples.filter((s) => s.section === 'webhooks');
    try {
      const endpoint = `http://127.0.0.1:${server.address().port}/clicksend/callbacks`;
      const failed = await failures(hooks, 4, (s) => run('bash', ['-c', s.samples.curl.replaceAll('https://example.com/clicksend/callbacks', endpoint)]));
      expect(failed, 'webhook curl samples parseWebhook refused').toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const deliveries = hooks.reduce((n, s) => n + (s.samples.curl.match(/^curl /gm) ?? []).length, 0);
    expect(received).toHaveLength(deliveries);
    expect(new Set(received)).toEqual(new Set(Object.keys(spec.webhooks)));
    executed.curlWebhookDeliveries = deliveries;
  });
});

describe('Python and Go samples (clients generated by polyglot/)', () => {
  beforeAll(async () => {
    // Generates polyglot/python/build/clicksend_client and polyglot/go/clicksend/clicksend.gen.go.
    const { main } = await import('../../../polyglot/run.mjs');
    expect(await main(['--spec', specPath]), 'polyglot/run.mjs (generate, build, smoke)').toBe(0);
  }, 900_000);

  it('includes the key operations', () => {
    const ids = new Set(requests.map((s) => s.operationId));
    expect(KEY_OPERATIONS.filter((id) => !ids.has(id)), 'key operations missing from the bundle').toEqual([]);
  });

  it('every Python request sample runs against the mock; every Python sample compiles', { timeout: 900_000 }, async () => {
    const dir = path.join(work, 'python');
    mkdirSync(dir, { recursive: true });
    for (const s of samples) writeFileSync(path.join(dir, `${s.operationId}.py`), s.samples.python);
    const py = path.join(repo, 'polyglot/python/.venv/bin/python');
    const compiled = spawnSync(py, ['-m', 'compileall', '-q', dir], { encoding: 'utf8' });
    expect(compiled.status, compiled.stdout + compiled.stderr).toBe(0);
    // One interpreter runs every sample file as a script (runpy), so the client is imported once.
    const files = requests.map((s) => {
      const file = path.join(dir, `${s.operationId}.py`);
      writeFileSync(file, toMock(s.samples.python));
      return file;
    });
    const r = await run(py, ['-c', RUN_PYTHON_SCRIPTS, ...files], { env: { PYTHONPATH: path.join(repo, 'polyglot/python/build') } });
    expect(r.code, r.output.slice(-2000)).toBe(0);
    const failed = JSON.parse(r.output.trim().split('\n').at(-1));
    executed.python = requests.length - failed.length;
    expect(failed.map((f) => f.split(':')[0]), `Python samples that failed against the mock:\n${failed.join('\n')}`).toEqual(MOCK_REJECTS);
  });

  it('every Go sample compiles against the generated client; those of the key operations run against the mock', { timeout: 900_000 }, async () => {
    // A copy of the polyglot Go module (go.mod, go.sum, generated client) with one command per sample.
    const dir = path.join(work, 'go');
    for (const f of ['go.mod', 'go.sum', 'clicksend']) cpSync(path.join(repo, 'polyglot/go', f), path.join(dir, f), { recursive: true });
    for (const s of samples) {
      mkdirSync(path.join(dir, 'samples', s.operationId), { recursive: true });
      writeFileSync(path.join(dir, 'samples', s.operationId, 'main.go'), s.section === 'paths' ? toMock(s.samples.go) : s.samples.go);
    }
    const env = { GOFLAGS: '-mod=readonly -buildvcs=false' };
    const vet = await run('go', ['vet', './samples/...'], { cwd: dir, env });
    expect(vet.code, vet.output.split('\n').slice(0, 40).join('\n')).toBe(0);
    const key = KEY_OPERATIONS.map((id) => requests.find((s) => s.operationId === id));
    const failed = await failures(key, 2, (s) => run('go', ['run', `./samples/${s.operationId}`], { cwd: dir, env }));
    executed.go = key.length - failed.length;
    expect(failed, 'Go samples of the key operations that failed against the mock').toEqual([]);
  });
});
