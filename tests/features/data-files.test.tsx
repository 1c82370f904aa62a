// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataFilesPage } from '@/features/data-files/data-files-page';
import { resetAppStore, useAppStore } from '@/store/app-store';
import { IDS, loadRealData, realBundle } from './real-data';

afterEach(() => {
  cleanup();
  resetAppStore();
});

function jsonFile(name: string, json: unknown): File {
  return new File([typeof json === 'string' ? json : JSON.stringify(json)], name, {
    type: 'application/json',
  });
}

describe('数据文件 view', () => {
  it('lists the built-in documents and imports picked files, reporting each by name', async () => {
    loadRealData();
    render(<DataFilesPage />);
    expect(screen.getByRole('heading', { level: 2, name: '数据文件' })).toBeInTheDocument();
    const builtIn = screen.getByRole('list', { name: '内置数据' });
    expect(within(builtIn).getAllByRole('listitem')).toHaveLength(5);

    const b = realBundle(IDS.center);
    await userEvent.upload(screen.getByLabelText('选择数据包文件（.json，可多选）'), [
      jsonFile('good.json', { ...b, id: 'center-copy', unit: { ...b.unit, name: '副本单位' } }),
      jsonFile('bad.json', { ...b, id: 'bad-copy', kind: '草稿' }),
    ]);

    expect(await screen.findByText(/已导入文件 good\.json：副本单位 2024年单位决算/)).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('文件 bad.json：kind 必须是');
    const user = screen.getByRole('list', { name: '用户导入' });
    expect(within(user).getByText('用户导入')).toBeInTheDocument();
    expect(within(user).getByText(/good\.json · 编号 center-copy/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: '移除 good.json' }));
    expect(screen.queryByRole('list', { name: '用户导入' })).not.toBeInTheDocument();
    expect(useAppStore.getState().bundles['center-copy']).toBeUndefined();
  });
});
