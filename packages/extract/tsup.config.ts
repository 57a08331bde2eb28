import { nodePackage } from '../../tsup.base';

export default nodePackage(['src/index.ts']);
