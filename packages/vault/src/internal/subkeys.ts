import { hkdfSync } from 'node:crypto';
import type { MasterKey } from '../types';

/**
 * A 256-bit key for one purpose, derived from a master key with HKDF-SHA-256 (the label is the HKDF
 * `info`), so one secret never serves two algorithms and a derived key reveals nothing of the master.
 */
export function deriveSubkey(master: MasterKey, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master.key, new Uint8Array(0), Buffer.from(label, 'utf8'), 32));
}
