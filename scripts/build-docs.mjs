#!/usr/bin/env node
// Render the bundled spec into one self-contained HTML page: packages/docs/dist/index.html.
//
//   cd packages/docs && node ../../scripts/build-docs.mjs [--spec <yaml>] [--output <html>] [--config <yaml>] [--verbose]
//
// Uses packages/docs' own @redocly/cli (build-docs --inlineBundle, so Redoc's JavaScript is embedded
// instead of loaded from Redocly's CDN), with CLI and page telemetry off. The page is written to a
// temp file and renamed into place only after it passes the checks, so a failed build leaves the
// previous page intact. Checks: the page loads nothing from another host (script, stylesheet, font,
// image, frame) and Redoc's page options carry `disableTelemetry: true`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError, displayPath, isMain, repoRoot, runCli } from './lib/cli.mjs';
import { findExternalResources } from './lib/html-resources.mjs';

const DOCS_DIR = path.join(repoRoot, 'packages/docs');
const REDOCLY_BIN = path.join(DOCS_DIR, 'node_modules/.bin', process.platform === 'win32' ? 'redocly.cmd' : 'redocly');

// Telemetry off for the CLI; with it off, build-docs also writes `disableTelemetry: true` into the
// page's Redoc options (checked below). The update notice would try to reach the registry.
export const REDOCLY_ENV = {
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
  DO_NOT_TRACK: '1',
};

/**
 * Problems that make a rendered page unacceptable, as messages (empty when the page is fine).
 * Pure, so it is unit-tested without running Redocly.
 */
export function checkPage(html) {
  const problems = [];
  const external = findExternalResources(html);
  if (external.length > 0) {
    const list = external.map((r) => `  <${r.tag}> ${r.attribute}: ${r.url}`).join('\n');
    problems.push(
      `the page loads ${external.length} resource(s) from other hosts, so it would not render offline:\n${list}\n` +
        // --inlineBundle is the only Redocly 2.77 option that removes such loads (the CDN script);
        // `--openapi.sanitize` would strip raw HTML from markdown but crashes prerendering in 2.77.
        // Anything left comes from the spec itself.
        '  Images usually come from the spec (info.x-logo, markdown images or raw <img> in descriptions):\n' +
        '  remove them or use a data: URL.',
    );
  }
  const options = /\b__redoc_options\s*=\s*(\{.*?\});?\s*$/m.exec(html);
  if (!options) {
    problems.push('cannot find Redoc options (__redoc_options) in the page, so cannot confirm its telemetry is off');
  } else {
    let parsed;
    try {
      parsed = JSON.parse(options[1]);
    } catch {
      parsed = undefined;
    }
    if (parsed?.disableTelemetry !== true) {
      problems.push(`the page's Redoc options do not set disableTelemetry: true (found ${options[1].slice(0, 200)})`);
    }
  }
  return problems;
}

function formatSize(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

// Drop Redocly's boxed Node-version banner; keep everything else it says.
function redoclyLog(text) {
  return text
    .split('\n')
    .filter((l) => !/^\s*[║╔╚]/.test(l) && l.trim() !== '')
    .join('\n');
}

const USAGE =
  'usage: node scripts/build-docs.mjs [--spec <openapi.yaml>] [--output <index.html>] [--config <redocly.yaml>] [--verbose]';

export function main(argv = process.argv.slice(2)) {
  return runCli({ name: 'build-docs', usage: USAGE, flags: { spec: 'string', output: 'string', config: 'string', verbose: 'boolean' }, argv }, build);
}

function build(flags) {
  const specFile = flags.spec ? path.resolve(flags.spec) : path.join(repoRoot, 'spec/dist/openapi.yaml');
  const outFile = flags.output ? path.resolve(flags.output) : path.join(DOCS_DIR, 'dist/index.html');
  const configFile = flags.config ? path.resolve(flags.config) : path.join(repoRoot, 'redocly.yaml');

  if (!existsSync(specFile)) {
    throw new InputError(`${displayPath(specFile)} not found (run the spec bundle step first, e.g. \`pnpm build\`)`);
  }
  if (!existsSync(REDOCLY_BIN)) {
    throw new InputError(`${displayPath(REDOCLY_BIN)} not found (run \`pnpm install\`; @redocly/cli is a devDependency of packages/docs)`);
  }
  const args = ['build-docs', specFile, '--output', '', '--inlineBundle'];
  if (existsSync(configFile)) {
    args.push('--config', configFile);
  } else if (flags.config) {
    throw new InputError(`config ${displayPath(configFile)} not found`);
  } else {
    process.stderr.write(`build-docs: warning: ${displayPath(configFile)} not found; building with Redocly's defaults\n`);
  }

  mkdirSync(path.dirname(outFile), { recursive: true });
  // Same directory as the output so the final rename is atomic.
  const tmpFile = path.join(path.dirname(outFile), `.${path.basename(outFile, '.html')}.${process.pid}.tmp.html`);
  args[3] = tmpFile;

  try {
    const run = spawnSync(REDOCLY_BIN, args, {
      cwd: DOCS_DIR,
      env: { ...process.env, ...REDOCLY_ENV },
      encoding: 'utf8',
      timeout: 5 * 60 * 1000,
    });
    const log = redoclyLog(`${run.stdout ?? ''}\n${run.stderr ?? ''}`);
    if (run.error) throw new InputError(`could not run ${displayPath(REDOCLY_BIN)}: ${run.error.message}`);
    if (run.status !== 0 || !existsSync(tmpFile)) {
      const why = run.status !== 0 ? `exited with ${run.status ?? run.signal}` : 'wrote no page';
      throw new InputError(`redocly build-docs ${why} for ${displayPath(specFile)}; ${displayPath(outFile)} was left as it was\n${log}`);
    }
    // Config warnings and the like are worth seeing; the success chatter is not.
    if (flags.verbose || /warn|error/i.test(log)) process.stderr.write(`${log}\n`);

    const problems = checkPage(readFileSync(tmpFile, 'utf8'));
    if (problems.length > 0) {
      throw new InputError(
        `${problems.map((p) => `error: ${p}`).join('\n')}\n${displayPath(outFile)} was left as it was`,
      );
    }
    renameSync(tmpFile, outFile);
  } finally {
    rmSync(tmpFile, { force: true });
  }
  process.stdout.write(`build-docs: wrote ${displayPath(outFile)} (${formatSize(statSync(outFile).size)}), self-contained\n`);
  return 0;
}

if (isMain(import.meta.url)) process.exitCode = main();
