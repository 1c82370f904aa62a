/**
 * The one reader of a document's spending structure: 基本/项目支出 against its 支出合计, and
 * 人员/公用经费 against the 基本支出 they split — which table and row each comes from, for a 决算
 * and for a 预算. The overview cards and the comparison matrix both read them here. Figures in
 * 万元 whatever unit the table prints (table-cell.ts). The manifest headline (headline.ts) takes its
 * 基本/项目支出 from here too.
 */
import { dec } from '@/domain/money';
import type { Bundle } from './schema';
import type { Fig } from './schema-common';
import type { WanFig } from './table-cell';
import { tableCell } from './table-cell';

export interface StructureFigures {
  basic: WanFig | null;
  project: WanFig | null;
  /** 支出合计 of the table basic and project come from. */
  expense: WanFig | null;
  /** "支出合计（公开03）". */
  expenseName: string;
  personnel: WanFig | null;
  publicCosts: WanFig | null;
  /** The 基本支出 that 人员经费 and 公用经费 split. */
  basicFiscal: WanFig | null;
  /** "财政拨款基本支出（公开05）". */
  basicFiscalName: string;
  /**
   * The shares the text prints for the same parts of the same totals ("基本支出1,520.09万元，
   * 占比42.94%"), with their lines; null where it prints none. 数据校验 checks them against the
   * amounts.
   */
  printedShares: {
    basic: Fig | null;
    project: Fig | null;
    personnel: Fig | null;
    publicCosts: Fig | null;
  };
}

/**
 * The share the narrative's breakdown `key` prints for its part `part`, provided the breakdown
 * states the same total and part amount as the table: a share of another base is not this one.
 */
function printedShare(
  bundle: Bundle,
  key: string,
  part: string,
  total: Fig | null,
  amount: Fig | null,
): Fig | null {
  if (total === null || amount === null) return null;
  const b = bundle.narrative.breakdowns.find((x) => x.key === key);
  const p = b?.parts.find((x) => x.key === part);
  if (!b?.total || !p?.pct) return null;
  return dec(b.total.v).eq(dec(total.v)) && dec(p.amount.v).eq(dec(amount.v)) ? p.pct : null;
}

export function readStructure(bundle: Bundle): StructureFigures {
  const t = bundle.tables;
  const final = bundle.kind === '决算';
  const spend = final ? '公开03' : '预算03';
  const basic = tableCell(t, spend, '合计', 'basic');
  const project = tableCell(t, spend, '合计', 'project');
  const expense = tableCell(t, spend, '合计', 'total');
  const personnel = final
    ? tableCell(t, '公开06', '人员经费合计', 'amount')
    : tableCell(t, '预算06', '合计', 'personnel');
  const publicCosts = final
    ? tableCell(t, '公开06', '公用经费合计', 'amount')
    : tableCell(t, '预算06', '合计', 'public');
  const basicFiscal = final
    ? tableCell(t, '公开05', '合计', 'basic')
    : tableCell(t, '预算06', '合计', 'total');
  return {
    basic,
    project,
    expense,
    expenseName: `支出合计（${spend}）`,
    personnel,
    publicCosts,
    basicFiscal,
    basicFiscalName: final ? '财政拨款基本支出（公开05）' : '基本支出（预算06）',
    printedShares: {
      basic: printedShare(bundle, 'expense', 'basic', expense, basic),
      project: printedShare(bundle, 'expense', 'project', expense, project),
      personnel: printedShare(bundle, 'basicExpense', 'personnel', basicFiscal, personnel),
      publicCosts: printedShare(
        bundle,
        'basicExpense',
        'publicOperating',
        basicFiscal,
        publicCosts,
      ),
    },
  };
}
