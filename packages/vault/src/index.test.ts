import { expect, it } from 'vitest';
import * as vault from './index';
import * as memory from './drivers/memory';
import * as sqlite from './drivers/sqlite';

it('pins the public exports', () => {
  expect(Object.keys(vault).sort()).toEqual(['createVault']);
  expect(Object.keys(memory)).toEqual(['memoryDriver']);
  expect(Object.keys(sqlite)).toEqual(['sqliteDriver']);
});
