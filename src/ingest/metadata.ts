/**
 * Who published a document, what kind and which year: read from the standard wording every
 * disclosure carries (title, 部门/单位名称, 主管部门及代码, 预算单位), never from a list of known units.
 */
import { governmentLevel } from '../data/labels';
import type { UnitInfo } from '../data/schema';
import type { SourceDoc } from './source-doc';
import { IngestError } from './source-doc';

export interface DocMeta {
  unit: UnitInfo;
  kind: '决算' | '预算';
  fiscalYear: number;
  title: string;
  /** Lines the year/kind and the unit's name were read from, for messages about the document. */
  lines: { kindYear: number; name: number };
}

/** Any run of digits: a 5-digit "year" must be refused as printed, not read as its first four. */
const KIND_YEAR = /(?<!\d)(\d+)\s*年度?\s*(部门|单位)(决算|预算)/;
/** Years a disclosure can plausibly be for (the bundle schema's range). */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

function firstMatch(doc: SourceDoc, re: RegExp): { m: RegExpExecArray; line: number } | null {
  for (let i = 0; i < doc.lines.length; i++) {
    const m = re.exec(doc.lines[i] ?? '');
    if (m) return { m, line: i + 1 };
  }
  return null;
}

/**
 * 省级 / 市级 / 区县级 / 服务中心 from the unit's own name. The bundle format stores a service
 * center's kind in `level`; src/data/labels.ts (unitLevel) reads its government level back from
 * the name with the same rule (governmentLevel).
 */
export function levelOf(name: string): UnitInfo['level'] {
  const n = name.replace(/\[.*?\]|（.*?）|\(.*?\)/g, '');
  if (/中心$/.test(n)) return '服务中心';
  return governmentLevel(name);
}

/** Members a 部门 consolidates, from "…部门由A、B两个参公单位和C三个二级预算单位组成". */
function membersOf(doc: SourceDoc): string[] | undefined {
  const hit = firstMatch(doc, /部门由(.+?)组成/);
  if (hit === null) return undefined;
  const names = hit.m[1]?.match(
    /[\u4e00-\u9fa5]+?(?:中心|局|站|所|院|队|馆|处)(?:\([^)]*\)|（[^）]*）)?/g,
  );
  if (!names) return undefined;
  return names.map((s) =>
    s
      .replace(/^(和|及|与)/, '')
      .replace(/^[一二两三四五六七八九十\d]+个\S*?单位(和|及)?/, '')
      // "(公益一类事业单位)" describes the unit's type, it is not part of its name.
      .replace(/[（(][^）)]*事业单位[）)]$/, ''),
  );
}

export function readMeta(doc: SourceDoc, kindFromTables: '决算' | '预算'): DocMeta {
  const ky = firstMatch(doc, KIND_YEAR);
  if (ky === null) {
    throw new IngestError(
      doc.file,
      1,
      '全文未找到文档的年度和类型（应有“XXXX年度部门/单位决算”或“…预算”字样）',
      doc.lines.length,
    );
  }
  const fiscalYear = Number(ky.m[1]);
  if (!(fiscalYear >= FIRST_YEAR && fiscalYear <= LAST_YEAR)) {
    throw new IngestError(
      doc.file,
      ky.line,
      `“${ky.m[0]}”中的年度 ${ky.m[1]} 不是有效的预决算年度（应在 ${FIRST_YEAR}–${LAST_YEAR} 之间）`,
    );
  }
  const kind = ky.m[3] === '预算' ? '预算' : '决算';
  if (kind !== kindFromTables) {
    throw new IngestError(
      doc.file,
      ky.line,
      `标题写的是“${ky.m[0]}”，但文中的标准表是${kindFromTables}表，无法确定文档类型`,
    );
  }

  const nameHit = firstMatch(doc, /(部门|单位)名称[：:]\s*([^\s\t]+)/);
  if (nameHit === null || nameHit.m[2] === undefined) {
    throw new IngestError(
      doc.file,
      1,
      '全文未找到“部门名称：”或“单位名称：”，无法确定发布单位',
      doc.lines.length,
    );
  }
  const name = nameHit.m[2];
  const bracketScope = /\[(部门|单位)\]$/.exec(name)?.[1];
  const scope = (bracketScope ?? ky.m[2]) === '部门' ? '部门' : '单位';

  const dept = firstMatch(doc, /主管部门及代码[\t ]*(\d+)-([^\t]+)/);
  const own = firstMatch(doc, /(?:预算单位?|实施单位)[\t ]*(\d+)-([^\t]+)/);
  const deptNo = firstMatch(doc, /部门编号[：:]\s*(\d+)/);
  const code = own?.m[1] ?? (scope === '部门' ? (deptNo?.m[1] ?? dept?.m[1]) : undefined);
  const deptCode = dept?.m[1];
  const deptName = dept?.m[2]?.trim();
  const parent =
    scope === '单位' && deptName !== undefined && deptCode !== undefined && deptCode !== code
      ? { code: deptCode, name: deptName }
      : undefined;
  const members = scope === '部门' ? membersOf(doc) : undefined;

  const title = `${name} ${ky.m[0].replace(/\s+/g, '')}`;

  return {
    unit: {
      name,
      ...(code !== undefined ? { code } : {}),
      level: levelOf(name),
      scope,
      ...(parent !== undefined ? { parent } : {}),
      ...(members !== undefined && members.length > 0 ? { members } : {}),
    },
    kind,
    fiscalYear,
    title,
    lines: { kindYear: ky.line, name: nameHit.line },
  };
}
