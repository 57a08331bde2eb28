import type {
  AuditCheckpointStore,
  AuditAction,
  AuditEntry,
  AuditVerification,
  MasterKey,
  VaultDriver,
} from '../types';
import { defaultCheckpointStore } from '../audit-checkpoint';
import { fromAuditRow, GENESIS_HASH, toAuditRow, toCheckpoint, verifyChain } from './audit-chain';
import { resolveAuditKey, rewrapAuditKey, type AuditKeyState } from './audit-key';
import { randomSubjectTag } from './blind-index';
import { subjectTag } from './crypto';

/** Entries of reads, committed without waiting for the disk on SQLite (`deferFlush`; the trade is in docs/privacy.md). */
const READ_ACTIONS: ReadonlySet<AuditAction> = new Set(['read', 'read-denied']);

/** One entry to append; `tag` overrides the subject's pseudonym (an erasure's entry keeps the erased one). */
export type AuditInput = {
  actor: string;
  action: AuditAction;
  subjectId?: string;
  tag?: string;
  keys?: string[];
} & Partial<Pick<AuditEntry, 'purpose' | 'form' | 'grantId' | 'documentId'>>;

/** The vault's audit log: the keyed chain, its checkpoint and the subjects' pseudonyms. */
export interface AuditLog {
  append(entry: AuditInput): Promise<void>;
  /** The subject's pseudonym (created when asked and absent). */
  tagOf(subjectId: string, create: boolean): Promise<string | undefined>;
  /** Drop the cached pseudonym of an erased subject. */
  forget(subjectId: string): void;
  /** The citizen's view: the subject's entries. */
  entriesOf(subjectId: string): Promise<AuditEntry[]>;
  verify(head?: string): Promise<AuditVerification>;
  /** After a master key rotation: the audit key rewrapped (unless it is an external `auditKey`). */
  rewrap(master: MasterKey): Promise<void>;
  close(): Promise<void>;
}

/**
 * The audit log of one vault over its (blind-index or clear-id) driver. Pseudonyms are random, stored per
 * subject and deleted at erasure, so erased entries cannot be linked back by trying ID numbers; a clear-id
 * vault that used a salted HMAC keeps it for its subjects.
 */
export function createAuditLog(options: {
  driver: VaultDriver;
  /** Whether the driver is the blind index (which drops the legacy salt when it migrates). */
  blind: boolean;
  now: () => Date;
  master?: MasterKey;
  masters: ReadonlyMap<string, MasterKey>;
  auditKey?: Uint8Array;
  checkpoint?: AuditCheckpointStore | false;
}): AuditLog {
  const { driver, now, master, masters, auditKey } = options;
  const tags = new Map<string, string>();
  let salt: Promise<string | undefined> | undefined;
  const legacySalt = () => (options.blind ? Promise.resolve(undefined) : (salt ??= driver.meta('audit-salt')));
  const newTag = (legacy: string | undefined, subjectId: string) => () =>
    legacy !== undefined ? subjectTag(legacy, subjectId) : randomSubjectTag();

  const checkpoints = options.checkpoint === false ? undefined : (options.checkpoint ?? defaultCheckpointStore(driver));
  let keyState: Promise<AuditKeyState> | undefined;
  const state = () =>
    (keyState ??= resolveAuditKey(driver, { ...(master && { master }), masters, ...(auditKey && { auditKey }) }).catch(
      (error: unknown) => {
        keyState = undefined;
        throw error;
      },
    ));
  let checkpointed = 0;

  async function tagOf(subjectId: string, create: boolean): Promise<string | undefined> {
    let tag = tags.get(subjectId) ?? (await driver.subjectTag(subjectId));
    if (tag === undefined && create) tag = await driver.subjectTag(subjectId, newTag(await legacySalt(), subjectId));
    if (tag !== undefined) tags.set(subjectId, tag);
    return tag;
  }

  return {
    tagOf,
    async append(entry) {
      const { subjectId, tag: knownTag, keys = [], ...rest } = entry;
      const cached = knownTag ?? (subjectId !== undefined ? tags.get(subjectId) : undefined);
      // A subject's pseudonym not known yet is read (or created) in the append's own transaction: one commit.
      const subject =
        cached === undefined && subjectId !== undefined
          ? { id: subjectId, initTag: newTag(await legacySalt(), subjectId) }
          : undefined;
      const at = now().toISOString();
      const { key } = await state();
      const row = await driver.appendAudit(
        (last, stored) => {
          const tag = cached ?? stored;
          return toAuditRow(
            {
              ...rest,
              seq: (last?.seq ?? 0) + 1,
              at,
              keys,
              ...(tag !== undefined && { subjectTag: tag }),
              prevHash: last?.hash ?? GENESIS_HASH,
            },
            key,
          );
        },
        { ...(subject && { subject }), ...(READ_ACTIONS.has(entry.action) && { deferFlush: true }) },
      );
      if (subject && row.subjectTag !== undefined) tags.set(subject.id, row.subjectTag);
      if (checkpoints && row.seq > checkpointed) {
        checkpointed = row.seq;
        await checkpoints.write(toCheckpoint(row, key));
      }
    },
    forget(subjectId) {
      tags.delete(subjectId);
    },
    async entriesOf(subjectId) {
      const tag =
        (await tagOf(subjectId, false)) ??
        ((await driver.meta('audit-salt')) !== undefined ? await tagOf(subjectId, true) : undefined);
      if (tag === undefined) return [];
      return (await driver.listAudit(tag)).map((r) => ({ ...fromAuditRow(r), subjectId }));
    },
    async verify(head) {
      const { key, keyedFrom } = await state();
      const checkpoint = checkpoints ? ((await checkpoints.read()) ?? null) : undefined;
      return verifyChain(await driver.listAudit(), {
        ...(key && { key }),
        ...(keyedFrom !== undefined && { keyedFrom }),
        ...(head !== undefined && { head }),
        ...(checkpoint !== undefined && { checkpoint }),
      });
    },
    async rewrap(next) {
      const { key } = await state();
      if (key && !auditKey) await rewrapAuditKey(driver, next, key);
    },
    async close() {
      tags.clear();
      await checkpoints?.close?.();
    },
  };
}
