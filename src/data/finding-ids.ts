/**
 * Finding ids other code reads back: the ingest writes them into a bundle, the app picks them
 * out of it (the import message names the tables that gave no figure, or not all of them).
 */
import type { Finding } from './schema';

/** Findings about one table, by an id prefix: the id of a table's finding, and the tables found. */
function perTable(prefix: string) {
  return {
    id: (tableId: string): string => `${prefix}${tableId}`,
    tables: (findings: readonly Finding[]): string[] =>
      findings.flatMap((f) => (f.id.startsWith(prefix) ? [f.id.slice(prefix.length)] : [])),
  };
}

const EMPTY_TABLE = perTable('completeness-empty-');
const PARTLY_READ = perTable('completeness-partial-');

/** A standard table recognised by its title whose body gave no figure (ingest checkTablesRead). */
export const emptyTableFindingId = EMPTY_TABLE.id;
/** The tables of a bundle's findings that gave no figure, by id (公开03 …). */
export const emptyTables = EMPTY_TABLE.tables;
/** A standard table some of whose figures could not be placed (ingest partlyReadFinding). */
export const partlyReadFindingId = PARTLY_READ.id;
/** The tables of a bundle's findings read only in part, by id. */
export const partlyReadTables = PARTLY_READ.tables;
