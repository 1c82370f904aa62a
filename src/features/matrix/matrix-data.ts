/**
 * 对比矩阵: units × measures. Per document, each measure's figure as printed (linked to its line)
 * or derived by the dashboard (※, with its formula), or "—" with the reason; per measure, the
 * median of the compared documents, each document's rank and its distance from the median, and
 * the colour band of that distance. Pure: figures from the bundle, maths from src/domain.
 */
import { contains } from '@/data/compare-notes';
import { headlineOf } from '@/data/headline';
import type { ManifestEntry } from '@/data/load';
import { readSangong, SANGONG_PARTS } from '@/data/sangong';
import type { PartKey } from '@/data/sangong';
import type { Bundle } from '@/data/schema';
import type { Fig } from '@/data/schema-common';
import { computedShare } from '@/components/figure-value';
import type { DerivedFigure } from '@/components/figure-value';
import { readStructure } from '@/data/structure';
import { tableCell } from '@/data/table-cell';
import { executionRate, share } from '@/domain/measures';
import type { Decimal } from '@/domain/money';
import { dec, roundHalfUp } from '@/domain/money';
import { distanceFromMedian, median, perCount, ranksDescending } from '@/domain/ranking';

/** How a measure's figures are written and how far from the median counts as far. */
export type MeasureKind = 'amount' | 'percent' | 'count' | 'score';

export const MATRIX_GROUPS = [
  { id: 'scale', label: '规模与执行' },
  { id: 'structure', label: '支出结构' },
  { id: 'sangong', label: '“三公”经费' },
  { id: 'operations', label: '运行、采购与车辆' },
  { id: 'performance', label: '绩效自评' },
  { id: 'perHead', label: '人均与车均' },
  { id: 'all', label: '全部指标' },
] as const;
export type MatrixGroupId = (typeof MATRIX_GROUPS)[number]['id'];
export const DEFAULT_GROUP: MatrixGroupId = 'scale';

export function isMatrixGroup(s: string): s is MatrixGroupId {
  return MATRIX_GROUPS.some((g) => g.id === s);
}

export interface MatrixMeasure {
  id: string;
  group: Exclude<MatrixGroupId, 'all'>;
  /** Column header, as the documents name the figure. */
  label: string;
  kind: MeasureKind;
  /** Per person / per vehicle: the unit after the money unit ("/人"). */
  per?: '人' | '辆';
  /** Where the figure comes from, one sentence (shown under the table). */
  basis: string;
}

/** One document's figure for one measure. */
export interface MatrixCell {
  /** Printed, or computed by the dashboard (※ 计算值). */
  fig: Fig | DerivedFigure | null;
  /** Why there is no figure ("—"); null when there is one. */
  why: string | null;
  /** The document states there is none (无“三公”经费): the figure is 0 and shows as 无. */
  none?: boolean;
  /** Said after the figure: the grade counts of a grade mix, the staffing a per-person figure uses. */
  detail?: string;
}

