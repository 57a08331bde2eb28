import { describe, expect, it } from 'vitest';
import { SohoaError } from '@sohoa/core';
import { EXIT, handleError, UsageError } from './errors';
import { maskId } from './commands/demo';
import { formatTable } from './table';

function capture(): { stream: NodeJS.WriteStream; text: () => string } {
  let out = '';
  const stream = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => out };
}

describe('handleError', () => {
  it('prints a SohoaError as one line and exits 1', () => {
    const c = capture();
    expect(handleError(new SohoaError('VAULT_SUBJECT_NOT_FOUND', 'No such subject in the vault.'), c.stream)).toBe(EXIT.failed);
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
    expect(formatTable(['form', 'n'], [['tờ khai', '1'], ['ct01', '22']])).toBe(['form     n', '───────  ──', 'tờ khai  1', 'ct01     22'].join('\n'));
  });
});
