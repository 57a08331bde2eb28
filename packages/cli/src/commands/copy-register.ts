import type { Command } from 'commander';
import { vaultOption } from '../context';

// The copy commands load PDF and signing code only when run.
const load = () => import('./copy');

/** `sohoa copy verify|show`: the digitised copies (docs/digitised-copy.md). */
export function registerCopyCommands(program: Command, setExitCode: (code: number) => void): Command {
  const copy = program
    .command('copy')
    .description('digitised copies (PDF/A, DocCode, signature): verify a copy file, show where a copy is');
  copy
    .command('verify')
    .description(
      'check a copy: PDF/A structure and metadata, the recorded hash, size and page count, and the signature; exits 1 on any problem',
    )
    .argument('<file.pdf>')
    .addOption(vaultOption('the vault that recorded the copy (without it, only structure and signature)', false))
    .option('--json', 'print one JSON document')
    .action(async (file: string, opts) => setExitCode(await (await load()).runCopyVerify(file, opts)));
  copy
    .command('show')
    .description('print where a copy is and what the vault records of it')
    .argument('<DocCode>', 'e.g. G09.01.02_GKS_000021_V1')
    .addOption(vaultOption('the vault'))
    .option('--copies <dir>', 'the copies folder, to print the full path')
    .option('--json', 'print JSON')
    .action(async (code: string, opts) => setExitCode(await (await load()).runCopyShow(code, opts)));
  return copy;
}
