export type * from './types';
export type { DossierCode } from './dossier-code';
export { createVault } from './vault';
export { operatorAccess } from './operator';
export { fileCheckpointStore } from './audit-checkpoint';
export { formatDossierCode, parseDossierCode, safeParseDossierCode } from './dossier-code';
export { procedureFromRecord } from './procedure';
