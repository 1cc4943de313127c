// A real npm registry on 127.0.0.1 for the release dry run: Verdaccio with fresh storage, one
// user to publish with, and nothing proxied, so a consumer that asks it for @clicksend-kit/*
// can only get what was published to it. Stopped by PID.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { InputError } from './cli.mjs';

const require = createRequire(import.meta.url);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function verdaccioBin() {
  return path.join(path.dirname(require.resolve('verdaccio/package.json')), 'bin', 'verdaccio');
}

/** Verdaccio's config: local storage only, publish needs a login, no uplinks, no web UI. */
function configYaml(dir) {
  return `storage: ${JSON.stringify(path.join(dir, 'storage'))}
auth:
  htpasswd:
    file: ${JSON.stringify(path.join(dir, 'htpasswd'))}
    max_users: 1
uplinks: {}
packages:
  '**':
    access: $all
    publish: $authenticated
    unpublish: $authenticated
web:
  enable: false
log: { type: stdout, format: pretty, level: warn }
`;
}

/**
 * Starts Verdaccio in `dir` (its storage, config and log live there) and signs up a publisher.
 * Returns `{ url, pid, token, npmrcLines(scope), stop() }`.
 */
export async function startLocalRegistry(dir, { startTimeoutMs = 60_000 } = {}) {
  mkdirSync(path.join(dir, 'storage'), { recursive: true });
  const config = path.join(dir, 'config.yaml');
  writeFileSync(config, configYaml(dir));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [verdaccioBin(), '--config', config, '--listen', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(child.pid, 'SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
  };

  try {
    const deadline = Date.now() + startTimeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new InputError(`Verdaccio exited (code ${child.exitCode}) before answering:\n${output}`);
      const ok = await fetch(`${url}/-/ping`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new InputError(`Verdaccio did not answer on ${url} within ${startTimeoutMs} ms:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    // `npm adduser` does this PUT; the answer carries the token npm would store.
    const user = 'release-dry-run';
    const res = await fetch(`${url}/-/user/org.couchdb.user:${user}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: user, password: `pw-${process.pid}-${Date.now()}` }),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok || typeof body.token !== 'string') throw new InputError(`Verdaccio refused to sign up a publisher (${res.status}): ${JSON.stringify(body)}`);
    const hostKey = `//127.0.0.1:${port}/`;
    return {
      url,
      pid: child.pid,
      /** .npmrc lines that send `scope` to this registry with the publisher's token. */
      npmrcLines: (scope) => [`${scope}:registry=${url}/`, `${hostKey}:_authToken=${body.token}`],
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
