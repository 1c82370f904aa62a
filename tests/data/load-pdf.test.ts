/**
 * The PDF import's data side: dist/ingest-pdf.js loaded once and on demand, then a PDF read page by
 * page (the real reader, with pdf.js's legacy build standing in for the browser build), cancelled
 * between pages, or refused, before its text takes the .txt path.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IngestApi } from '@/data/load-ingest';
import type { PdfApi, PdfHost } from '@/data/load-pdf';
import { loadPdfReader } from '@/data/load-pdf';
import { MAX_PDF_PAGES, readUserPdf } from '@/data/user-pdf';
import { ingestText } from '@/ingest/browser';
import { readPdfWith } from '@/ingest/pdf/read-pdf';
import { cjkTextPdf, imageOnlyPdf } from '../ingest/helpers/tiny-pdf';

const legacy = await import('pdfjs-dist/legacy/build/pdf.mjs');
/** The API dist/ingest-pdf.js defines, on the pdf.js build that runs in Node. */
const reader: PdfApi = { readPdf: (bytes, options) => readPdfWith(legacy, bytes, options) };
const ingest = (): Promise<IngestApi> => Promise.resolve({ ingestText });
const taken = { builtIn: [], user: [] };

function host(script: 'works' | 'missing' | 'empty') {
  const loaded: string[] = [];
  const h: PdfHost & { loaded: string[] } = {
    loaded,
    globals: {},
    loadScript(src) {
      loaded.push(src);
      if (script === 'missing') return Promise.reject(new Error(`无法加载 ${src}`));
      if (script === 'works') (h.globals as { __BUDGET_PDF__?: unknown }).__BUDGET_PDF__ = reader;
      return Promise.resolve();
    },
  };
  return h;
}

const pages = (count: number) =>
  cjkTextPdf(
    Array.from({ length: count }, (_, i) => [{ x: 20, y: 40, text: `第${i + 1}页 本年收入合计` }]),
  );

describe('loadPdfReader', () => {
  it('inserts ./ingest-pdf.js once and resolves with the reader it defines', async () => {
    const h = host('works');
    const [a, b] = await Promise.all([loadPdfReader(h), loadPdfReader(h)]);
    expect(a).toBe(reader);
    expect(b).toBe(a);
    await loadPdfReader(h);
    expect(h.loaded).toEqual(['./ingest-pdf.js']);
  });

  it.each(['missing', 'empty'] as const)(
    'a %s script is a Chinese message naming ingest-pdf.js, and the next import tries again',
    async (kind) => {
      const h = host(kind);
      await expect(loadPdfReader(h)).rejects.toThrow(
        /无法加载 PDF 导入程序 ingest-pdf\.js.*PDF 文件未导入；已加载的数据不受影响/,
      );
      await expect(loadPdfReader(h)).rejects.toThrow(/ingest-pdf\.js/);
      expect(h.loaded).toEqual(['./ingest-pdf.js', './ingest-pdf.js']);
    },
  );
});

describe('readUserPdf', () => {
  it('shows each page as it is read, then makes the bundle from the layout text', async () => {
    // Seed 003 as another unit's document, as the PDF reader would hand over its text.
    const seed = readFileSync(
      'public/data/sources/datong-service-center-2024-final.txt',
      'utf8',
    ).replaceAll('大同市政务服务中心', '测试市政务服务中心');
    const seen: string[] = [];
    let asked: number | undefined;
    const fakeText: PdfApi = {
      readPdf: async (bytes, options) => {
        asked = options?.maxPages;
        const read = await reader.readPdf(bytes, options);
        return read.ok ? { ...read, text: seed } : read;
      },
    };
    const result = await readUserPdf('公开.pdf', pages(3), taken, {
      onPage: (page, count) => seen.push(`第 ${page} / ${count} 页`),
      loadPdf: () => Promise.resolve(fakeText),
      loadText: ingest,
    });
    expect(seen).toEqual(['第 1 / 3 页', '第 2 / 3 页', '第 3 / 3 页']);
    expect(asked).toBe(MAX_PDF_PAGES);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.bundle.unit.name).toBe('测试市政务服务中心');
    expect(result.record.sourceText).toBe(seed);
  });

  it('stops between pages when cancelled: nothing is made, and the message says how far it got', async () => {
    const controller = new AbortController();
    let ingestLoaded = false;
    const result = await readUserPdf('长文件.pdf', pages(8), taken, {
      signal: controller.signal,
      onPage: (page) => {
        if (page === 3) controller.abort();
      },
      loadPdf: () => Promise.resolve(reader),
      loadText: () => {
        ingestLoaded = true;
        return ingest();
      },
    });
    expect(result).toMatchObject({
      ok: false,
      cancelled: true,
      message: '文件 长文件.pdf：已取消导入（读到第 3 / 8 页），未保存任何数据',
    });
    expect(ingestLoaded).toBe(false);
  });

  it.each([
    [
      '扫描件.pdf',
      imageOnlyPdf(),
      /^文件 扫描件\.pdf：PDF 没有文字层（可能是扫描件）.*第 1 页。未导入/,
    ],
    [
      '加密.pdf',
      new Uint8Array(readFileSync(new URL('../fixtures/national/encrypted.pdf', import.meta.url))),
      /^文件 加密\.pdf：PDF 已加密（需要密码才能打开），无法读取。.*未导入，已加载的数据不受影响/,
    ],
    ['改名.pdf', new TextEncoder().encode('这不是 PDF'), /^文件 改名\.pdf：不是 PDF 文件/],
  ])('refuses %s with the reader’s reason', async (name, bytes, message) => {
    const result = await readUserPdf(name, bytes, taken, {
      loadPdf: () => Promise.resolve(reader),
      loadText: ingest,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('refuses a PDF of more than 500 pages before reading a page', async () => {
    const seen: number[] = [];
    const result = await readUserPdf('全市汇编.pdf', pages(MAX_PDF_PAGES + 1), taken, {
      onPage: (page) => seen.push(page),
      loadPdf: () => Promise.resolve(reader),
      loadText: ingest,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('PDF 共 501 页，超过可导入的上限 500 页');
    expect(seen).toEqual([]);
  });

  it('reports a missing ingest-pdf.js by file name', async () => {
    const result = await readUserPdf('公开.pdf', pages(1), taken, {
      loadPdf: () => loadPdfReader(host('missing')),
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.message).toMatch(/^文件 公开\.pdf：无法加载 PDF 导入程序 ingest-pdf\.js/);
  });
});
