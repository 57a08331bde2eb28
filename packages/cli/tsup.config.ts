import { nodePackage } from '../../tsup.base';

export default nodePackage(['src/bin.ts', 'src/index.ts']);
