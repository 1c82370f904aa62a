// @vitest-environment jsdom
/**
 * The dashboard at a province's scale: with many documents the views compare a
 * bounded default, the overview pages its cards and loads only their bundles, and the picker
 * lists a searchable window instead of every document.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Manifest } from '@/data/schema';
import { OverviewPage } from '@/features/overview/overview-page';
import { ComparisonBar } from '@/features/picker/comparison-bar';
import { resetAppStore, useAppStore } from '@/store/app-store';
import { selectComparedEntries } from '@/store/selectors';
import { realManifest } from './real-data';

type Entry = Manifest['bundles'][number];

/** `n` documents: the five real ones repeated, each copy a differently numbered unit. */
function manyEntries(n: number): Entry[] {
  const base = realManifest().bundles;
  return Array.from({ length: n }, (_, i) => {
    const e = base[i % base.length] as Entry;
    return { ...e, id: `${e.id}-${i}`, unit: { ...e.unit, name: `${e.unit.name}${i}号` } };
  });
}

function setManifest(n: number, selectedIds: string[] = []) {
  const bundles = manyEntries(n);
  useAppStore.setState({ status: 'ready', manifest: { schemaVersion: 1, bundles }, selectedIds });
  return bundles;
}

/** Records which bundles were asked for instead of inserting scripts. */
function spyRequests(): string[] {
  const asked: string[] = [];
  useAppStore.setState({
    requestBundles: async (ids) => {
      asked.push(...ids);
    },
  });
  return asked;
}

afterEach(() => {
  cleanup();
  resetAppStore();
});

describe('default comparison', () => {
  it('compares every document when there are five', () => {
    setManifest(5);
    expect(selectComparedEntries(useAppStore.getState())).toHaveLength(5);
  });

  it('compares the first twenty of 1,500 documents when nothing is selected', () => {
    const entries = setManifest(1500);
    expect(selectComparedEntries(useAppStore.getState()).map((e) => e.id)).toEqual(
      entries.slice(0, 20).map((e) => e.id),
    );
  });

  it('compares exactly the selection, however many documents exist', () => {
    const entries = setManifest(1500);
    const chosen = [entries[1400]?.id ?? '', entries[3]?.id ?? ''];
    useAppStore.setState({ selectedIds: chosen });
    expect(selectComparedEntries(useAppStore.getState()).map((e) => e.id)).toEqual(chosen);
  });
});

describe('总览 with many documents', () => {
  it('shows 24 cards a page and loads only their bundles', async () => {
    const entries = setManifest(50);
    const asked = spyRequests();
    render(<OverviewPage />);
    expect(screen.getAllByRole('article')).toHaveLength(24);
    expect(screen.getByText('第 1 / 3 页：第 1–24 份，共 50 份')).toBeInTheDocument();
    expect(asked).toEqual(entries.slice(0, 24).map((e) => e.id));

    await userEvent.click(screen.getByRole('button', { name: '下一页' }));
    expect(screen.getByText('第 2 / 3 页：第 25–48 份，共 50 份')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '大同市政务服务中心27号' })).toBeInTheDocument();
    expect(asked.slice(24)).toEqual(entries.slice(24, 48).map((e) => e.id));
    await userEvent.click(screen.getByRole('button', { name: '下一页' }));
    expect(screen.getAllByRole('article')).toHaveLength(2);
    expect(screen.getByRole('button', { name: '下一页' })).toBeDisabled();
  });

  it('filters by name, year and kind, and says when nothing matches', async () => {
    setManifest(50);
    spyRequests();
    render(<OverviewPage />);
    const search = screen.getByRole('searchbox', { name: '筛选文件' });
    await userEvent.type(search, '朔城区 2023');
    // Every fifth copy is the district's 2023 部门决算: 10 of 50.
    expect(screen.getAllByRole('article')).toHaveLength(10);
    expect(screen.getByText('第 1 / 1 页：第 1–10 份，共 10 份（全部 50 份）')).toBeInTheDocument();
    await userEvent.clear(search);
    await userEvent.type(search, '预算 2026 大同');
    expect(screen.getAllByRole('article')).toHaveLength(10);
    await userEvent.type(search, ' 省');
    expect(screen.queryAllByRole('article')).toHaveLength(0);
    expect(screen.getByText('没有与“预算 2026 大同 省”匹配的文件（共 50 份）')).toBeInTheDocument();
  });

  it('has no pager for five documents', () => {
    setManifest(5);
    spyRequests();
    render(<OverviewPage />);
    expect(screen.getAllByRole('article')).toHaveLength(5);
    expect(screen.queryByRole('navigation', { name: '总览分页' })).toBeNull();
  });
});

describe('comparison bar with many documents', () => {
  it('lists thirty, says how many more match, and says what the views show', async () => {
    setManifest(1500);
    render(<ComparisonBar />);
    // The bar is folded to its summary line until opened.
    expect(screen.getByText(/^对比单位：前 20 份（共 1500 份）/)).toBeInTheDocument();
    await userEvent.click(screen.getByText(/^对比单位：/));
    const picker = screen.getByRole('group', {
      name: '对比单位（未选择时各视图显示前 20 份，共 1500 份）',
    });
    expect(within(picker).getAllByRole('checkbox')).toHaveLength(30);
    expect(
      screen.getByText('另有 1470 份匹配的文件未列出，请输入名称、年度或类型缩小范围。'),
    ).toBeInTheDocument();

    await userEvent.type(screen.getByRole('searchbox', { name: '查找单位' }), '1232号');
    const only = within(picker).getByRole('checkbox', { name: /大同市政务服务中心1232号/ });
    await userEvent.click(only);
    expect(useAppStore.getState().selectedIds).toEqual(['datong-service-center-2024-final-1232']);

    // The chosen document stays listed (to be unticked) after the search changes.
    await userEvent.clear(screen.getByRole('searchbox', { name: '查找单位' }));
    expect(within(picker).getAllByRole('checkbox')).toHaveLength(31);
    expect(within(picker).getByRole('checkbox', { name: /1232号/ })).toBeChecked();
    expect(screen.getByRole('group', { name: '对比单位（已选 1 个）' })).toBeInTheDocument();
  });

  it('lists every document when there are five, without a search box', () => {
    setManifest(5);
    render(<ComparisonBar />);
    expect(screen.getAllByRole('checkbox')).toHaveLength(5);
    expect(screen.queryByRole('searchbox')).toBeNull();
    // 大同市政务服务中心 is a 市级 unit whose kind is a service center: both, in one tag.
    const center = screen.getByRole('checkbox', { name: /大同市政务服务中心/ }).closest('label');
    expect(center).toHaveTextContent(
      /^大同市政务服务中心\d+号 市级 · 服务中心 单位 2024年单位决算$/,
    );
    expect(screen.getByRole('group', { name: '对比单位（未选择时显示全部）' })).toBeInTheDocument();
  });
});
