/**
 * The one reader of a document's spending structure: 基本/项目支出 against its 支出合计, and
 * 人员/公用经费 against the 基本支出 they split — which table and row each comes from, for a 决算
 * and for a 预算. The overview cards and the comparison matrix both read them here. Figures in
 * 万元 whatever unit the table prints (table-cell.ts). The manifest headline (headline.ts) takes its
 * 基本/项目支出 from here too.
 */
import type { Bundle } from './schema';
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
}

export function readStructure(bundle: Bundle): StructureFigures {
  const t = bundle.tables;
  const final = bundle.kind === '决算';
  const spend = final ? '公开03' : '预算03';
  return {
    basic: tableCell(t, spend, '合计', 'basic'),
    project: tableCell(t, spend, '合计', 'project'),
    expense: tableCell(t, spend, '合计', 'total'),
    expenseName: `支出合计（${spend}）`,
    personnel: final
      ? tableCell(t, '公开06', '人员经费合计', 'amount')
      : tableCell(t, '预算06', '合计', 'personnel'),
    publicCosts: final
      ? tableCell(t, '公开06', '公用经费合计', 'amount')
      : tableCell(t, '预算06', '合计', 'public'),
    basicFiscal: final
      ? tableCell(t, '公开05', '合计', 'basic')
      : tableCell(t, '预算06', '合计', 'total'),
    basicFiscalName: final ? '财政拨款基本支出（公开05）' : '基本支出（预算06）',
  };
}
