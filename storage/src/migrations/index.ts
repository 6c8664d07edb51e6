export { migrate, bootstrapStatements } from './migrate';
export type { MigrationResult } from './migrate';
export { migrationFiles } from './files';
export type { MigrationFile } from './files';
export { renderMigration } from './render';
export type { Topology } from './render';
