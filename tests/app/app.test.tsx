// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { App } from '@/app/app';
import { ErrorBoundary } from '@/app/error-boundary';
import { resetAppStore, useAppStore } from '@/store/app-store';

afterEach(() => {
  cleanup();
  resetAppStore();
});

function Boom(): never {
  throw new Error('坏数据');
}

describe('App shell', () => {
  it('shows the product name and the navigation', () => {
    render(<App />);
    expect(screen.getByRole('heading', { level: 1, name: '预决算对比看板' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: '主导航' });
    for (const label of [
      '总览',
      '预算执行',
      '同比变化',
      '三公经费',
      '绩效评价',
      '明细表',
      '数据校验',
      '疑点',
      '原文',
    ]) {
      expect(nav).toHaveTextContent(label);
    }
    expect(screen.getByRole('link', { name: '总览' })).toHaveAttribute('aria-current', 'page');
  });

  it.each([
    ['execution', '预算执行'],
    ['yoy', '同比变化'],
    ['sangong', '三公经费'],
    ['performance', '绩效评价'],
    ['tables', '明细表'],
    ['checks', '数据校验'],
    ['flags', '疑点'],
  ] as const)('route #/%s shows the %s view with the comparison bar', async (view, label) => {
    useAppStore.setState({ view });
    render(<App />);
    // The view's script loads on demand: its heading follows the app shell.
    expect(
      await screen.findByRole('heading', { level: 2, name: label }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '对比设置' })).toBeInTheDocument();
  });

  it('the error boundary shows a Chinese message instead of a blank page', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ErrorBoundary>
        <Boom />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('页面出错了');
    expect(screen.getByRole('alert')).toHaveTextContent('错误信息：坏数据');
    expect(screen.getByRole('alert')).not.toHaveTextContent('at Boom');
    spy.mockRestore();
  });
});
