import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { SohoaError, writePrivateFile } from '@sohoa/core';
import { isSealedExport, openExport, sealExport, type SubjectExport } from '@sohoa/vault';
import { UsageError } from '../errors';
import { rotateMasterKey, vaultOption, withVault } from '../context';
import { forgetInJournal, traceOf } from './erase-journal';

/** What `registerVaultCommands` needs from `bin.ts`. */
export interface VaultCommandHelpers {
  /** Sets the process exit code once the command finishes (bin.ts owns it). */
  setExitCode(code: number): void;
}

interface Common {
  vault?: string;
  subject?: string;
  actor?: string;
  json?: boolean;
}

const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
const json = (value: unknown) => out(JSON.stringify(value, null, 2));

/** SOHOA_EXPORT_PASSPHRASE, when set and not empty. */
function exportPassphrase(): string | undefined {
  const value = process.env.SOHOA_EXPORT_PASSPHRASE;
  return value === undefined || value === '' ? undefined : value;
}

function needSubject(o: Common): string {
  if (!o.subject) throw new UsageError('missing required option `--subject <id>`');
  return o.subject;
}

function timestamp(value: string): string {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59Z` : value);
  if (Number.isNaN(ms)) throw new InvalidArgumentError('expected an ISO date or timestamp, e.g. 2026-12-31');
  return new Date(ms).toISOString();
}

function list(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  ];
}

/**
 * `sohoa vault show|export|erase|audit|grant|import|rotate-key`: thin commands over `@sohoa/vault`.
 * `--vault` takes a SQLite file or a `postgres://` URL; the CLI reads as `sohoa-cli` under the
 * operator grant unless `--actor` names someone else (then only their stored grants apply).
 */
export function registerVaultCommands(program: Command, helpers: VaultCommandHelpers): Command {
  const vault = program
    .command('vault')
    .description('inspect and manage the data vault: profiles, grants, audit log, export, erasure');
  const common = (cmd: Command, subject: 'required' | 'optional' | 'none' = 'required') => {
    cmd.addOption(vaultOption('SQLite vault file or PostgreSQL URL (master key: SOHOA_MASTER_KEY, else <file>.key)'));
    if (subject !== 'none')
      cmd.option(
        '--subject <id>',
        subject === 'required' ? 'the person or organisation (required)' : 'the person or organisation',
      );
    cmd.option('--actor <id>', 'act as this actor instead of the operator (its grants apply)');
    return cmd;
  };

  common(vault.command('show').description("print a subject's profile: the chosen value per key with its source"))
    .option('--purpose <purpose>', 'purpose recorded in the audit log', 'vault-show')
    .option('--form <form>', 'form recorded in the audit log', 'sohoa-vault-show')
    .option('--as-of <date>', 'reference date for document validity')
    .option('--history', 'print every fact (history and superseded values included) instead of the profile')
    .option('--json', 'print JSON')
    .action(async (o: Common & { purpose: string; form: string; asOf?: string; history?: boolean }) => {
      const subject = needSubject(o);
      await withVault(
        o.vault,
        async (v) => {
          if (o.history) {
            const facts = await v.listFacts(subject, { purpose: o.purpose });
            if (o.json) return json({ facts });
            for (const f of facts)
              out(
                `${f.key.padEnd(34)} ${JSON.stringify(f.value)}  (${f.method} ${f.confidence.toFixed(2)}, ${f.documentType}${f.supersedes ? `, correction by ${f.correctedBy}` : ''})`,
              );
            return;
          }
          const profile = await v.profile(subject, {
            purpose: o.purpose,
            form: o.form,
            ...(o.asOf && { asOf: o.asOf }),
          });
          if (o.json) return json(profile);
          for (const p of Object.values(profile.values)) {
            const flags = [
              p.expired ? 'expired' : '',
              p.alternatives.length > 0 ? `${p.alternatives.length} other value(s)` : '',
            ]
              .filter(Boolean)
              .join(', ');
            out(
              `${p.key.padEnd(34)} ${JSON.stringify(p.value)}  (${p.method} ${p.confidence.toFixed(2)}, ${p.documentType}${flags ? `; ${flags}` : ''})`,
            );
          }
          for (const r of profile.relations) out(`relation: ${r.role} ${r.subjectId ?? '(no id)'}`);
        },
        o,
      );
    });

  common(
    vault
      .command('export')
      .description(
        'write everything about a subject (documents, facts, relations, dossiers, grants, audit) as JSON, sealed with SOHOA_EXPORT_PASSPHRASE',
      ),
  )
    .option(
      '--out <file.json>',
      'write to a file (mode 600) instead of stdout; sealed with SOHOA_EXPORT_PASSPHRASE, required unless --plaintext',
    )
    .option(
      '--plaintext',
      'write the file in clear (only for a destination you control; stdout is in clear unless SOHOA_EXPORT_PASSPHRASE is set)',
    )
    .action(async (o: Common & { out?: string; plaintext?: boolean }) => {
      const subject = needSubject(o);
      const passphrase = o.plaintext ? undefined : exportPassphrase();
      // A file leaves the operator's hands (copied, mailed, backed up): it is sealed unless asked otherwise.
      if (o.out && !o.plaintext && passphrase === undefined) {
        throw new SohoaError(
          'VAULT_EXPORT_PASSPHRASE_MISSING',
          'An export file is sealed with a passphrase: set SOHOA_EXPORT_PASSPHRASE (12 characters or more) and give it to the recipient by another channel, or add `--plaintext` to write it in clear. Nothing was written.',
        );
      }
      await withVault(
        o.vault,
        async (v) => {
          const data = await v.exportSubject(subject);
          const text = `${JSON.stringify(passphrase !== undefined ? sealExport(data, passphrase) : data, null, 2)}\n`;
          if (o.out) writePrivateFile(o.out, text);
          else out(text);
        },
        o,
      );
    });

  common(
    vault.command('import').description('load a subject exported with `sohoa vault export` into this vault'),
    'none',
  )
    .argument('<file.json>', 'an export file')
    .option('--json', 'print JSON')
    .action(async (file: string, o: Common) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(file, 'utf8'));
      } catch (cause) {
        throw new SohoaError(
          'VAULT_IMPORT_INVALID',
          `Could not read \`${file.split(/[\\/]/).pop()}\` as JSON; pass a file written by \`sohoa vault export\`.`,
          { cause },
        );
      }
      const data = isSealedExport(parsed) ? openExport(parsed, exportPassphrase()) : (parsed as SubjectExport);
      await withVault(
        o.vault,
        async (v) => {
          const result = await v.importSubject(data);
          if (o.json) return json(result);
          out(
            `imported: ${result.documents.created} document(s) new, ${result.documents.unchanged} already held, ${result.dossiers} dossier(s), ${result.grants} grant(s)`,
          );
        },
        { ...o, create: true },
      );
    });

  common(
    vault
      .command('erase')
      .description(
        'erase a subject: destroy its data key and remove its rows (the audit log keeps a pseudonymous record)',
      ),
  )
    .option('--yes', 'confirm: erasure cannot be undone')
    .option(
      '--journal <file>',
      "the batch journal whose entries for the subject's files go too (default: <vault>.journal.db)",
    )
    .option('--copies <dir>', "the digitised copies folder: the subject's copies are deleted from it too")
    .option('--json', 'print JSON')
    .action(async (o: Common & { yes?: boolean; journal?: string; copies?: string }) => {
      const subject = needSubject(o);
      if (!o.yes) throw new UsageError('erasure cannot be undone: add `--yes` to confirm');
      await withVault(
        o.vault,
        async (v) => {
          const trace = await traceOf(v, subject);
          const result = await v.erase(subject);
          const journalEntries = await forgetInJournal(trace, o.vault, o.journal);
          // The vault erased the copies' records; their files go from the copies folder when it is named.
          const left = result.copyLocationsLeft ?? [];
          if (o.copies && left.length > 0) {
            const store = (await import('@sohoa/archive')).directoryStore({ root: o.copies });
            for (const location of left) await store.delete(location);
          }
          const copyFilesLeft = o.copies ? [] : left;
          if (o.json) return json({ ...result, copyLocationsLeft: copyFilesLeft, journalEntries });
          out(
            result.erased
              ? `erased: ${result.documents} document(s), ${result.facts} fact(s), ${result.dossiers} dossier(s), ${result.copies ?? 0} copy record(s); data key destroyed`
              : 'nothing to erase: the subject is not in the vault',
          );
          if (copyFilesLeft.length > 0)
            out(
              `${copyFilesLeft.length} digitised copy file(s) are still in the copies folder: ${copyFilesLeft.join(', ')} — delete them, or run with --copies <dir>`,
            );
        },
        o,
      );
    });

  common(
    vault
      .command('audit')
      .description("the subject's data tracker (who read what, when, why); --verify checks the whole hash chain"),
    'optional',
  )
    .option(
      '--verify',
      'recompute the chain and compare it with the checkpoint beside the vault; exit 1 when an entry was edited, deleted, reordered or the log truncated',
    )
    .option('--head <hash>', 'with --verify: a head hash kept from before, to detect a truncated log')
    .option('--json', 'print JSON')
    .action(async (o: Common & { verify?: boolean; head?: string }) => {
      if (!o.verify && !o.subject)
        throw new UsageError('pass `--subject <id>` to list its audit entries, or `--verify` to check the chain');
      await withVault(
        o.vault,
        async (v) => {
          const entries = o.subject ? await v.listAudit(o.subject) : undefined;
          const verification = o.verify ? await v.verifyAudit(o.head ? { head: o.head } : {}) : undefined;
          if (o.json) return json({ ...(entries && { entries }), ...(verification && { verification }) });
          for (const e of entries ?? []) {
            out(
              `${e.at}  ${e.action.padEnd(11)} ${e.actor}  purpose=${e.purpose ?? '-'}  form=${e.form ?? '-'}  keys=${e.keys.length === 1 ? e.keys[0] : e.keys.length}`,
            );
          }
          if (verification) {
            const how = `${verification.mac === 'hmac-sha256' ? 'keyed (HMAC-SHA-256)' : verification.mac === 'mixed' ? `keyed after ${verification.unkeyedEntries} unkeyed entries` : 'unkeyed (SHA-256: anyone with the file can rewrite it)'}, checkpoint ${typeof verification.checkpoint === 'number' ? `at entry ${verification.checkpoint}` : verification.checkpoint}`;
            out(
              verification.ok
                ? `audit chain ok: ${verification.entries} entries, head ${verification.head}; ${how}`
                : `audit chain BROKEN at entry ${verification.brokenAt?.seq} (${verification.brokenAt?.reason}); ${verification.entries} entries; ${how}`,
            );
            if (!verification.ok) helpers.setExitCode(1);
          }
        },
        o,
      );
    });

  common(
    vault
      .command('grant')
      .description('give, list or revoke a grant: who may read which keys of a subject, for what, until when'),
    'optional',
  )
    .option('--to <actor>', 'who may read, e.g. portal:dichvucong')
    .option('--purpose <purpose>', 'the purpose reads must name')
    .option('--keys <patterns>', 'key patterns, comma-separated: person.fullName,person.*,* (repeatable)', list)
    .option('--form <form>', 'restrict to a form id (repeatable)', list)
    .option('--expires <date>', 'ISO date or timestamp the grant ends', timestamp)
    .option('--by <actor>', 'who gives it (recorded in the audit log)')
    .option('--list', "list the subject's grants")
    .option('--revoke <grantId>', 'revoke a stored grant')
    .option('--json', 'print JSON')
    .action(
      async (
        o: Common & {
          to?: string;
          purpose?: string;
          keys?: string[];
          form?: string[];
          expires?: string;
          by?: string;
          list?: boolean;
          revoke?: string;
        },
      ) => {
        await withVault(
          o.vault,
          async (v) => {
            if (o.revoke) {
              const g = await v.revokeGrant(o.revoke, o.by ? { actor: o.by } : {});
              return o.json ? json(g) : out(`revoked ${g.id}`);
            }
            const subject = needSubject(o);
            if (o.list) {
              const grants = await v.listGrants(subject);
              if (o.json) return json({ grants });
              for (const g of grants) {
                out(
                  `${g.id}  to=${g.to} purpose=${g.purpose} keys=${g.keys.join(',')}${g.forms ? ` forms=${g.forms.join(',')}` : ''} expires=${g.expiresAt ?? 'never'}${g.revokedAt ? ` REVOKED ${g.revokedAt}` : ''}`,
                );
              }
              return;
            }
            if (!o.to || !o.purpose || !o.keys?.length || !o.expires) {
              throw new UsageError(
                'a grant needs `--to <actor> --purpose <purpose> --keys <patterns> --expires <date>` (or `--list`, `--revoke <id>`)',
              );
            }
            const g = await v.grant({
              to: o.to,
              subject,
              purpose: o.purpose,
              keys: o.keys,
              expiresAt: o.expires,
              ...(o.form?.length && { forms: o.form }),
              ...(o.by && { grantedBy: o.by }),
            });
            if (o.json) return json(g);
            out(`granted ${g.id}: ${g.to} may read ${g.keys.join(',')} for ${g.purpose} until ${g.expiresAt}`);
          },
          o,
        );
      },
    );

  common(
    vault
      .command('rotate-key')
      .description(
        'rewrap every data key under a new master key: a new key in <file>.key, or SOHOA_MASTER_KEY (old keys in SOHOA_PREVIOUS_MASTER_KEYS)',
      ),
    'none',
  ).action(async (o: Common) => {
    const result = await rotateMasterKey(o.vault, o);
    out(
      `rewrapped ${result.rewrapped} data key(s) under master key \`${result.keyId}\`${result.keyFile ? `; key file ${result.keyFile.split(/[\\/]/).pop()} updated (keep a backup of it)` : ''}`,
    );
  });

  common(
    vault
      .command('encrypt-plaintext')
      .description('one-way: seal the values an older, unencrypted use of this vault left in plaintext (audited)'),
    'none',
  )
    .option('--json', 'print JSON')
    .action(async (o: Common) => {
      await withVault(
        o.vault,
        async (v) => {
          const result = await v.encryptPlaintext();
          if (o.json) return json(result);
          out(`sealed ${result.values} plaintext value(s) of ${result.subjects} subject(s)`);
        },
        o,
      );
    });

  return vault;
}
