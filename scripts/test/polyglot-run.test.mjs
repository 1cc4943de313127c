import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summaryLine, syncTree } from '../../polyglot/run.mjs';

describe('polyglot: syncTree (generated code copied in only where it changed)', () => {
  let dir;
  const write = (rel, text) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sync-tree-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies new and changed files, keeps unchanged ones untouched and removes files no longer generated', () => {
    write('dest/src/same.rs', 'same\n');
    write('dest/src/changed.rs', 'old\n');
    write('dest/src/gone.rs', 'gone\n');
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(path.join(dir, 'dest/src/same.rs'), past, past);
    write('src/src/same.rs', 'same\n');
    write('src/src/changed.rs', 'new!\n');
    write('src/src/models/added.rs', 'added\n');

    expect(syncTree(path.join(dir, 'src'), path.join(dir, 'dest'))).toBe(2);
    expect(statSync(path.join(dir, 'dest/src/same.rs')).mtime).toEqual(past);
    expect(readFileSync(path.join(dir, 'dest/src/changed.rs'), 'utf8')).toBe('new!\n');
    expect(readFileSync(path.join(dir, 'dest/src/models/added.rs'), 'utf8')).toBe('added\n');
    expect(existsSync(path.join(dir, 'dest/src/gone.rs'))).toBe(false);
  });

  it('fills an empty destination', () => {
    write('src/a.txt', 'a');
    expect(syncTree(path.join(dir, 'src'), path.join(dir, 'dest'))).toBe(1);
    expect(readFileSync(path.join(dir, 'dest/a.txt'), 'utf8')).toBe('a');
  });
});

describe('polyglot: the line printed per language', () => {
  it('says generated, compiled, calls made and passed, with their times', () => {
    const phases = { generate: 12.34, compile: 5, calls: 0.06 };
    expect(summaryLine({ name: 'rust', ok: true, phases, calls: { made: 4, passed: 4 } })).toBe(
      'polyglot: rust   ok     generated 12.3s, compiled 5.0s, 4 call(s) made, 4 passed 0.1s',
    );
    expect(summaryLine({ name: 'java', ok: false, phases, calls: { made: 3, passed: 2 } })).toBe(
      'polyglot: java   FAILED generated 12.3s, compiled 5.0s, 3 call(s) made, 2 passed 0.1s',
    );
  });
});
