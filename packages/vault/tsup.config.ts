import { nodePackage } from '../../tsup.base';

export default nodePackage([
  'src/index.ts',
  'src/drivers/memory.ts',
  'src/drivers/sqlite.ts',
  'src/drivers/postgres.ts',
]);
