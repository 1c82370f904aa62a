/**
 * Table → .xlsx, written here (no library: the app has a size budget). One sheet of
 * SpreadsheetML in a ZIP deflated by the browser's CompressionStream (`zip-store.ts`). Row 1 is
 * the title (caption: unit, year, scope), row 2 the header, both bold and frozen, then the rows.
 *
 * The table as shown is first put in spreadsheet form (`export-sheet.ts`): document labels split
 * into 单位 / 年度 / 口径 / 类型, flags and direction words beside their figure, one unit a column.
 * Figures stay exact: a cell such as "42,684.35" becomes a number only when it is a plain
 * decimal that a JS number prints back unchanged, and the sheet XML then holds the printed digits
 * themselves ("42684.35"), never a binary approximation; its number format keeps the printed
 * decimals and grouping ("#,##0.00"). A rate "1,838.93%" is the number 18.3893 shown as 0.00%.
 * Text is always a shared string, which a spreadsheet never evaluates, so a unit named
 * "=HYPERLINK(…)" stays text.
 *
 * Parts: [Content_Types].xml, _rels/.rels, xl/workbook.xml, xl/_rels/workbook.xml.rels,
 * xl/worksheets/sheet1.xml, xl/styles.xml, xl/sharedStrings.xml.
 */
import { canonicalDecimal, sheetTable } from './export-sheet';
import type { SheetCell, SheetTable } from './export-sheet';
import type { ExportTable } from './export-table';
import { zipDeflate } from './zip-store';

export { numberFormatOf } from './export-sheet';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const AMOUNT_RE = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/**
 * The JS number that prints back as exactly this decimal, or null (then store as text). Number
 * → String gives the shortest decimal that round-trips, so equality means the value Excel reads
 * from the sheet XML is the double nearest the printed digits, and shows them unchanged.
 */
export function exactNumber(text: string): number | null {
  if (!AMOUNT_RE.test(text)) return null;
  const canonical = canonicalDecimal(text);
  const n = Number(canonical);
  return Number.isFinite(n) && String(n) === canonical ? n : null;
}

/** Text as XML 1.0 allows it: control characters (but tab, LF, CR), lone surrogates, U+FFFE/F out. */
function xmlChars(text: string): string {
  return text.replace(/[^\P{Cc}\t\n\r]|\p{Cs}|[\uFFFE\uFFFF]/gu, '');
}

/**
 * Cell text: XML-valid, within Excel's 32,767 characters a cell, and "_x0041_"-like runs guarded,
 * since Excel would decode them.
 */
