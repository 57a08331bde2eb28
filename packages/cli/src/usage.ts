import type { Command, Option } from 'commander';
import { editDistance } from '@sohoa/vn';
import { EXIT, UsageError } from './errors';

/** Printed after `sohoa --help`: examples, the environment and the exit codes. */
export const HELP_FOOTER = `
Examples:
  sohoa digitize scans/ --vault records.db        digitise a folder of scans into a vault (created when missing)
  export SOHOA_VAULT=records.db                   name the vault once instead of --vault in every command
  sohoa coverage schemas/forms/*.schema.json --subject 001199012345 --min 0.2
  sohoa fill form.schema.json --subject 001199012345 --pdf out.pdf --xml out.xml
  sohoa review list                               fields the machine is not sure of
  sohoa digitize box1/ --vault records.db --copies copies/ --agency G09.01.02 --sign unit.p12
                                                  also write a signed PDF/A copy of every document
  sohoa copy verify copies/G09.01.02_GKS_000021_V1_20260115_GiayKhaiSinh.pdf --vault records.db
  sohoa worker --queue postgres://… --vault postgres://… --input-root /mnt/scans --log-format json

Environment:
  SOHOA_VAULT        the vault when --vault is not given
  SOHOA_MASTER_KEY   the master key (required for PostgreSQL; a SQLite vault otherwise uses <file>.key)
  SOHOA_AGENCY       the agency code of DocCodes when --agency is not given
  SOHOA_SIGN_PASSWORD  the password of the --sign PKCS#12
  SOHOA_GAZETTEER_DIR  the administrative-unit datasets when digitize's --gazetteer is not given
  NO_COLOR           no colour in tables (colour is used only on a terminal)

Exit codes:
  ${EXIT.ok}    done
  ${EXIT.failed}    failed: an error, a file that failed, a form below --min
  ${EXIT.usage}    usage error: unknown option or command, missing or invalid argument
  ${EXIT.internal}   internal error (a bug: please report it with the command you ran)
  130  stopped by Ctrl-C (digitize continues with --resume)

Run \`sohoa <command> --help\` for a command's options.\n`;

/**
 * Reports a mistyped long option (`--subjet`) as unknown, with a suggestion, before commander checks
 * required options (which would otherwise report the required `--subject` as missing).
 */
export function checkUnknownOptions(program: Command, args: readonly string[]): void {
  let command = program;
  const chain = () => {
    const options: Option[] = [];
    for (let c: Command | null = command; c; c = c.parent) options.push(...c.options);
    return options;
  };
  for (let i = 0; i < args.length; i++) {
    const token = args[i]!;
    if (token === '--') return;
    if (token.startsWith('--')) {
      const [name, inline] = token.split(/=(.*)/s);
      if (name === '--help') continue;
      const options = chain();
      const option = options.find((o) => o.long === name);
      if (!option) {
        const longs = options.map((o) => o.long).filter((l): l is string => Boolean(l));
        const limit = Math.max(2, Math.floor(name!.length / 4));
        const best = longs.map((l) => ({ l, d: editDistance(name!, l, limit) })).sort((a, b) => a.d - b.d)[0];
        const hint = best && best.d <= limit ? ` (did you mean ${best.l}?)` : '';
        const where = command === program ? 'sohoa' : `sohoa ${commandPath(command)}`;
        throw new UsageError(
          `unknown option '${name}' for \`${where}\`${hint}; run \`${where} --help\` for its options`,
        );
      }
      if (option.required && inline === undefined) i++;
      continue;
    }
    if (token.startsWith('-')) {
      const option = chain().find((o) => o.short === token.slice(0, 2));
      if (option?.required && token.length === 2) i++;
      continue;
    }
    const sub = command.commands.find((c) => c.name() === token || c.aliases().includes(token));
    if (sub) command = sub;
  }
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
