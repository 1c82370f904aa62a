// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Manifest } from '@/data/schema';
import { validateManifest } from '@/data/validate';
import { OverviewPage } from '@/features/overview/overview-page';
import { resetAppStore, useAppStore } from '@/store/app-store';

/** The ingest's real manifest: the five documents the dashboard ships with. */
const realPath = join(__dirname, '../../public/data/manifest.json');
function loadManifest(): Manifest {
  const json: unknown = JSON.parse(readFileSync(realPath, 'utf8'));
  const r = validateManifest(json, 'manifest.json');
  if (!r.ok) throw new Error(r.reason);
  return r.data;
}
const manifest = loadManifest();

/** Independent of src/lib/format: how a reader expects 万元 to look. */
const shown = (v: string) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    Number(v),
  );

afterEach(() => {
  cleanup();
  resetAppStore();
});

function renderReady() {
  useAppStore.setState({ status: 'ready', manifest });
  return render(<OverviewPage />);
}

describe('总览', () => {
  it('shows one card per document, five in all', () => {
    renderReady();
    expect(screen.getAllByRole('article')).toHaveLength(5);
    for (const name of [
      '山西省行政审批服务管理局',
      '大同市行政审批服务管理局[部门]',
      '大同市行政审批服务管理局',
      '大同市政务服务中心',
      '朔州市朔城区行政审批服务管理局',
    ]) {
      expect(screen.getByRole('article', { name })).toBeInTheDocument();
    }
    const tags = within(
      within(screen.getByRole('article', { name: '大同市政务服务中心' })).getByRole('list', {
        name: '文件属性',
      }),
    );
    expect(tags.getByTitle('级次')).toHaveTextContent('市级 · 服务中心');
  });

  it.each(manifest.bundles.map((e) => [e.unit.name, e] as const))(
    '%s: level, scope, kind, year and totals',
    (name, entry) => {
      renderReady();
      const card = within(screen.getByRole('article', { name }));
      expect(
        card.getByText(`${entry.fiscalYear}年${entry.unit.scope}${entry.kind}`),
      ).toBeInTheDocument();
      const tags = within(card.getByRole('list', { name: '文件属性' }));
      // The level tag also names a service center's kind ("市级 · 服务中心").
      expect(tags.getByTitle('级次')).toHaveTextContent(entry.unit.level);
      for (const tag of [entry.unit.scope, entry.kind, `${entry.fiscalYear}年`]) {
        expect(tags.getByText(tag)).toBeInTheDocument();
      }
      for (const label of ['本年收入合计', '本年支出合计', '基本支出', '项目支出']) {
        expect(card.getByText(label)).toBeInTheDocument();
      }
      expect(card.getByText('单位：万元')).toBeInTheDocument();
      const income = entry.headline.incomeTotal;
      if (income) {
        const link = card.getAllByRole('link', { name: shown(income.v) })[0] as HTMLElement;
        expect(link).toHaveAttribute(
          'title',
          expect.stringContaining(`${entry.unit.name} ${entry.fiscalYear}年`),
        );
        expect(link).toHaveAttribute('title', expect.stringContaining(`第 ${income.line} 行`));
        expect(link).toHaveAttribute(
          'href',
          `#/source/${entry.id}?line=${income.line}&q=${income.v}`,
        );
      }
    },
  );

  it('shows the figures as printed, with separators and their source lines', () => {
    renderReady();
    const province = within(screen.getByRole('article', { name: '山西省行政审批服务管理局' }));
    expect(province.getByRole('link', { name: '42,684.35' })).toHaveAttribute(
      'title',
      '来源：山西省行政审批服务管理局 2024年单位决算，第 113 行（点击查看原文）',
    );
    expect(province.getByRole('link', { name: '41,393.83' })).toBeInTheDocument();
    const district = within(
      screen.getByRole('article', { name: '朔州市朔城区行政审批服务管理局' }),
    );
    expect(district.getByRole('link', { name: '607.16' })).toHaveAttribute(
      'href',
      '#/source/shuocheng-district-dept-2023-final?line=400&q=607.16',
    );
  });

  it('warns that scopes and years differ and must not be added', () => {
    renderReady();
    const note = screen.getByRole('note');
    expect(note).toHaveTextContent('数字不可相加');
    expect(note).toHaveTextContent('部门');
    expect(note).toHaveTextContent('单位');
    expect(note).toHaveTextContent('2023年、2024年、2026年');
  });

  it('shows "—" for a figure the document does not give', () => {
    const m = structuredClone(manifest);
    (m.bundles[0] as Manifest['bundles'][number]).headline.projectExpense = null;
    useAppStore.setState({ status: 'ready', manifest: m });
    render(<OverviewPage />);
    const card = within(screen.getAllByRole('article')[0] as HTMLElement);
    expect(card.getByText('—')).toBeInTheDocument();
  });

  it('names a bundle that failed to load on its card, and keeps the others', () => {
    const failing = manifest.bundles[1] as Manifest['bundles'][number];
    useAppStore.setState({
      status: 'ready',
      manifest,
      loadErrors: {
        [failing.id]: { message: `数据包“${failing.unit.name}”缺失：找不到文件`, issues: [] },
      },
    });
    render(<OverviewPage />);
    const card = within(screen.getByRole('article', { name: failing.unit.name }));
    expect(card.getByRole('alert')).toHaveTextContent('缺失：找不到文件');
    expect(screen.getAllByRole('article')).toHaveLength(5);
  });

  it('adds a unit to the comparison from its card', async () => {
    renderReady();
    const entry = manifest.bundles[2] as Manifest['bundles'][number];
    const card = within(screen.getByRole('article', { name: entry.unit.name }));
    await userEvent.click(card.getByRole('checkbox', { name: '加入对比' }));
    expect(useAppStore.getState().selectedIds).toEqual([entry.id]);
    expect(card.getByRole('checkbox', { name: '加入对比' })).toBeChecked();
  });
});

describe('总览 states', () => {
  it('loading', () => {
    useAppStore.setState({ status: 'loading' });
    render(<OverviewPage />);
    expect(screen.getByRole('status')).toHaveTextContent('正在加载数据…');
    // Screen readers are told the page is still filling in, as on every other view.
    expect(screen.getByRole('status')).toHaveAttribute('aria-busy', 'true');
  });

  it('error', () => {
    useAppStore.setState({
      status: 'error',
      manifestError: { message: '找不到数据清单 ./data/manifest.js', issues: [] },
    });
    render(<OverviewPage />);
    expect(screen.getByRole('alert')).toHaveTextContent('无法加载数据');
    expect(screen.getByRole('alert')).toHaveTextContent('找不到数据清单');
  });

  it('empty', () => {
    useAppStore.setState({ status: 'ready', manifest: { schemaVersion: 1, bundles: [] } });
    render(<OverviewPage />);
    expect(screen.getByRole('status')).toHaveTextContent('数据清单中没有任何文件');
  });
});