export const MATRIX_MEASURES: readonly MatrixMeasure[] = [
  {
    id: 'income',
    group: 'scale',
    label: '本年收入合计',
    kind: 'amount',
    basis: '决算：公开01 收入支出决算总表；预算：预算01 收支总表。',
  },
  {
    id: 'expense',
    group: 'scale',
    label: '本年支出合计',
    kind: 'amount',
    basis: '决算：公开01；预算：预算01。',
  },
  {
    id: 'executionRate',
    group: 'scale',
    label: '一般公共预算执行率',
    kind: 'percent',
    basis:
      '情况说明“完成年初预算的X%”（一般公共预算财政拨款支出决算 ÷ 年初预算）；未印出时按两数计算（※）。预算文件没有执行数。',
  },
  {
    id: 'basicShare',
    group: 'structure',
    label: '基本支出占比',
    kind: 'percent',
    basis: '基本支出 ÷ 支出合计（公开03 / 预算03），看板计算（※）。',
  },
  {
    id: 'projectShare',
    group: 'structure',
    label: '项目支出占比',
    kind: 'percent',
    basis: '项目支出 ÷ 支出合计（公开03 / 预算03），看板计算（※）。',
  },
  {
    id: 'personnelShare',
    group: 'structure',
    label: '人员经费占比',
    kind: 'percent',
    basis: '人员经费 ÷ 财政拨款基本支出（公开06、公开05 / 预算06），看板计算（※）。',
  },
  {
    id: 'publicShare',
    group: 'structure',
    label: '公用经费占比',
    kind: 'percent',
    basis: '公用经费 ÷ 财政拨款基本支出（公开06、公开05 / 预算06），看板计算（※）。',
  },
  {
    id: 'sangong',
    group: 'sangong',
    label: '“三公”经费合计',
    kind: 'amount',
    basis:
      '决算：公开09 的决算数（无表时为情况说明）；预算：预算10 的预算数。原文说明“无三公经费”的记为无（0）。',
  },
  ...SANGONG_PARTS.map((p): MatrixMeasure => ({
    id: `sangong.${p.key}`,
    group: 'sangong',
    label: p.label,
    kind: 'amount',
    basis: `${p.label}：同“三公”经费合计的来源。`,
  })),
  {
    id: 'operatingCosts',
    group: 'operations',
    label: '机关运行经费',
    kind: 'amount',
    basis: '情况说明“机关运行经费”一段。',
  },
  {
    id: 'procurement',
    group: 'operations',
    label: '政府采购',
    kind: 'amount',
    basis: '情况说明“政府采购”一段（决算为支出总额，预算为采购预算）。',
  },
  {
    id: 'smeShare',
    group: 'operations',
    label: '中小企业合同占比',
    kind: 'percent',
    basis: '情况说明所印“授予中小企业合同金额……占政府采购支出总额的X%”。',
  },
  {
    id: 'vehicles',
    group: 'operations',
    label: '车辆（辆）',
    kind: 'count',
    basis: '公开10 车辆数合计；表中空白时为情况说明所述实有车辆。',
  },
  {
    id: 'meanScore',
    group: 'performance',
    label: '项目自评平均分',
    kind: 'score',
    basis: '第五部分 项目支出绩效自评表各项目总分的平均（半进一，两位小数；※）。',
  },
  {
    id: 'excellentShare',
    group: 'performance',
    label: '自评等级“优”的占比',
    kind: 'percent',
    basis: '自评等级为“优”的项目数 ÷ 有等级的项目数（※）；括号内为优/良/中/差各几个。',
  },
  {
    id: 'expensePerHead',
    group: 'perHead',
    label: '人均支出',
    kind: 'amount',
    per: '人',
    basis:
      '本年支出合计 ÷ 编制人数（未载明编制时用在职人数），人数取自第一部分 概况或部门整体自评的人员情况；没有人数的文件记“—”。',
  },
  {
    id: 'personnelPerHead',
    group: 'perHead',
    label: '人均人员经费',
    kind: 'amount',
    per: '人',
    basis: '人员经费 ÷ 编制人数（或在职人数）。',
  },
  {
    id: 'publicPerHead',
    group: 'perHead',
    label: '人均公用经费',
    kind: 'amount',
    per: '人',
    basis: '公用经费 ÷ 编制人数（或在职人数）。',
  },
  {
    id: 'runningPerVehicle',
    group: 'perHead',
    label: '车均公务用车运行维护费',
    kind: 'amount',
    per: '辆',
    basis:
      '公务用车运行维护费（“三公”经费，财政拨款）÷ 情况说明所述“使用财政拨款负担的公务用车保有量”（不是全部车辆数）；未说明或为 0 时记“—”。',
  },
];

export function measuresOf(group: MatrixGroupId): readonly MatrixMeasure[] {
  return group === 'all' ? MATRIX_MEASURES : MATRIX_MEASURES.filter((m) => m.group === group);
}

export function isMeasureId(s: string): boolean {
  return MATRIX_MEASURES.some((m) => m.id === s);
}

const printed = (fig: Fig | null, why: string): MatrixCell =>
  fig === null ? { fig: null, why } : { fig, why: null };

function derivedCell(
  value: Decimal | null,
  formula: string,
  lines: readonly number[],
  why: string,
  detail?: string,
): MatrixCell {
  if (value === null) return { fig: null, why };
  const fig: DerivedFigure = {
    v: value.toFixed(2),
    derived: { formula, lines: [...new Set(lines)].sort((a, b) => a - b), computed: true },
  };
  return detail === undefined ? { fig, why: null } : { fig, why: null, detail };
}

