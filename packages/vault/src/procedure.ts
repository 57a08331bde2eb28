import { SohoaError } from '@sohoa/core';
import type { Procedure, ProcedureRequirement } from './types';

type Json = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/**
 * Turn a procedure record of the national procedure database (the shape of `ChiTietTTHC` exports:
 * `metadata.mã_thủ_tục`, `tables.thanh_phan_ho_so[]`, `content.kết_quả_thực_hiện`) into a
 * {@link Procedure}: its code, name and the dossier components it requires.
 *
 * @example
 * const procedure = procedureFromRecord(JSON.parse(readFileSync('1.013628.json', 'utf8')));
 */
export function procedureFromRecord(record: unknown): Procedure {
  const r = (record ?? {}) as Json;
  const metadata = (r.metadata ?? {}) as Json;
  const content = (r.content ?? {}) as Json;
  const tables = (r.tables ?? {}) as Json;
  const code = str(metadata['mã_thủ_tục']) ?? str(r.thu_tuc_id);
  const name = str(metadata['tên_thủ_tục']);
  if (!code || !name) {
    throw new SohoaError(
      'VAULT_DOSSIER_INVALID',
      'The procedure record has no `metadata.mã_thủ_tục` or `metadata.tên_thủ_tục`; pass a record of the procedure database export.',
    );
  }
  const rows = Array.isArray(tables.thanh_phan_ho_so) ? (tables.thanh_phan_ho_so as Json[]) : [];
  const requirements: ProcedureRequirement[] = rows
    .filter((row) => str(row?.ten_giay_to) !== undefined)
    .map((row, i) => {
      const note = str(row.ghi_chu) ?? '';
      const form = str(row.so_luong);
      return {
        id: `r${i + 1}`,
        name: str(row.ten_giay_to)!,
        ...(form !== undefined && /\.(docx?|pdf|xlsx?)$/i.test(form) && { form }),
        originals: countAfter(note, 'Bản chính'),
        copies: countAfter(note, 'Bản sao'),
      };
    });
  const field = str(metadata['lĩnh_vực']);
  const result = str(content['kết_quả_thực_hiện']);
  return { code, name, ...(field !== undefined && { field }), requirements, ...(result !== undefined && { result }) };
}

function countAfter(note: string, label: string): number {
  const m = new RegExp(`${label}\\s*:\\s*(\\d+)`, 'i').exec(note.normalize('NFC'));
  return m ? Number(m[1]) : 0;
}
