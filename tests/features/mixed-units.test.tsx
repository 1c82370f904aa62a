// @vitest-environment jsdom
/**
 * Project tables comparing documents that print their self-evaluations in different units: many
 * provinces print them in 元, Shanxi in 万元. A 元 figure is shown as printed and says 元, and a
 * column sorts by size, never by digits (24,200 元 is 2.42 万元, smaller than 13.06 万元).
 * Figures: the 2024 self-evaluations of the province and the service center (public/data/sources),
 * the service center's J残疾人就业保障金 as a document printing in 元 would print it.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ProjectExecutionTable } from '@/features/execution/execution-tables';
import type { ProjectExecutionRow } from '@/features/execution/execution-data';
import { ProjectTable } from '@/features/performance/project-table';
import type { ProjectRow } from '@/features/performance/performance-data';
import type { AmountUnit } from '@/domain/money';
import { resetAppStore } from '@/store/app-store';

afterEach(() => {
  cleanup();
  resetAppStore();
});

interface Project {
  name: string;
  unit: AmountUnit;
  budget: string;
  executed: string;
  rate: string;
  line: number;
}

const PROJECTS: Project[] = [
  {
    name: '政务信息化工作经费',
    unit: '万元',
    budget: '245.84',
    executed: '164.901',
    rate: '67.08',
    line: 609,
  },
  {
    name: 'J残疾人就业保障金',
    unit: '元',
    budget: '24200.00',
    executed: '18940.00',
    rate: '78.28',
    line: 587,
  },
  {
    name: 'QK关于下达市本级清欠企业欠款资金',
    unit: '万元',
    budget: '13.06',
    executed: '13.06',
    rate: '100',
    line: 618,
  },
];

function executionRow(p: Project, i: number): ProjectExecutionRow {
  return {
    id: `doc-${i}:p1`,
    bundleId: `doc-${i}`,
    document: `文件${i}`,
    tag: `文件${i}`,
    name: p.name,
    fundLabel: '资金总额',
    layout: 'full-table',
    unit: p.unit,
    initialBudget: null,
    fullYearBudget: { v: p.budget, line: p.line },
    executed: { v: p.executed, line: p.line },
    stated: { v: p.rate, line: p.line },
    computed: p.rate,
    check: 'agrees',
    under: false,
    totalScore: null,
    grade: null,
  };
}

function performanceRow(p: Project, i: number): ProjectRow {
  return {
    bundleId: `doc-${i}`,
    document: `文件${i}`,
    unitName: `单位${i}`,
    scope: '单位',
    key: `doc-${i}:p1`,
    projectId: 'p1',
    name: p.name,
    year: 2024,
    amountUnit: p.unit,
    fundLabel: '资金总额',
    budget: { v: p.budget, line: p.line },
    executed: { v: p.executed, line: p.line },
    printedRate: { v: p.rate, line: p.line },
    computedRate: p.rate,
    rate: p.rate,
    rateComputed: false,
    score: null,
    grade: null,
    gradeLine: null,
    flags: [],
    corrections: [],
  } as ProjectRow;
}

/** Project names top to bottom. */
function order(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => PROJECTS.find((p) => r.textContent?.includes(p.name))?.name ?? '?');
}

async function sortBy(table: HTMLElement, header: string) {
  await userEvent
    .setup()
    .click(within(table).getByRole('button', { name: new RegExp(`^${header}`) }));
}

describe('project tables across documents printed in 元 and 万元', () => {
  it('预算执行: a 元 project says 元 and sorts by its size in 万元', async () => {
    render(<ProjectExecutionTable rows={PROJECTS.map(executionRow)} caption="项目执行率" />);
    const table = screen.getByRole('table', { name: /项目执行率/ });
    const row = within(table)
      .getAllByRole('row')
      .find((r) => r.textContent?.includes('J残疾人就业保障金')) as HTMLElement;
    expect(row).toHaveTextContent('24,200.00 元');
    expect(row).toHaveTextContent('18,940.00 元');
    // The 万元 projects carry no mark: the caption names the shown unit.
    const info = within(table)
      .getAllByRole('row')
      .find((r) => r.textContent?.includes('政务信息化工作经费')) as HTMLElement;
    expect(info).toHaveTextContent('245.84');
    expect(info).not.toHaveTextContent('元');

    await sortBy(table, '全年预算数');
    expect(order(table)).toEqual([
      'J残疾人就业保障金',
      'QK关于下达市本级清欠企业欠款资金',
      '政务信息化工作经费',
    ]);
    await sortBy(table, '全年预算数');
    expect(order(table)).toEqual([
      '政务信息化工作经费',
      'QK关于下达市本级清欠企业欠款资金',
      'J残疾人就业保障金',
    ]);
    await sortBy(table, '全年执行数');
    // 18,940 元 = 1.894 万元 < 13.06 < 164.901.
    expect(order(table)).toEqual([
      'J残疾人就业保障金',
      'QK关于下达市本级清欠企业欠款资金',
      '政务信息化工作经费',
    ]);
  });

  it('绩效评价: the same in the table of every project', async () => {
    render(<ProjectTable rows={PROJECTS.map(performanceRow)} caption="全部项目自评" />);
    const table = screen.getByRole('table', { name: /全部项目自评/ });
    const row = within(table)
      .getAllByRole('row')
      .find((r) => r.textContent?.includes('J残疾人就业保障金')) as HTMLElement;
    expect(row).toHaveTextContent('24,200.00 元');

    await sortBy(table, '全年预算数');
    expect(order(table)).toEqual([
      'J残疾人就业保障金',
      'QK关于下达市本级清欠企业欠款资金',
      '政务信息化工作经费',
    ]);
  });
});
