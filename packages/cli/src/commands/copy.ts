import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  directoryStore,
  pdfPageCount,
  safeParseDocCode,
  type SignatureCheck,
  verifyCopyStructure,
  verifySignature,
} from '@sohoa/archive';
import { SohoaError } from '@sohoa/core';
import type { CopyRecord, Vault } from '@sohoa/vault';
import { withVault } from '../context';
import { EXIT } from '../errors';

/** A problem `copy verify` found: a stable code and a message without personal data. */
export interface CopyProblem {
  /** `structure`, `record`, `signature` or `vault`. */
  check: string;
  code: string;
  message: string;
}

/** The result of `sohoa copy verify` (`--json`, version 1). */
export interface CopyVerification {
  version: 1;
  file: string;
  ok: boolean;
  sha256: string;
  pages: number | null;
  /** The copy the vault has for these bytes (or for the DocCode of the file name), when a vault was given. */
  record: CopyRecord | null;
  signature: SignatureCheck;
  /** `checked`, or `unavailable` when this build has no structure check (see docs/digitised-copy.md). */
  structure: 'checked' | 'unavailable';
  problems: CopyProblem[];
}

/** The structure check (`verifyCopyStructure` of `@sohoa/archive`; tests pass their own). */
type StructureCheck = (
  pdf: Uint8Array,
  expected?: { docCode?: string; pageAmount?: number; sourceSha256?: string },
) =>
  | Promise<{ ok: boolean; problems: Array<{ code: string; message: string }> }>
  | { ok: boolean; problems: Array<{ code: string; message: string }> };

/** The DocCode a copy's file name starts with (`<DocCode>_<YYYYMMDD>_<desc>.pdf`), when it has one. */
export function docCodeOfFileName(file: string): string | undefined {
  const parts = basename(file).split('_');
  const code = parts.slice(0, 4).join('_');
  return safeParseDocCode(code).ok ? code : undefined;
}

/**
 * Checks a digitised copy: its structure (the writer's check), the vault's record of it (the SHA-256 and size of
 * these bytes, the page count), and its signature (required when the record says it was signed). Any problem
 * makes `ok` false.
 */
export async function verifyCopyFile(
  file: string,
  pdf: Uint8Array,
  options: { vault?: Vault; structure?: StructureCheck | undefined },
): Promise<CopyVerification> {
  const problems: CopyProblem[] = [];
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  let pages: number | null = null;
  try {
    pages = await pdfPageCount(pdf);
  } catch {
    problems.push({ check: 'structure', code: 'unreadable', message: 'The file is not a readable PDF.' });
  }
  let record: CopyRecord | null = null;
  if (options.vault) {
    const byHash = await options.vault.findCopies({ sha256 });
    record = byHash.at(-1) ?? null;
    if (!record) {
      const named = docCodeOfFileName(file);
      const byName = named ? await options.vault.getCopy(named) : undefined;
      record = byName ?? null;
      problems.push({
        check: 'record',
        code: byName ? 'hash-mismatch' : 'not-recorded',
        message: byName
          ? `The file's SHA-256 is not the one recorded for \`${byName.docCode}\`: it was changed after it was made.`
          : 'The vault has no copy with these bytes (and the file name names no recorded DocCode): it was changed, or it is not a copy of this vault.',
      });
    } else {
      if (record.status !== 'stored')
        problems.push({ check: 'record', code: 'not-stored', message: 'The vault has this copy only as reserved.' });
      if (record.size !== undefined && record.size !== pdf.length)
        problems.push({
          check: 'record',
          code: 'size-mismatch',
          message: 'The file size differs from the recorded one.',
        });
      if (record.replacedBy)
        problems.push({
          check: 'record',
          code: 'replaced',
          message: `This version was replaced by \`${record.replacedBy}\` (a corrected copy).`,
        });
    }
    if (record?.pageCount !== undefined && pages !== null && record.pageCount !== pages)
      problems.push({
        check: 'record',
        code: 'page-count',
        message: `The file has ${pages} page(s); the recorded copy has ${record.pageCount}.`,
      });
  }
  const signature = verifySignature(pdf);
  if (signature.signed && !signature.ok)
    for (const p of signature.problems) problems.push({ check: 'signature', code: p.code, message: p.message });
  if (!signature.signed && record?.signed)
    problems.push({ check: 'signature', code: 'unsigned', message: 'The recorded copy was signed; this file is not.' });
  let structure: CopyVerification['structure'] = 'unavailable';
  if (options.structure) {
    structure = 'checked';
    const expected = record
      ? {
          docCode: record.docCode,
          ...(record.pageCount !== undefined && { pageAmount: record.pageCount }),
          ...(record.sourceSha256 !== undefined && { sourceSha256: record.sourceSha256 }),
        }
      : undefined;
    const result = await options.structure(pdf, expected);
    for (const p of result.problems) problems.push({ check: 'structure', code: p.code, message: p.message });
    if (!result.ok && result.problems.length === 0)
      problems.push({ check: 'structure', code: 'invalid', message: 'The structure check failed.' });
  } else {
    problems.push({
      check: 'structure',
      code: 'unchecked',
      message:
        'This build has no copy structure check (`verifyCopyStructure` of @sohoa/archive); the PDF/A structure and metadata were not checked.',
    });
  }
  return { version: 1, file, ok: problems.length === 0, sha256, pages, record, signature, structure, problems };
}