function cellText(text: string): string {
  return xmlChars(text)
    .slice(0, 32767)
    .replace(/\p{Cs}/gu, '')
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** "A", …, "Z", "AA", … for a 0-based column index. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/**
 * Excel forbids []:*?/\ in sheet names, a leading or trailing ', more than 31 characters and the
 * reserved name "History".
 */
function sheetName(title: string): string {
  const name = xmlChars(title)
    .replace(/[[\]:*?/\\\t\n\r]/g, ' ')
    .replace(/^[\s']+|[\s']+$/g, '')
    .slice(0, 31)
    .replace(/\p{Cs}/gu, '') // a surrogate pair cut in half by the slice
    .trimEnd()
    .replace(/'+$/, '');
  return name && name.toLowerCase() !== 'history' ? name : '数据';
}

/** Column width in characters: wide enough for the header and the longest cell, within 8–60. */
function columnWidths(table: SheetTable): number[] {
  return table.columns.map((c, i) => {
    let width = Math.max(8, c.length * 2);
    for (const row of table.rows) width = Math.max(width, cellLength(row[i] ?? '') * 1.6);
    return Math.round(Math.min(60, width) * 100) / 100;
  });
}

function cellLength(cell: SheetCell): number {
  return typeof cell === 'string' ? cell.length : cell.number.length + 2;
}

const STYLE_BOLD = 1;
const FIRST_NUMBER_STYLE = 2;
const FIRST_CUSTOM_FORMAT = 164; // ids below are Excel's built-in formats

function sheetXml(table: SheetTable, sharedString: (text: string) => number, formats: string[]) {
  const rows: SheetCell[][] = [
    [table.title || ' '],
    table.columns.map((c) => c || ' '),
    ...table.rows,
  ];
  let maxColumns = 1;
  const body = rows.map((row, r) => {
    const cells = row.map((cell, c) => {
      const ref = `${columnName(c)}${r + 1}`;
      if (typeof cell === 'object') {
        let f = formats.indexOf(cell.format);
        if (f < 0) f = formats.push(cell.format) - 1;
        return `<c r="${ref}" s="${FIRST_NUMBER_STYLE + f}"><v>${cell.number}</v></c>`;
      }
      const text = cell;
      if (text === '') return '';
      const style = r < 2 ? ` s="${STYLE_BOLD}"` : '';
      return `<c r="${ref}"${style} t="s"><v>${sharedString(text)}</v></c>`;
    });
    maxColumns = Math.max(maxColumns, row.length);
    return `<row r="${r + 1}">${cells.join('')}</row>`;
  });
  const cols = columnWidths(table)
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="A1:${columnName(maxColumns - 1)}${rows.length}"/>` +
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0">' +
    '<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A3" sqref="A3"/>' +
    '</sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${body.join('')}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>'
  );
}

function stylesXml(formats: readonly string[]): string {
  const numFmts = formats
    .map((f, i) => `<numFmt numFmtId="${FIRST_CUSTOM_FORMAT + i}" formatCode="${escapeXml(f)}"/>`)
    .join('');
  const numberXfs = formats
    .map(
      (_, i) =>
        `<xf numFmtId="${FIRST_CUSTOM_FORMAT + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
    )
    .join('');
  const font = (bold: boolean) =>
    `<font>${bold ? '<b/>' : ''}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
  return (
    `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
    (formats.length ? `<numFmts count="${formats.length}">${numFmts}</numFmts>` : '') +
    `<fonts count="2">${font(false)}${font(true)}</fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill>' +
    '<fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${FIRST_NUMBER_STYLE + formats.length}">` +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
    `${numberXfs}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

function relationships(rels: [type: string, target: string][]): string {
  const items = rels
    .map(
      ([type, target], i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL_NS}/${type}" Target="${target}"/>`,
    )
    .join('');
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${items}</Relationships>`;
}

/** The package parts by path, as XML text (exposed for tests). */
export function xlsxParts(shown: ExportTable): Record<string, string> {
  const table = sheetTable(shown);
  const strings: string[] = [];
  const index = new Map<string, number>();
  let stringRefs = 0;
  const sharedString = (text: string) => {
    stringRefs += 1;
    let i = index.get(text);
    if (i === undefined) {
      i = strings.push(text) - 1;
      index.set(text, i);
    }
    return i;
  };
  const formats: string[] = [];
  const sheet = sheetXml(table, sharedString, formats);
  const si = strings
    .map((s) => {
      const t = escapeXml(cellText(s));
      return /^\s|\s$/.test(t)
        ? `<si><t xml:space="preserve">${t}</t></si>`
        : `<si><t>${t}</t></si>`;
    })
    .join('');

  return {
    '[Content_Types].xml':
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>` +
      '</Types>',
    '_rels/.rels': relationships([['officeDocument', 'xl/workbook.xml']]),
    'xl/workbook.xml':
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      '<bookViews><workbookView/></bookViews>' +
      `<sheets><sheet name="${escapeXml(sheetName(table.title))}" sheetId="1" r:id="rId1"/></sheets>` +
      '</workbook>',
    'xl/_rels/workbook.xml.rels': relationships([
      ['worksheet', 'worksheets/sheet1.xml'],
      ['styles', 'styles.xml'],
      ['sharedStrings', 'sharedStrings.xml'],
    ]),
    'xl/worksheets/sheet1.xml': sheet,
    'xl/styles.xml': stylesXml(formats),
    'xl/sharedStrings.xml':
      `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${stringRefs}" uniqueCount="${strings.length}">` +
      `${si}</sst>`,
  };
}

/** The .xlsx file bytes, deflated where the platform has CompressionStream. */
export function xlsxBytes(table: ExportTable): Promise<Uint8Array<ArrayBuffer>> {
  const encoder = new TextEncoder();
  return zipDeflate(
    Object.entries(xlsxParts(table)).map(([name, xml]) => ({ name, data: encoder.encode(xml) })),
  );
}

/** The .xlsx file as a Blob. */
export async function xlsxBlob(table: ExportTable): Promise<Blob> {
  return new Blob([await xlsxBytes(table)], { type: XLSX_MIME });
}
