import { parseArgs } from 'node:util';
import { generateSeedSet } from './seed-set';
import { generateCivilSet } from './civil-set';
import { generateBusinessSet } from './business-docs';
import { generateLandSet } from './land-certificate';
import { generateIdCardSet } from './id-cards';

const USAGE =
  'usage: node seeds/dist/cli.js [--seed 1] [--count 6] [--out seeds/data] [--degraded-share 0.5] [--documents N: also N civil documents per type] [--business N: also N business and N land certificates per type] [--id-cards N: also N cards per older/newer ID model]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        seed: { type: 'string', default: '1' },
        count: { type: 'string', default: '6' },
        out: { type: 'string', default: 'seeds/data' },
        'degraded-share': { type: 'string', default: '0.5' },
        documents: { type: 'string', default: '0' },
        business: { type: 'string', default: '0' },
        'id-cards': { type: 'string', default: '0' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const seed = Number(values.seed);
  const count = Number(values.count);
  const degradedShare = Number(values['degraded-share']);
  if (!Number.isInteger(seed) || !Number.isInteger(count) || count < 0 || !(degradedShare >= 0 && degradedShare <= 1)) {
    process.stderr.write(
      `--seed and --count must be integers (count ≥ 0; 0 writes documents only), --degraded-share between 0 and 1\n${USAGE}\n`,
    );
    return 2;
  }
  const started = Date.now();
  const result =
    count > 0 ? await generateSeedSet({ seed, count, outDir: values.out, degradedShare }) : { folders: [] };
  const documents = Number(values.documents);
  if (Number.isInteger(documents) && documents > 0) {
    const civil = await generateCivilSet({ seed, count: documents, outDir: values.out, degradedShare });
    process.stderr.write(`wrote ${civil.folders.length} civil documents to ${values.out}\n`);
  }
  const idCards = Number(values['id-cards']);
  if (Number.isInteger(idCards) && idCards > 0) {
    const cards = await generateIdCardSet({ seed, count: idCards, outDir: values.out, degradedShare });
    process.stderr.write(`wrote ${cards.folders.length} ID cards to ${values.out}\n`);
  }
  const business = Number(values.business);
  if (Number.isInteger(business) && business > 0) {
    const a = await generateBusinessSet({ seed, count: business, outDir: values.out, degradedShare });
    const b = await generateLandSet({ seed, count: business, outDir: values.out, degradedShare });
    process.stderr.write(
      `wrote ${a.folders.length + b.folders.length} business and land certificates to ${values.out}\n`,
    );
  }
  process.stderr.write(
    `wrote ${result.folders.length} people to ${values.out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(
      `${e instanceof Error ? e.stack : String(e)}\nThis is a bug in the seed generator; please report it.\n`,
    );
    process.exit(70);
  },
);
