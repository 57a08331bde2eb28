export { runDigitize, toJsonDocument } from './commands/digitize';
export { runFill, toJsonFill, fillOne } from './commands/fill';
export { runCoverage, formatCoverageTable } from './commands/coverage';
export { runDemo, maskId } from './commands/demo';
export { handleError, EXIT, UsageError } from './errors';
export { writeCopies, type CopyOutcome, type WriteCopiesContext } from './commands/digitize-copies';
