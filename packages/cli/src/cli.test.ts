import { describe, expect, it } from 'vitest';
import { SohoaError } from '@sohoa/core';
import { EXIT, handleError, UsageError } from './errors';
import { maskId } from './commands/demo';
import { formatTable } from './table';
import { toJsonDocument } from './commands/digitize';
import type { FileResult } from '@sohoa/batch';
import { useColor } from './color';
import { configureLogger, createLogger } from './log';
import { createProgress } from './progress';
import { FORM_ROLES } from './commands/fill';
import { vocabulary } from '@sohoa/eform';

function capture(): { stream: NodeJS.WriteStream; text: () => string } {
  let out = '';
  const stream = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => out };
}

describe('handleError', () => {
  it('prints a SohoaError as one line and exits 1', () => {
    const c = capture();
    expect(handleError(new SohoaError('VAULT_SUBJECT_NOT_FOUND', 'No such subject in the vault.'), c.stream)).toBe(
      EXIT.failed,
    );
    expect(c.text()).toBe('sohoa: VAULT_SUBJECT_NOT_FOUND: No such subject in the vault.\n');
  });
  it('exits 2 for usage errors and 70 with a stack for bugs', () => {
    const usage = capture();
    expect(handleError(new UsageError('missing `--subject`'), usage.stream)).toBe(EXIT.usage);
    const bug = capture();
    expect(handleError(new TypeError('boom'), bug.stream)).toBe(EXIT.internal);
    expect(bug.text()).toMatch(/please report/);
    expect(bug.text()).toMatch(/TypeError: boom/);
  });
});

describe('console formatting', () => {
  it('masks personal IDs in human output', () => {
    expect(maskId('001090012345')).toBe('001•••••2345');
    expect(maskId('123')).toBe('•••');
  });
  it('aligns Vietnamese text by characters, not bytes', () => {
    expect(
      formatTable(
        ['form', 'n'],
        [
          ['tờ khai', '1'],
          ['ct01', '22'],
        ],
      ),
    ).toBe(['form     n', '───────  ──', 'tờ khai  1', 'ct01     22'].join('\n'));
  });
});

describe('digitize --json', () => {
  it("prints a document's relations (mother, father, declarant, spouse) with their fields", () => {
    const field = (value: string, confidence: number) => ({
      value,
      confidence,
      evidence: [{ method: 'ocr' as const }],
    });
    const result = {
      file: 'ks.jpg',
      status: 'stored',
      diagnostics: [],
      pages: 1,
      ms: 1,
      record: {
        type: 'giay-khai-sinh',
        part: 'full',
        kind: 'civil-status',
        status: 'valid',
        fields: { 'person.fullName': field('Lê Văn An', 0.95) },
        relations: [
          { role: 'mother', fields: { 'person.fullName': field('Trần Thị Tư', 0.6) } },
          { role: 'spouse', subject: { kind: 'person', id: '079192005678' }, fields: {} },
        ],
        sources: [],
        diagnostics: [],
      },
    } as unknown as FileResult;
    const json = toJsonDocument(result);
    expect(json.fields['person.fullName']).toEqual({
      value: 'Lê Văn An',
      confidence: 0.95,
      method: 'ocr',
      page: null,
      box: null,
    });
    expect(json.relations).toEqual([
      {
        role: 'mother',
        subject: null,
        fields: { 'person.fullName': { value: 'Trần Thị Tư', confidence: 0.6, method: 'ocr', page: null, box: null } },
      },
      { role: 'spouse', subject: '079192005678', fields: {} },
    ]);
  });
});

describe('logger, progress and colour (issue 16)', () => {
  const at = () => new Date('2026-12-07T08:00:00.000Z');
  it('writes timestamped text or JSON lines, debug only with verbose', () => {
    const text = capture();
    const logger = createLogger({ stream: text.stream, now: at });
    logger.debug('hidden');
    logger.info('worker: waiting', { teamSize: 2, root: '/mnt/scans a' });
    expect(text.text()).toBe('2026-12-07T08:00:00.000Z info  worker: waiting teamSize=2 root="/mnt/scans a"\n');
    const json = capture();
    createLogger({ stream: json.stream, now: at, format: 'json', verbose: true }).debug('vault opened', {
      vault: '/v.db',
      skipped: undefined,
    });
    expect(JSON.parse(json.text())).toEqual({
      time: '2026-12-07T08:00:00.000Z',
      level: 'debug',
      msg: 'vault opened',
      vault: '/v.db',
    });
  });
  it('the worker progress (no total) shows a count and rate, not a full bar with ETA 0s', () => {
    const c = capture();
    Object.assign(c.stream, { isTTY: true, columns: 200 });
    configureLogger({ format: 'text' });
    const progress = createProgress('worker', c.stream);
    progress.tick(3, undefined, 'stored');
    expect(c.text()).toMatch(/worker 3 done [\d.]+\/min stored$/);
    expect(c.text()).not.toMatch(/█|ETA/);
    progress.tick(1, 4, 'stored');
    expect(c.text()).toMatch(/worker █{6}░{18} 1\/4 /);
  });
  it('colour only on a terminal, never with NO_COLOR, forced by FORCE_COLOR', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColor({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor({ isTTY: false }, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(false);
  });
});

describe('--as roles', () => {
  it('come from the vocabulary (packages/eform/vocab/keys.json), not a copy', () => {
    expect([...FORM_ROLES].sort()).toEqual(
      Object.keys(vocabulary.roles)
        .filter((r) => r !== 'self' && r !== 'other')
        .sort(),
    );
    expect(FORM_ROLES).toEqual(expect.arrayContaining(['mother', 'father', 'spouse', 'parent', 'householdHead']));
  });
});