/** A part's share of a whole: as the text prints it where it does, else computed. */
function shareCell(
  part: Fig | null,
  whole: Fig | null,
  partName: string,
  wholeName: string,
  printed: Fig | null,
): MatrixCell {
  if (whole === null) return { fig: null, why: `原文未印出${wholeName}` };
  if (part === null) return { fig: null, why: `原文未印出${partName}` };
  if (printed !== null) return { fig: printed, why: null };
  const fig = computedShare(
    share(part.v, whole.v)?.toFixed(2) ?? null,
    { name: partName, fig: part },
    { name: wholeName, fig: whole },
  );
  return fig === null ? { fig: null, why: `${wholeName}为 0，没有占比` } : { fig, why: null };
}

/**
 * Staffing the document states: in its 第一部分 概况, else in the 部门整体自评's 人员情况
 * (核定人员编制数 / 实际在职人员总数); 编制 first, else 在职/实有人数.
 */
function staffing(bundle: Bundle): { fig: Fig; label: string } | null {
  const o = bundle.narrative.overview;
  const dept = bundle.performance.department;
  const quota = o.find((c) => c.key === 'staffQuota')?.value ?? dept?.staffQuota ?? null;
  if (quota !== null) return { fig: quota, label: '编制' };
  const actual = o.find((c) => c.key === 'staffActual')?.value ?? dept?.staffActual ?? null;
  return actual !== null ? { fig: actual, label: '在职人数' } : null;
}

const NO_STAFF = '原文未载明编制或在职人数';

