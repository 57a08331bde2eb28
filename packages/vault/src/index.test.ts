import { expect, it } from 'vitest';
import * as vault from './index';
import * as memory from './drivers/memory';
import * as sqlite from './drivers/sqlite';
import * as postgres from './drivers/postgres';

it('pins the public exports', () => {
  expect(Object.keys(vault).sort()).toEqual([
    'SEALED_EXPORT_FORMAT',
    'createVault',
    'fileCheckpointStore',
    'formatDossierCode',
    'isSealedExport',
    'openExport',
    'operatorAccess',
    'parseDossierCode',
    'procedureFromRecord',
    'safeParseDossierCode',
    'sealExport',
  ]);
  expect(Object.keys(memory)).toEqual(['memoryDriver']);
  expect(Object.keys(sqlite)).toEqual(['sqliteDriver']);
  expect(Object.keys(postgres)).toEqual(['postgresDriver']);
});
