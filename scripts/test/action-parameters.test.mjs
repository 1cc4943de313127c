import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseActions, parseParameterLine, toTsv } from '../action-parameters.mjs';

const script = path.resolve(import.meta.dirname, '../action-parameters.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'action-parameters-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Lines written the way seed 004 writes them: name, type and "Obligatorio" run together.
const SEED = [
  'Send SMSCLICKSEND_CREATE_SMS_SENDAcciónTool to send SMS.',
  'CLICKSEND_CREATE_SMS_SENDAcciónTool to send SMS.',
  'Parámetros de entrada',
  'messagesobject[]ObligatorioArray of message objects.',
  'to_numberstringThe number to send to.',
  'Parámetros de salida',
  'dataobjectThe result.',
  'Search NumbersCLICKSEND_GET_NUMBERS_SEARCHAcciónTool to search numbers.',
  'CLICKSEND_GET_NUMBERS_SEARCHAcciónTool to search numbers.',
  'Parámetros de entrada',
  'countrystringObligatorioTwo-letter country code.',
  'search_typeintegerenumSearch strategy: 0 = starts with, 1 = anywhere',
  '012',
  'operatorstringenumLogical operator.',
  'ANDORorder_bystringSort results by field.',
  'Parámetros de salida',
  'Get AccountCLICKSEND_GET_ACCOUNTAcciónTool to get the account.',
  'CLICKSEND_GET_ACCOUNTAcciónTool to get the account.',
  'Parámetros de entrada',
  'Sin parámetros.',
  'Parámetros de salida',
].join('\n');

describe('parseParameterLine', () => {
  it('splits name, type and the required flag', () => {
    expect(parseParameterLine('countrystringObligatorioTwo-letter country code.')).toEqual({ name: 'country', type: 'string', required: true, enum: false });
    expect(parseParameterLine('limitintegerNumber of records per page. Default: 10')).toEqual({ name: 'limit', type: 'integer', required: false, enum: false });
  });

  it('keeps a type word that is part of the name, and reads arrays and enums', () => {
    expect(parseParameterLine('to_numberstringThe number to send to.')).toMatchObject({ name: 'to_number', type: 'string' });
    expect(parseParameterLine('messagesobject[]ObligatorioArray of message objects.')).toMatchObject({ name: 'messages', type: 'object[]', required: true });
    expect(parseParameterLine('search_typeintegerenumSearch strategy')).toMatchObject({ name: 'search_type', type: 'integer', enum: true });
  });

  it('reads nothing from a line that is not a parameter', () => {
    expect(parseParameterLine('012')).toBeUndefined();
    expect(parseParameterLine('Some prose about strings')).toBeUndefined();
  });
});

describe('parseActions', () => {
  const actions = parseActions(SEED);

  it('reads each action, skipping enum values and reading the parameter they run into', () => {
    expect([...actions.keys()]).toEqual(['CLICKSEND_CREATE_SMS_SEND', 'CLICKSEND_GET_NUMBERS_SEARCH', 'CLICKSEND_GET_ACCOUNT']);
    expect(actions.get('CLICKSEND_GET_NUMBERS_SEARCH').map((p) => p.name)).toEqual(['country', 'search_type', 'operator', 'order_by']);
    expect(actions.get('CLICKSEND_GET_ACCOUNT')).toEqual([]);
  });

  it('writes one row per parameter, sorted by action, and a row for an action without any', () => {
    const tsv = toTsv(actions).split('\n');
    expect(tsv[1]).toBe('action\tparameter\ttype\trequired');
    expect(tsv).toContain('CLICKSEND_CREATE_SMS_SEND\tmessages\tobject[]\tyes');
    expect(tsv).toContain('CLICKSEND_GET_ACCOUNT\t(none)\t\t');
    expect(tsv.filter((l) => l.startsWith('CLICKSEND_')).map((l) => l.split('\t')[0])).toEqual([
      'CLICKSEND_CREATE_SMS_SEND', 'CLICKSEND_CREATE_SMS_SEND', 'CLICKSEND_GET_ACCOUNT',
      'CLICKSEND_GET_NUMBERS_SEARCH', 'CLICKSEND_GET_NUMBERS_SEARCH', 'CLICKSEND_GET_NUMBERS_SEARCH', 'CLICKSEND_GET_NUMBERS_SEARCH',
    ]);
  });

  it('names the line it cannot read, and an action listed twice with different parameters', () => {
    expect(() => parseActions(SEED.replace('to_numberstringThe number to send to.', 'to number: a string'))).toThrow(
      'line 5 (CLICKSEND_CREATE_SMS_SEND): cannot read a parameter from "to number: a string"',
    );
    const twice = `${SEED}\nCLICKSEND_GET_ACCOUNTAcciónAgain.\nParámetros de entrada\nidintegerThe ID.\nParámetros de salida`;
    expect(() => parseActions(twice)).toThrow('CLICKSEND_GET_ACCOUNT is listed twice with different parameters');
    expect(() => parseActions('nothing here')).toThrow('no actions found');
  });
});

describe('CLI', () => {
  const run = (...args) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });

  it('writes the TSV and says how much it read', () => {
    const seed = path.join(work, 'seed.txt');
    const out = path.join(work, 'out.tsv');
    writeFileSync(seed, SEED);
    const r = run('--seed', seed, '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('action-parameters: 3 actions, 6 parameters');
    expect(readFileSync(out, 'utf8')).toContain('CLICKSEND_GET_NUMBERS_SEARCH\torder_by\tstring\tno');
  });

  it('names what is wrong: exit 2 for the command line, 1 for an unreadable seed', () => {
    expect(run()).toMatchObject({ status: 2, stderr: expect.stringContaining('--seed is required') });
    expect(run('--seed', path.join(work, 'missing.txt'))).toMatchObject({ status: 1, stderr: expect.stringContaining('cannot read') });
  });
});
