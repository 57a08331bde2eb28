// Child process of the durability test: writes documents to a SQLite vault and prints
// `ack <documentId> <facts>` after each `putDocument()` resolves, until it is killed.
// Usage: node vault-writer.mjs <vault.db> <master key hex> <first person index>
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cardRecord } from './vault-records.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { createVault } = await import(join(root, 'packages/vault/dist/index.js'));
const { sqliteDriver } = await import(join(root, 'packages/vault/dist/drivers/sqlite.js'));
const [path, keyHex, first] = process.argv.slice(2);
const vault = createVault({
  driver: sqliteDriver({ path }),
  masterKey: { id: 'bench', key: Buffer.from(keyHex, 'hex') },
});
for (let i = Number(first); ; i++) {
  const put = await vault.putDocument(cardRecord(i));
  process.stdout.write(`ack ${put.documentId} ${put.factsAdded}\n`);
}
