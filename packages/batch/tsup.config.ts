import { nodePackage } from '../../tsup.base';

export default nodePackage([
  'src/index.ts',
  'src/journal/sqlite.ts',
  'src/queue/pg-boss.ts',
  'src/internal/isolated-child.ts',
]);
