// @vitest-environment jsdom
/**
 * A link naming documents this copy does not have (an old link, a removed import, a typo): the
 * views skip them, the comparison bar counts only the documents shown and names the others.
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SangongPage } from '@/features/sangong/sangong-page';
import { ComparisonBar } from '@/features/picker/comparison-bar';
import { resetAppStore, useAppStore } from '@/store/app-store';
import { IDS, loadRealData } from './real-data';

afterEach(() => {
  cleanup();
  resetAppStore();
});

describe('comparison bar with ids the documents do not have', () => {
  it('only unknown ids: says so, and the views show the default comparison', () => {
    loadRealData();
    useAppStore.setState({ selectedIds: ['no-such-unit-2024-final'] });
    render(
      <>
        <ComparisonBar />
        <SangongPage />
      </>,
    );
    expect(screen.getByText(/^对比单位：全部 5 份文件/)).toBeInTheDocument();
    expect(screen.getByText(/^链接所选的/)).toHaveTextContent(
      '链接所选的 1 个文件在本看板中找不到，已忽略：no-such-unit-2024-final；显示默认的对比单位。',
    );
    expect(screen.getByText(/^未选择对比单位，显示全部 5 个文件/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '清除选择（显示全部）' })).toBeInTheDocument();
  });

  it('known and unknown ids: counts the known one, names the other', () => {
    loadRealData();
    useAppStore.setState({ selectedIds: [IDS.province, 'gone-2023-final'] });
    render(<ComparisonBar />);
    expect(screen.getByText(/^对比单位：已选 1 份文件/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      '链接所选的 1 个文件在本看板中找不到，已忽略：gone-2023-final。',
    );
  });

  it('清除选择 hands keyboard focus to the first unit (the button goes)', async () => {
    loadRealData();
    useAppStore.setState({ selectedIds: [IDS.province] });
    render(<ComparisonBar />);
    await userEvent.click(screen.getByRole('button', { name: '清除选择（显示全部）' }));
    expect(useAppStore.getState().selectedIds).toEqual([]);
    expect(screen.queryByRole('button', { name: /清除选择/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getAllByRole('checkbox')[0]);
  });

  it('known ids only: no notice', () => {
    loadRealData();
    useAppStore.setState({ selectedIds: [IDS.province, IDS.center] });
    render(<ComparisonBar />);
    expect(screen.getByText(/^对比单位：已选 2 份文件/)).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
