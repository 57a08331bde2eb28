import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadFormSchema } from '@sohoa/eform';
import { startPortal } from './app';
import { createDemoVault } from './demo-vault';

// Built to examples/portal/dist/server/main.js.
const example = fileURLToPath(new URL('../../', import.meta.url));
const repo = join(example, '../..');
const cards = ['03-huynh-thi-xoan', '02-nguyen-thanh-thuy'].map((slug) => join(repo, 'seeds/data/cccd', slug));
const webRoot = join(example, 'dist/web');

if (!existsSync(join(webRoot, 'index.html'))) {
  console.error(
    'The web page is not built: run `pnpm --filter @sohoa/example-portal build` (or `pnpm example:portal` from the repository root).',
  );
  process.exit(1);
}
console.error('Building the demo vault from the seed scans (real OCR)…');
const demo = await createDemoVault({ cards, log: (line) => console.error(line) });
const schema = await loadFormSchema(join(repo, 'schemas/forms/to-khai-dang-ky-khai-sinh.schema.json'));
const portal = await startPortal({
  vault: demo.vault,
  schema,
  citizens: demo.citizens,
  webRoot,
  port: Number(process.env.PORT ?? 5173),
});
console.log(`Portal running at ${portal.url}  (Ctrl-C to stop)`);

const stop = async () => {
  await portal.close();
  await demo.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
