/**
 * The headline figures of a national-layout document, each with its table, unit, page and line:
 * what the dashboard's overview needs first. A figure the document does not print is null, never
 * zero; nothing is derived or converted here.
 */
import type { Figure, LayoutResult, LayoutRow, LayoutTable } from './read-layout';
import type { TableKind } from './national-titles';
import type { AmountUnit } from '../../domain/money';

export interface HeadlineFigure extends Figure {
  unit: AmountUnit;
  /** The table's title as printed. */
  table: string;
}

export const THREE_PUBLIC_PARTS = [
  'total',
  'abroad',
  'vehicle',
  'vehiclePurchase',
  'vehicleRunning',
  'reception',
] as const;

export type ThreePublicPart = (typeof THREE_PUBLIC_PARTS)[number];

export interface Headline {
  /** 收入支出决算总表: 本年收入合计 / 本年支出合计. */
  incomeTotal: HeadlineFigure | null;
  expenditureTotal: HeadlineFigure | null;
  /** 财政拨款收入支出决算总表: 本年收入合计 / 本年支出合计 (合计 column). */
  fiscalIncomeTotal: HeadlineFigure | null;
  fiscalExpenditureTotal: HeadlineFigure | null;
  /** 支出决算表, 合计 row: 基本支出 / 项目支出. */
  basicTotal: HeadlineFigure | null;
  projectTotal: HeadlineFigure | null;
  /** 财政拨款“三公”经费 table: 预算数 and 决算数 by part. */
  threePublic: Record<'budget' | 'actual', Record<ThreePublicPart, HeadlineFigure | null>>;
}

const squash = (s: string) => s.replace(/\s+/g, '');

function first(result: LayoutResult, kind: TableKind): LayoutTable | undefined {
  return result.tables.find((t) => t.kind === kind && t.read);
}

function pick(
  t: LayoutTable | undefined,
  find: (r: LayoutRow) => boolean,
  key: string,
): HeadlineFigure | null {
  if (t === undefined) return null;
  const f = t.rows.find(find)?.values[key];
  return f === undefined ? null : { ...f, unit: t.unit, table: t.title };
}

const labelled = (label: string, side: '收入' | '支出') => (r: LayoutRow) =>
  r.side === side && squash(r.label) === label;

export function headlineOf(result: LayoutResult): Headline {
  const totals = first(result, 'totals');
  const fiscal = first(result, 'fiscalTotals');
  const expenditure = first(result, 'expenditure');
  const sangong = first(result, 'threePublic');
  const totalRow = (r: LayoutRow) => r.code === null && /^(合计|总计)$/.test(squash(r.label));
  const parts = (phase: 'budget' | 'actual') =>
    Object.fromEntries(
      THREE_PUBLIC_PARTS.map((p) => [p, pick(sangong, () => true, `${phase}.${p}`)]),
    ) as Record<ThreePublicPart, HeadlineFigure | null>;
  return {
    incomeTotal: pick(totals, labelled('本年收入合计', '收入'), 'amount'),
    expenditureTotal: pick(totals, labelled('本年支出合计', '支出'), 'amount'),
    fiscalIncomeTotal: pick(fiscal, labelled('本年收入合计', '收入'), 'amount'),
    fiscalExpenditureTotal: pick(fiscal, labelled('本年支出合计', '支出'), 'total'),
    basicTotal: pick(expenditure, totalRow, 'basic'),
    projectTotal: pick(expenditure, totalRow, 'project'),
    threePublic: { budget: parts('budget'), actual: parts('actual') },
  };
}
