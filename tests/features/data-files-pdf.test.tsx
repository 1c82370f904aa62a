// @vitest-environment jsdom
/**
 * 数据文件 with a PDF: page-by-page progress with a 取消 button that stores nothing, and a PDF the
 * reader refuses reported by name while everything loaded stays. The reader is the real one
 * (read-pdf.ts) on pdf.js's legacy build, set as window.__BUDGET_PDF__ as dist/ingest-pdf.js
 * would set it (no script can load in jsdom).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PdfApi } from '@/data/load-pdf';
import { DataFilesPage } from '@/features/data-files/data-files-page';
import { WindowFileDrop } from '@/features/data-files/window-file-drop';
import { ingestText } from '@/ingest/browser';
import { readPdfWith } from '@/ingest/pdf/read-pdf';
import { resetAppStore, useAppStore } from '@/store/app-store';
import { selectEntries } from '@/store/selectors';
import { layoutTextPdf } from '../ingest/helpers/layout-pdf';
import { cjkTextPdf } from '../ingest/helpers/tiny-pdf';
import { IDS, loadRealData, realBundle } from './real-data';

const legacy = await import('pdfjs-dist/legacy/build/pdf.mjs');
/** pdf.js reads a PDF in well under a second alone, but several seconds beside the whole suite. */
const SLOW = { timeout: 15_000 };

/** The real reader, holding on after page `holdAt` until the import is cancelled. */
function readerHoldingAt(holdAt: number): PdfApi {
  return {
    readPdf: (bytes, options = {}) =>
      readPdfWith(legacy, bytes, {
        ...options,
        onPage: async (page, pages) => {
          await options.onPage?.(page, pages);
          const { signal } = options;
          if (page === holdAt && signal && !signal.aborted) {
            await new Promise((resolve) => signal.addEventListener('abort', resolve));
          }
        },
      }),
  };
}

const longPdf = (count: number) =>
  cjkTextPdf(
    Array.from({ length: count }, (_, i) => [{ x: 20, y: 40, text: `第${i + 1}页 本年收入合计` }]),
  );

function pdfFile(name: string, bytes: Uint8Array): File {
  return new File([new Uint8Array(bytes)], name, { type: 'application/pdf' });
}

function drop(...files: File[]) {
  fireEvent.drop(window, { dataTransfer: { types: ['Files'], files } });
}

beforeEach(() => {
  window.__BUDGET_INGEST__ = { ingestText };
});
afterEach(() => {
  cleanup();
  resetAppStore();
  delete window.__BUDGET_INGEST__;
  delete window.__BUDGET_PDF__;
});

