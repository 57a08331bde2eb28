export type * from './types';
export type { DossierCode } from './dossier-code';
export { createVault } from './vault';
export { operatorAccess } from './operator';
export { fileCheckpointStore } from './audit-checkpoint';
export { isSealedExport, openExport, sealExport, SEALED_EXPORT_FORMAT, type SealedExport } from './export-file';
export { formatDossierCode, parseDossierCode, safeParseDossierCode } from './dossier-code';
export { procedureFromRecord } from './procedure';