/** Every measure of one document (by measure id). */
export function matrixCells(bundle: Bundle): Record<string, MatrixCell> {
  const final = bundle.kind === '决算';
  const n = bundle.narrative;
  const t = bundle.tables;
  const head = headlineOf(bundle);
  const cells: Record<string, MatrixCell> = Object.create(null) as Record<string, MatrixCell>;

  cells['income'] = printed(head.incomeTotal, '原文未印出本年收入合计');
  cells['expense'] = printed(head.expenseTotal, '原文未印出本年支出合计');

  const total = n.executions.find((e) => e.key === 'total' && e.basis === '年初预算');
  if (!final) cells['executionRate'] = { fig: null, why: '预算文件，没有执行数' };
  else if (total === undefined) cells['executionRate'] = { fig: null, why: '原文未说明执行率' };
  else if (total.rate !== null) cells['executionRate'] = { fig: total.rate, why: null };
  else
    cells['executionRate'] = derivedCell(
      executionRate(total.actual.v, total.budget?.v ?? null),
      `执行率 = 决算 ÷ 年初预算 × 100% = ${total.actual.v} ÷ ${total.budget?.v ?? '—'} × 100%`,
      [total.actual.line, ...(total.budget ? [total.budget.line] : [])],
      '年初预算为 0 或未印出，没有执行率',
    );

  const st = readStructure(bundle);
  const ps = st.printedShares;
  cells['basicShare'] = shareCell(st.basic, st.expense, '基本支出', st.expenseName, ps.basic);
  cells['projectShare'] = shareCell(st.project, st.expense, '项目支出', st.expenseName, ps.project);
  cells['personnelShare'] = shareCell(
    st.personnel,
    st.basicFiscal,
    '人员经费',
    st.basicFiscalName,
    ps.personnel,
  );
  cells['publicShare'] = shareCell(
    st.publicCosts,
    st.basicFiscal,
    '公用经费',
    st.basicFiscalName,
    ps.publicCosts,
  );

  // 三公: the document's own year, 决算数 for final accounts and 预算数 for a budget.
  const sg = readSangong(bundle);
  const side = final ? sg.actual : sg.budget;
  const noneStatement = n.noActivity.find((x) => x.key === 'sangong');
  const sangongCell = (fig: Fig | null, what: string): MatrixCell => {
    if (fig !== null) return { fig, why: null };
    if (noneStatement !== undefined)
      return { fig: { v: '0', line: noneStatement.line }, why: null, none: true };
    return { fig: null, why: side === null ? '原文没有“三公”经费数' : `原文未列${what}` };
  };
  cells['sangong'] = sangongCell(side?.total ?? null, '合计');
  for (const p of SANGONG_PARTS)
    cells[`sangong.${p.key}`] = sangongCell(side?.parts[p.key as PartKey] ?? null, p.label);

  cells['operatingCosts'] = printed(n.operatingCosts, '原文未说明机关运行经费');
  cells['procurement'] = printed(n.procurement?.total ?? null, '原文未说明政府采购');
  cells['smeShare'] =
    n.procurement === null
      ? { fig: null, why: '原文未说明政府采购' }
      : printed(n.procurement.sme?.pct ?? null, '原文未印出中小企业占比');
  // 公开10 may leave the count blank while the text states it ("共有车辆0辆").
  const vehicles =
    (final ? tableCell(t, '公开10', '国有资产占用情况/车辆数合计（辆）', 'value') : null) ??
    n.assets?.vehicles ??
    null;
  cells['vehicles'] = printed(vehicles, '原文未说明车辆数');

  const projects = bundle.performance.projects;
  const scored = projects.flatMap((p) => (p.totalScore !== null ? [p.totalScore] : []));
  const noProjects =
    bundle.performance.department !== null
      ? '没有项目自评（只有部门整体自评，见“绩效评价”）'
      : final
        ? '原文没有项目自评'
        : '预算文件，只有绩效目标，没有评分';
  cells['meanScore'] =
    scored.length === 0
      ? { fig: null, why: noProjects }
      : derivedCell(
          roundHalfUp(
            scored.reduce((acc, f) => acc.plus(dec(f.v)), dec('0')).div(scored.length),
            2,
          ),
          `平均分 = (${scored.map((f) => f.v).join(' + ')}) ÷ ${scored.length}`,
          scored.map((f) => f.line),
          noProjects,
        );
  const graded = projects.flatMap((p) => (p.grade !== null ? [p.grade] : []));
  const count = (g: string) => graded.filter((x) => x.v === g).length;
  const mix = `优${count('优')} 良${count('良')} 中${count('中')} 差${count('差')}`;
  cells['excellentShare'] =
    graded.length === 0
      ? { fig: null, why: noProjects }
      : derivedCell(
          share(String(count('优')), String(graded.length)),
          `“优”的占比 = ${count('优')} ÷ ${graded.length} × 100%（${mix}）`,
          graded.map((g) => g.line),
          noProjects,
          mix,
        );

  const staff = staffing(bundle);
  const perHead = (amount: Fig | null, name: string): MatrixCell => {
    if (staff === null) return { fig: null, why: NO_STAFF };
    if (amount === null) return { fig: null, why: `原文未印出${name}` };
    return derivedCell(
      perCount(amount.v, staff.fig.v),
      `人均${name} = ${name} ÷ ${staff.label} = ${amount.v} ÷ ${staff.fig.v}`,
      [amount.line, staff.fig.line],
      `${staff.label}为 0`,
      `按${staff.label} ${staff.fig.v} 人`,
    );
  };
  cells['expensePerHead'] = perHead(head.expenseTotal, '支出');
  cells['personnelPerHead'] = perHead(st.personnel, '人员经费');
  cells['publicPerHead'] = perHead(st.publicCosts, '公用经费');

  // The 三公 running costs pay for the cars financed by appropriations, which the 三公 paragraph
  // counts ("使用财政拨款负担的公务用车保有量共1辆"); 公开10's 车辆数 counts every vehicle held
  // (the city 部门: 2 机要通信用车, of which 1 so financed).
  const running = cells['sangong.vehicleRunning'];
  const fleet = n.sangong?.counts.find((c) => c.key === 'sangong.vehicleRunning.fleet')?.value;
  cells['runningPerVehicle'] =
    fleet === undefined
      ? { fig: null, why: '原文未说明财政拨款负担的公务用车保有量' }
      : dec(fleet.v).isZero()
        ? { fig: null, why: '财政拨款负担的公务用车保有量为 0，没有车均' }
        : running?.fig == null
          ? { fig: null, why: '原文未列公务用车运行维护费' }
          : derivedCell(
              perCount(running.fig.v, fleet.v),
              `车均运行维护费 = 公务用车运行维护费 ÷ 财政拨款负担的公务用车保有量 = ${running.fig.v} ÷ ${fleet.v}`,
              [...('line' in running.fig ? [running.fig.line] : []), fleet.line],
              '保有量为 0，没有车均',
              `保有量 ${fleet.v} 辆`,
            );
  return cells;
}

/** One compared document with its cells (null while its bundle loads or when it failed). */
export interface MatrixRow {
  entry: ManifestEntry;
  cells: Record<string, MatrixCell> | null;
}

/** Colour band of a distance from the median: far below … far above. */
export type Band = 'low2' | 'low1' | 'mid' | 'high1' | 'high2';

export interface Standing {
  /** 1 = largest; null without a figure. */
  rank: number | null;
  /** value − median, in the measure's unit (百分点 for a percentage). */
  diff: Decimal | null;
  /** diff ÷ |median| × 100; null when the median is 0. */
  relative: Decimal | null;
  band: Band | null;
}