describe('数据文件: a dropped PDF', () => {
  it('shows 第 n / N 页 with a bar and 取消; cancelling stores nothing and skips the rest', async () => {
    window.__BUDGET_PDF__ = readerHoldingAt(2);
    loadRealData();
    render(
      <>
        <WindowFileDrop />
        <DataFilesPage />
      </>,
    );
    const before = selectEntries(useAppStore.getState()).map((e) => e.id);
    const b = realBundle(IDS.center);
    drop(
      pdfFile('长文件.pdf', longPdf(6)),
      new File([JSON.stringify({ ...b, id: 'center-copy' })], 'later.json'),
    );

    const status = await screen.findByRole('status', {}, SLOW);
    await vi.waitFor(
      () => expect(status).toHaveTextContent('正在读取 长文件.pdf：第 2 / 6 页'),
      SLOW,
    );
    const bar = screen.getByRole('progressbar', { name: '长文件.pdf 读取进度' });
    expect(bar).toHaveAttribute('value', '2');
    expect(bar).toHaveAttribute('max', '6');

    // Keyboard: the button is reachable with Tab and works with Enter.
    const cancel = screen.getByRole('button', { name: '取消' });
    cancel.focus();
    expect(cancel).toHaveFocus();
    await userEvent.keyboard('{Enter}');

    const outcomes = await screen.findAllByRole('alert', {}, SLOW);
    expect(outcomes.map((o) => o.textContent)).toEqual([
      '✗ 文件 长文件.pdf：已取消导入（读到第 2 / 6 页），未保存任何数据',
      '✗ 文件 later.json：已取消导入，未保存任何数据',
    ]);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    // Focus went back to the picker, not to the page's body.
    expect(
      screen.getByLabelText('选择数据包或公开文本（.json、.txt、.pdf，可多选）'),
    ).toHaveFocus();
    expect(screen.queryByRole('button', { name: '取消' })).not.toBeInTheDocument();
    const s = useAppStore.getState();
    expect(s.userFiles).toEqual([]);
    expect(s.userImportProgress).toBeNull();
    expect(selectEntries(s).map((e) => e.id)).toEqual(before);
  });

  it('reports an encrypted PDF by name and keeps every loaded document', async () => {
    window.__BUDGET_PDF__ = readerHoldingAt(0);
    loadRealData();
    render(
      <>
        <WindowFileDrop />
        <DataFilesPage />
      </>,
    );
    const encrypted = new Uint8Array(
      readFileSync(join(import.meta.dirname, '../fixtures/national/encrypted.pdf')),
    );
    const b = realBundle(IDS.center);
    drop(
      pdfFile('加密.pdf', encrypted),
      new File(
        [JSON.stringify({ ...b, id: 'center-copy', unit: { ...b.unit, name: '副本单位' } })],
        'good.json',
      ),
    );

    expect(await screen.findByRole('alert', {}, SLOW)).toHaveTextContent(
      /^✗ 文件 加密\.pdf：PDF 已加密（需要密码才能打开），无法读取。.*未导入，已加载的数据不受影响/,
    );
    expect(await screen.findByText(/已导入文件 good\.json：副本单位/, {}, SLOW)).toBeVisible();
    const builtIn = screen.getByRole('list', { name: '内置数据' });
    expect(within(builtIn).getAllByRole('listitem')).toHaveLength(5);
    expect(useAppStore.getState().userFiles.map((f) => f.fileName)).toEqual(['good.json']);
  });

  it('makes a document of a national-layout PDF, noting a page without text', async () => {
    window.__BUDGET_PDF__ = readerHoldingAt(0);
    loadRealData();
    render(
      <>
        <WindowFileDrop />
        <DataFilesPage />
      </>,
    );
    const text = readFileSync(
      join(import.meta.dirname, '../fixtures/national/datong-dept-2024-final.layout.txt'),
      'utf8',
    ).replaceAll('大同市行政审批服务管理局', '测试市行政审批服务管理局');
    // Five printed pages and a sixth without text, as a scanned page inside a PDF looks.
    drop(pdfFile('测试市.pdf', layoutTextPdf(text, [[]])));

    expect(
      await screen.findByText(
        /^✓ 已导入文件 测试市\.pdf：测试市行政审批服务管理局 2024年部门决算/,
        {},
        SLOW,
      ),
    ).toHaveTextContent(
      /条校验结果；注意：PDF 没有文字层（可能是扫描件），无法读取表格数字：第 6 页(；|$)/,
    );
    const [file] = useAppStore.getState().userFiles;
    const bundle = useAppStore.getState().bundles[file?.id ?? ''];
    // 本年收入合计 as printed on page 2 (万元), at its line in the stored text.
    const source = useAppStore.getState().sources[file?.id ?? ''];
    const lines = source?.status === 'ready' ? source.text.split('\n') : [];
    const at = lines.findIndex((l) => l.includes('本年收入合计'));
    expect(lines[at]).toMatch(/本年收入合计\s+3,540\.62\s+本年支出合计\s+3,540\.42/);
    expect(
      lines
        .slice(0, at + 1)
        .join('\n')
        .split('\f'),
    ).toHaveLength(2);
    expect(JSON.stringify(bundle?.tables)).toContain(`"v":"3540.62","line":${at + 1}`);
  });

  it('the picker and the drop hint name .pdf', () => {
    loadRealData();
    render(<DataFilesPage />);
    const input = screen.getByLabelText('选择数据包或公开文本（.json、.txt、.pdf，可多选）');
    expect(input.getAttribute('accept')).toContain('.pdf');
  });
});