const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);

export async function runCopyVerify(file: string, opts: { vault?: string; json?: boolean }): Promise<number> {
  let pdf: Uint8Array;
  try {
    pdf = readFileSync(resolve(file));
  } catch (cause) {
    throw new SohoaError('INGEST_FILE_NOT_FOUND', `Cannot read \`${basename(file)}\`.`, { cause });
  }
  const structure: StructureCheck = verifyCopyStructure;
  const result = opts.vault
    ? await withVault(opts.vault, (vault) => verifyCopyFile(file, pdf, { vault, structure }))
    : await verifyCopyFile(file, pdf, { structure });
  if (!opts.vault)
    result.problems.push({
      check: 'vault',
      code: 'no-vault',
      message: 'No --vault: the recorded hash and page count were not compared.',
    });
  result.ok = result.problems.length === 0;
  if (opts.json) out(JSON.stringify(result, null, 2));
  else {
    const failed = (check: string) => result.problems.some((p) => p.check === check);
    const mark = (check: string) => (failed(check) ? 'FAIL' : 'ok  ');
    out(`${basename(file)}: ${result.ok ? 'valid' : 'NOT VALID'}`);
    out(`  ${mark('structure')} structure${result.structure === 'unavailable' ? ' (not checked)' : ''}`);
    out(
      `  ${mark('record')} recorded copy${result.record ? ` ${result.record.docCode} (${result.record.pageCount ?? '?'} page(s))` : ''}`,
    );
    out(
      `  ${mark('signature')} signature${result.signature.signed ? ` by ${result.signature.name ?? '?'} at ${result.signature.signingTime ?? '?'}` : ' (none)'}`,
    );
    for (const p of result.problems) out(`  - ${p.check}/${p.code}: ${p.message}`);
  }
  return result.ok ? EXIT.ok : EXIT.failed;
}

export async function runCopyShow(
  code: string,
  opts: { vault?: string; json?: boolean; copies?: string },
): Promise<number> {
  const parsed = safeParseDocCode(code);
  if (!parsed.ok)
    throw new SohoaError('ARCHIVE_DOCCODE_INVALID', parsed.diagnostics[0]!.message, {
      diagnostics: parsed.diagnostics,
    });
  const record = await withVault(opts.vault, (vault) => vault.getCopy(code.trim()));
  if (!record)
    throw new SohoaError('VAULT_COPY_NOT_FOUND', `The vault has no copy \`${code.trim()}\`.`, {
      details: { docCode: code.trim() },
    });
  const path =
    record.location !== undefined && opts.copies
      ? directoryStore({ root: opts.copies }).locate(record.location)
      : undefined;
  if (opts.json) out(JSON.stringify({ version: 1, copy: record, ...(path && { path }) }, null, 2));
  else {
    const rows: Array<[string, string | number | boolean | undefined]> = [
      ['DocCode', record.docCode],
      ['status', record.status],
      ['where', path ?? record.location],
      ['document', record.documentId],
      ['version', record.version],
      ['pages', record.pageCount],
      ['size', record.size],
      ['sha256', record.sha256],
      ['signed', record.signed],
      ['made', record.createdAt],
      ['replaced by', record.replacedBy],
    ];
    for (const [k, v] of rows) if (v !== undefined) out(`${k.padEnd(12)}${v}`);
  }
  return EXIT.ok;
}
