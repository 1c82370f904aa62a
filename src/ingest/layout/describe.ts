/**
 * A Chinese summary of what the layout reader found: tables with page, line and unit, the
 * headline figures with where they were printed, and what could not be read.
 */
import type { Headline, HeadlineFigure, ThreePublicPart } from './headline';
import { THREE_PUBLIC_PARTS } from './headline';
import type { LayoutResult } from './read-layout';

const where = (f: { page: number; line: number }) => `第 ${f.page} 页第 ${f.line} 行`;

const PART_NAMES: Record<ThreePublicPart, string> = {
  total: '合计',
  abroad: '因公出国（境）费',
  vehicle: '公务用车购置及运行维护费',
  vehiclePurchase: '公务用车购置费',
  vehicleRunning: '公务用车运行维护费',
  reception: '公务接待费',
};

function figure(name: string, f: HeadlineFigure | null): string {
  return f === null
    ? `  ${name}：未找到`
    : `  ${name}：${f.v} ${f.unit}（${f.table}，${where(f)}）`;
}

export function describeLayout(result: LayoutResult, headline: Headline): string[] {
  const out: string[] = [];
  out.push(`找到 ${result.tables.length} 张表：`);
  for (const t of result.tables) {
    const figures = t.rows.reduce((n, r) => n + Object.keys(r.values).length, 0);
    const state = t.noData
      ? '本表无数据'
      : !t.read
        ? '表体暂不读取'
        : figures === 0
          ? `${t.rows.length} 行，注意：没有读出任何数字，此表的数字不会导入`
          : `${t.rows.length} 行，${figures} 个数字`;
    out.push(`  ${t.title}（${where(t)}，单位：${t.unit}，${state}）`);
  }
  out.push('主要数字：');
  out.push(figure('本年收入合计', headline.incomeTotal));
  out.push(figure('本年支出合计', headline.expenditureTotal));
  out.push(figure('财政拨款本年收入合计', headline.fiscalIncomeTotal));
  out.push(figure('财政拨款本年支出合计', headline.fiscalExpenditureTotal));
  out.push(figure('基本支出', headline.basicTotal));
  out.push(figure('项目支出', headline.projectTotal));
  for (const phase of ['budget', 'actual'] as const) {
    for (const part of THREE_PUBLIC_PARTS) {
      const f = headline.threePublic[phase][part];
      if (f !== null) {
        out.push(
          figure(`“三公”经费${phase === 'budget' ? '预算数' : '决算数'}·${PART_NAMES[part]}`, f),
        );
      }
    }
  }
  for (const p of result.problems) out.push(`未能读取：${where(p)}：${p.reason}（${p.text}）`);
  return out;
}
