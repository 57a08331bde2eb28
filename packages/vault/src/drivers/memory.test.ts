import { runVaultContract } from '../driver-contract';
import { memoryDriver } from './memory';

runVaultContract('memory', () => memoryDriver());
