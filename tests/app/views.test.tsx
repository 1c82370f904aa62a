// @vitest-environment jsdom
/**
 * Views load on demand (src/app/views.tsx): a view whose script cannot be loaded (a file missing
 * from the copied assets folder) says so in Chinese, and the app around it stays usable.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { App } from '@/app/app';
import { resetAppStore, useAppStore } from '@/store/app-store';
import { IDS, loadRealData } from '../features/real-data';

vi.mock('@/features/sangong/sangong-page', () => {
  throw new Error('Error loading file:///usb/dist/assets/sangong-page.js');
});

afterEach(() => {
  cleanup();
  resetAppStore();
});

describe('a view whose script is missing', () => {
  it('shows a Chinese message naming the view, and keeps the navigation and the data', async () => {
    loadRealData([IDS.province]);
    useAppStore.setState({ view: 'sangong' });
    render(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('无法加载“三公经费”页面的程序文件');
    expect(alert).toHaveTextContent('已加载的数据不受影响');
    expect(alert).not.toHaveTextContent('file:///');
    expect(screen.getByRole('navigation', { name: '主导航' })).toBeInTheDocument();
    expect(useAppStore.getState().bundles[IDS.province]?.unit.name).toBe(
      '山西省行政审批服务管理局',
    );
  });

  it('another view still opens', async () => {
    loadRealData([IDS.province]);
    useAppStore.setState({ view: 'execution' });
    render(<App />);
    expect(
      await screen.findByRole('heading', { level: 2, name: '预算执行' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
  });
});
