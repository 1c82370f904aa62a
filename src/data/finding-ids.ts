/**
 * Finding ids other code reads back: the ingest writes them into a bundle, the app picks them
 * out of it (the import message names the tables that gave no figure, or not all of them).
 */
import type { Finding } from './schema';

const EMPTY_TABLE = 'completeness-empty-';

/** A standard table recognised by its title whose body gave no figure (ingest checkTablesRead). */
export function emptyTableFindingId(tableId: string): string {
  return `${EMPTY_TABLE}${tableId}`;
}

/** The tables of a bundle's findings that gave no figure, by id (公开03 …). */
export function emptyTables(findings: readonly Finding[]): string[] {
  return findings.flatMap((f) =>
    f.id.startsWith(EMPTY_TABLE) ? [f.id.slice(EMPTY_TABLE.length)] : [],
  );
}

const PARTLY_READ = 'completeness-partial-';

/** A standard table some of whose figures could not be placed (ingest partlyReadFinding). */
export function partlyReadFindingId(tableId: string): string {
  return `${PARTLY_READ}${tableId}`;
}

/** The tables of a bundle's findings read only in part, by id. */
export function partlyReadTables(findings: readonly Finding[]): string[] {
  return findings.flatMap((f) =>
    f.id.startsWith(PARTLY_READ) ? [f.id.slice(PARTLY_READ.length)] : [],
  );
}
