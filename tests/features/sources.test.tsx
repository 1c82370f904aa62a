// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { SourcePage } from '@/features/sources/source-page';
import { resetAppStore, useAppStore } from '@/store/app-store';

afterEach(() => {
  cleanup();
  resetAppStore();
  delete window.__BUDGET_SOURCES__;
});

describe('原文 viewer', () => {
  it('shows the text with line numbers and highlights the target line', async () => {
    window.__BUDGET_SOURCES__ = {
      'doc-1': '\uFEFF第一行\n第二行\n本年收入合计\t27\t3540.62\n第四行',
    };
    useAppStore.setState({ view: 'source', source: { id: 'doc-1', line: 3 } });
    render(<SourcePage />);
    const region = await screen.findByRole('region', { name: '原文文本' });
    expect(region.children).toHaveLength(4);
    const target = region.querySelector('[aria-current="location"]');
    expect(target).toHaveTextContent('3本年收入合计');
    expect(target?.id).toBe('L3');
    expect(screen.getByText('定位到第 3 行')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← 返回总览' })).toHaveAttribute('href', '#/overview');
  });

  it('says so when the source text is missing', async () => {
    useAppStore.setState({ view: 'source', source: { id: 'doc-x', line: 1 } });
    // No script can load in jsdom: the host reports the failure.
    await useAppStore.getState().loadSource('doc-x', {
      host: { globals: {}, loadScript: () => Promise.reject(new Error('404')) },
    });
    render(<SourcePage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('找不到 doc-x 的原文文件');
    expect(screen.getByRole('button', { name: '重试' })).toBeInTheDocument();
  });

  it('says so when the line is past the end', async () => {
    window.__BUDGET_SOURCES__ = { 'doc-1': 'a\nb' };
    useAppStore.setState({ view: 'source', source: { id: 'doc-1', line: 9 } });
    render(<SourcePage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('原文只有 2 行，找不到第 9 行');
  });
});
