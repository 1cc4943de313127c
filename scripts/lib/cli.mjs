// Small helpers shared by the repo scripts. Node built-ins only.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file's location so scripts work from any cwd. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** True when the module at `importMetaUrl` is the script node was started with (not imported). */
export function isMain(importMetaUrl) {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(importMetaUrl));
  } catch {
    return false;
  }
}

/**
 * A path for messages: repo-relative when inside the repo (same text whatever the cwd,
 * which keeps output deterministic), absolute otherwise.
 */
export function displayPath(absPath, root = repoRoot) {
  const rel = path.relative(root, absPath);
  if (rel === '') return '.';
  if (rel.startsWith('..') || path.isAbsolute(rel)) return absPath;
  return rel.split(path.sep).join('/');
}

/** An error about the user's input (file, flag, data); the CLI prints its message without a stack. */
export class InputError extends Error {
  constructor(message) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * Minimal flag parser: `--name value`, `--name=value` and boolean `--flag`.
 * `spec` maps flag name -> 'string' | 'boolean'. Unknown flags and stray arguments are errors.
 */
export function parseFlags(argv, spec) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new InputError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const kind = spec[name];
    if (!kind) throw new InputError(`unknown option --${name}`);
    if (kind === 'boolean') {
      if (eq !== -1) throw new InputError(`option --${name} takes no value`);
      out[name] = true;
    } else if (eq !== -1) {
      out[name] = arg.slice(eq + 1);
    } else {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new InputError(`option --${name} needs a value`);
      out[name] = value;
    }
  }
  return out;
}

/**
 * A script's command line, the same for every script. `--help` prints `usage`; a bad flag, or an
 * InputError from `check(flags)`, exits 2 with the usage; an InputError from `run(flags)` exits 1
 * with its message and no stack; anything else is a bug and is thrown. `run` returns the exit
 * code, or a promise of it (then so does runCli).
 */
export function runCli({ name, usage, flags: spec, argv, check, stdout = process.stdout, stderr = process.stderr }, run) {
  let flags;
  try {
    flags = parseFlags(argv, { ...spec, help: 'boolean' });
    if (!flags.help) check?.(flags);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    stderr.write(`${name}: ${e.message}\n${usage}\n`);
    return 2;
  }
  if (flags.help) {
    stdout.write(`${usage}\n`);
    return 0;
  }
  const failed = (e) => {
    if (!(e instanceof InputError)) throw e;
    stderr.write(`${name}: ${e.message}\n`);
    return 1;
  };
  try {
    const code = run(flags);
    return code instanceof Promise ? code.catch(failed) : code;
  } catch (e) {
    return failed(e);
  }
}