export interface MeasureStandings {
  median: Decimal | null;
  /** Documents with a figure (the median and the ranks are over these). */
  count: number;
  byRow: Standing[];
}

/**
 * How far counts as far: a percentage by 百分点 (5 and 20), any other figure by its distance
 * relative to the median (10% and 50%), so a 42,000万元 province and a 1,100万元 centre colour
 * by the same rule.
 */
export function bandOf(kind: MeasureKind, diff: Decimal, relative: Decimal | null): Band {
  const sign = diff.isZero() ? 0 : diff.isPositive() ? 1 : -1;
  if (sign === 0) return 'mid';
  // A median of 0: any other value is far from it.
  const size = kind === 'percent' ? diff.abs() : relative === null ? null : relative.abs();
  const [near, far] = kind === 'percent' ? [5, 20] : [10, 50];
  if (size !== null && size.lessThan(near)) return 'mid';
  const farOff = size === null || size.greaterThanOrEqualTo(far);
  if (sign > 0) return farOff ? 'high2' : 'high1';
  return farOff ? 'low2' : 'low1';
}

export function measureStandings(
  rows: readonly MatrixRow[],
  measure: MatrixMeasure,
): MeasureStandings {
  const values = rows.map((r) => r.cells?.[measure.id]?.fig?.v ?? null);
  const present = values.filter((v): v is string => v !== null);
  const med = median(present);
  const ranks = ranksDescending(values);
  return {
    median: med,
    count: present.length,
    byRow: values.map((v, i) => {
      if (v === null || med === null) return { rank: null, diff: null, relative: null, band: null };
      const { diff, relative } = distanceFromMedian(v, med);
      return { rank: ranks[i] ?? null, diff, relative, band: bandOf(measure.kind, diff, relative) };
    }),
  };
}

/** `<measure id>.<asc|desc>` in the address; null: the compared order. */
export interface MatrixSort {
  measure: string;
  desc: boolean;
}

export function parseMatrixSort(s: string | null): MatrixSort | null {
  const m = s === null ? null : /^(.+)\.(asc|desc)$/.exec(s);
  if (m === null || !isMeasureId(m[1] ?? '')) return null;
  return { measure: m[1] as string, desc: m[2] === 'desc' };
}

export function formatMatrixSort(sort: MatrixSort | null): string | null {
  return sort === null ? null : `${sort.measure}.${sort.desc ? 'desc' : 'asc'}`;
}

/** Row order for a sort: by the figure, documents without one last either way; ties keep order. */
export function sortedRowIndexes(rows: readonly MatrixRow[], sort: MatrixSort | null): number[] {
  const order = rows.map((_, i) => i);
  if (sort === null) return order;
  const value = (i: number) => rows[i]?.cells?.[sort.measure]?.fig?.v ?? null;
  return order.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
    const c = dec(x).comparedTo(dec(y));
    return (sort.desc ? -c : c) || a - b;
  });
}

/** What sets a document apart from the others compared: scope, year, kind, and containment. */
export interface RowMarks {
  /**
   * 部门 / 单位 differs from the scope most compared documents share (or, when no one scope is
   * shared by most, the scopes are mixed and every document is marked). Likewise year and kind.
   */
  scopeDiffers: boolean;
  yearDiffers: boolean;
  kindDiffers: boolean;
  /** Compared departments (same year and kind) whose figures already include this unit's. */
  containedIn: string[];
}

/** The value most documents share; undefined when no single value does (then every one differs). */
function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  let tied = false;
  for (const [v, c] of counts)
    if (c > bestCount) {
      best = v;
      bestCount = c;
      tied = false;
    } else if (c === bestCount) tied = true;
  return tied ? undefined : best;
}

export function rowMarks(entries: readonly ManifestEntry[]): RowMarks[] {
  const scope = mostCommon(entries.map((e) => e.unit.scope));
  const year = mostCommon(entries.map((e) => e.fiscalYear));
  const kind = mostCommon(entries.map((e) => e.kind));
  return entries.map((e) => ({
    scopeDiffers: entries.length > 1 && e.unit.scope !== scope,
    yearDiffers: entries.length > 1 && e.fiscalYear !== year,
    kindDiffers: entries.length > 1 && e.kind !== kind,
    containedIn: entries
      .filter((d) => contains(d, e) && d.fiscalYear === e.fiscalYear && d.kind === e.kind)
      .map((d) => d.unit.name),
  }));
}
