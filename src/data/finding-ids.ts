/**
 * Finding ids other code reads back: the ingest writes them into a bundle, the app picks them
 * out of it (the import message names the tables that gave no figure).
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
