// @vitest-environment jsdom
/**
 * 同比变化 › 多年趋势, on the real documents. Figures and reasons typed from the source texts
 * (public/data/sources/*.txt); derived priors worked out by hand (current − stated change).
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import type { Bundle } from '@/data/schema';
import { YoyPage } from '@/features/yoy/yoy-page';
import { resetAppStore, useAppStore } from '@/store/app-store';
import { IDS, loadRealData, realBundle, realManifest } from './real-data';

afterEach(() => {
  cleanup();
  resetAppStore();
});

function trendTable(document: RegExp): HTMLElement {
  return screen.getByRole('table', { name: document });
}
function row(table: HTMLElement, subject: string): HTMLElement {
  const rows = within(table)
    .getAllByRole('row')
    .filter((r) => r.querySelector('td')?.textContent?.trim() === subject);
  expect(rows, subject).toHaveLength(1);
  return rows[0] as HTMLElement;
}

describe('多年趋势', () => {
  it('shows the service center 2023※ → 2024 with the reason the document states', () => {
    loadRealData([IDS.center]);
    render(<YoyPage />);
    expect(
      screen.getByRole('heading', { level: 3, name: '多年趋势与原文所述原因' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', {
        level: 4,
        name: /大同市政务服务中心（市级 · 服务中心 · 单位，2023–2024年）/,
      }),
    ).toBeInTheDocument();
    const table = trendTable(/依据：大同市政务服务中心 2024年单位决算/);
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent?.replace('⇅', '').trim());
    expect(headers).toEqual(
      expect.arrayContaining(['2023年决算', '2024年决算', '趋势', '原文所述原因']),
    );
    // Line 438: 收入总计1,134.08万元 … 增加308.64万元 … 主要原因是当年新增项目…
    const r = within(row(table, '收入总计'));
    expect(r.getByRole('link', { name: /^825\.44推算值$/ })).toHaveAttribute(
      'title',
      expect.stringContaining('推算值'),
    );
    expect(r.getByRole('link', { name: '1,134.08' })).toBeInTheDocument();
    expect(r.getByText('决算上升')).toBeInTheDocument();
    expect(
      r.getByText(/主要原因是当年新增项目，为新建政务大厅二厅综合改造项目。/),
    ).toBeInTheDocument();
    const line = r.getByRole('link', { name: '（第 438 行）' });
    expect(line.getAttribute('href')).toMatch(
      /^#\/source\/datong-service-center-2024-final\?.*line=438/,
    );
    // Line 518: 公务用车运行维护费支出0万元，比上年度减少0.72万元 … 单位公车已报废
    const car = within(row(table, '公务用车运行维护费'));
    expect(car.getByRole('link', { name: /^0\.72推算值$/ })).toBeInTheDocument();
    expect(car.getByText('决算下降')).toBeInTheDocument();
    expect(car.getByText(/主要原因是：单位公车已报废，无相关费用发生/)).toBeInTheDocument();
  });

  it('keeps the budget as its own 预算 series and says when no reason is printed', () => {
    loadRealData([IDS.cityBudget]);
    render(<YoyPage />);
    const table = trendTable(/依据：大同市行政审批服务管理局 2026年单位预算/);
    // Line 419: 一般公共预算当年支出1,564.72万元，比上年减少20.74万元，下降1.31%。 (no reason)
    const general = within(row(table, '一般公共预算财政拨款支出'));
    expect(general.getByRole('link', { name: /^1,585\.46推算值$/ })).toBeInTheDocument();
    expect(general.getByText('预算下降')).toBeInTheDocument();
    expect(general.getByText('原文未说明原因')).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: '2026年预算' })).toBeInTheDocument();
  });

  it('joins a loaded 2025 document of the same unit into one row per measure', () => {
    loadRealData([IDS.center, 'datong-service-center-2025-final']);
    const base = realBundle(IDS.center);
    const income = base.narrative.yoy.find((s) => s.key === 'incomeTotal');
    if (income === undefined) throw new Error('no incomeTotal');
    const id = 'datong-service-center-2025-final';
    const bundle: Bundle = {
      ...base,
      id,
      fiscalYear: 2025,
      narrative: {
        ...base.narrative,
        yoy: [
          {
            ...income,
            current: { v: '1200.00', line: 10 },
            change: { v: '65.92', line: 10 },
            pct: { v: '5.81', line: 10 },
            prior: { v: '1134.08', derived: { formula: '1200.00 − 65.92', lines: [10] } },
            reason: { text: '主要原因是人员增加。', line: 11 },
          },
        ],
      },
    };
    const manifest = realManifest();
    const entry = manifest.bundles.find((b) => b.id === IDS.center);
    if (entry === undefined) throw new Error('no entry');
    useAppStore.setState((s) => ({
      manifest: { ...manifest, bundles: [...manifest.bundles, { ...entry, id, fiscalYear: 2025 }] },
      bundles: { ...s.bundles, [id]: bundle },
    }));
    render(<YoyPage />);
    const table = trendTable(
      /依据：大同市政务服务中心 2024年单位决算；大同市政务服务中心 2025年单位决算/,
    );
    const r = within(row(table, '收入总计'));
    expect(r.getByRole('link', { name: /^825\.44推算值$/ })).toBeInTheDocument();
    // 2024 as printed in the 2024 document (line 438), not the 2025 document's derived copy.
    expect(r.getByRole('link', { name: '1,134.08' })).toHaveAttribute(
      'title',
      expect.stringContaining('第 438 行'),
    );
    expect(r.getByRole('link', { name: '1,200.00' })).toBeInTheDocument();
    expect(r.getByText('决算上升、上升')).toBeInTheDocument();
    expect(r.getByText('2024年决算：')).toBeInTheDocument();
    expect(r.getByText('2025年决算：')).toBeInTheDocument();
  });

  it('says when a bundle carries no reasons at all (an older ingest)', () => {
    loadRealData([IDS.center]);
    const b = realBundle(IDS.center);
    const yoy = b.narrative.yoy.map((y) => {
      const copy = { ...y };
      delete copy.reason;
      return copy;
    });
    useAppStore.setState((s) => ({
      bundles: { ...s.bundles, [IDS.center]: { ...b, narrative: { ...b.narrative, yoy } } },
    }));
    render(<YoyPage />);
    expect(
      screen.getByText(/这些文件的数据中没有任何变动原因：原文未写明，或数据包由旧版导入工具生成/),
    ).toBeInTheDocument();
    const table = trendTable(/依据：大同市政务服务中心 2024年单位决算/);
    expect(within(row(table, '收入总计')).getByText('原文未说明原因')).toBeInTheDocument();
  });
});
