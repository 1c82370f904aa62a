/**
 * PDF → positioned text with pdf.js. Expected runs were typed from the fixture PDFs as
 * `pdftotext -layout` shows them; the error cases use real broken, encrypted and image-only files.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPdfText, layoutText, PdfTextError } from '@/ingest/pdf/pdf-text';
import { readPdfResource, readPdfTextNode } from '@/ingest/pdf/pdf-text-node';
import { cjkTextPdf, imageOnlyPdf } from './helpers/tiny-pdf';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/national/${name}`, import.meta.url)));

async function failure(data: Uint8Array): Promise<PdfTextError> {
  try {
    await readPdfTextNode(data);
  } catch (err) {
    if (err instanceof PdfTextError) return err;
    throw err;
  }
  throw new Error('expected the PDF to be refused');
}

describe('readPdfTextNode on a real budget PDF (上海市普陀区司法局 2026, 6 pages)', () => {
  it('keeps pages, groups runs into lines by baseline and sorts them by x', async () => {
    const text = await readPdfTextNode(fixture('putuo-justice-2026-budget.pdf'));
    expect(text.pages.map((p) => p.page)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(text.warnings).toEqual([]);

    const totals = text.pages[1]?.lines.find((l) => l.text.includes('收入总计'));
    expect(totals?.runs.map((r) => r.text)).toEqual([
      '收入总计',
      '96,282,213.44',
      '支出总计',
      '96,282,213.44',
    ]);
    const xs = totals?.runs.map((r) => r.x) ?? [];
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(totals?.runs.every((r) => r.width > 0)).toBe(true);

    // The 三公 table's one data row (万元), seven figures in seven runs.
    const sangong = text.pages[5]?.lines.find((l) => l.text.includes('217.83'));
    expect(sangong?.runs.map((r) => r.text)).toEqual([
      '10.81',
      '0',
      '0.83',
      '9.98',
      '0',
      '9.98',
      '217.83',
    ]);
  });

  it('renders space-aligned layout text: one line per baseline, pages split by form feeds', async () => {
    const text = await readPdfTextNode(fixture('putuo-justice-2026-budget.pdf'));
    const pages = layoutText(text).split('\f');
    expect(pages).toHaveLength(6);
    const page2 = pages[1]?.split('\n') ?? [];
    // Line numbers are those of the rendered page; the title is line 1.
    expect(page2[0]?.trim()).toBe('2026年部门财务收支预算总表');
    expect(text.pages[1]?.lines[0]?.line).toBe(1);
    const row = page2.find((l) => l.includes('一、财政拨款收入')) ?? '';
    // Cells are separated by spaces, in x order; numbers align under their column.
    expect(row.trim().split(/\s{2,}/)).toEqual([
      '一、财政拨款收入',
      '96,282,213.44 一、公共安全支出',
      '87,267,272.44',
    ]);
    const next = page2.find((l) => l.includes('1. 一般公共预算')) ?? '';
    expect(next.indexOf('96,282,213.44')).toBe(row.indexOf('96,282,213.44'));
  });

  it('reads CJK text in a non-embedded font (UniGB-UCS2-H) through the bundled CMaps', async () => {
    const pdf = cjkTextPdf([
      [
        { x: 20, y: 40, text: '本年支出合计' },
        { x: 200, y: 40, text: '3,540.42' },
      ],
    ]);
    const text = await readPdfTextNode(pdf);
    expect(text.pages[0]?.lines[0]?.runs.map((r) => r.text)).toEqual(['本年支出合计', '3,540.42']);
    // Without the CMaps pdf.js cannot map the codes to text at all.
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    await expect(extractPdfText(pdf, pdfjs)).rejects.toThrow(PdfTextError);
  });
});

describe('PDFs that cannot be read get a clear Chinese message', () => {
  it('refuses bytes that are not a PDF', async () => {
    const err = await failure(new TextEncoder().encode('收入支出决算总表\t3540.62\n'));
    expect(err.code).toBe('not-pdf');
    expect(err.message).toContain('不是 PDF 文件');
  });

  it('refuses a truncated download', async () => {
    const whole = fixture('putuo-justice-2026-budget.pdf');
    const err = await failure(whole.slice(0, Math.floor(whole.length / 2)));
    expect(err.code).toBe('damaged');
    expect(err.message).toContain('PDF 文件已损坏或不完整');
  });

  it('refuses an encrypted PDF (made with qpdf --encrypt, user password)', async () => {
    const err = await failure(fixture('encrypted.pdf'));
    expect(err.code).toBe('encrypted');
    expect(err.message).toContain('PDF 已加密');
  });

  it('refuses a scanned (image-only) PDF and names the page', async () => {
    const err = await failure(imageOnlyPdf());
    expect(err.code).toBe('no-text');
    expect(err.message).toContain('PDF 没有文字层（可能是扫描件）');
    expect(err.message).toContain('第 1 页');
  });
});

describe('long PDFs: progress per page, cancel between pages, a page cap', () => {
  const pageOf = (n: number) => [{ x: 20, y: 40, text: `第${n}页 本年收入合计` }];
  const manyPages = (count: number) =>
    cjkTextPdf(Array.from({ length: count }, (_, i) => pageOf(i + 1)));
  const legacy = () => import('pdfjs-dist/legacy/build/pdf.mjs');

  it('reports every page as it is read, 1 of N to N of N', async () => {
    const seen: string[] = [];
    await extractPdfText(manyPages(4), await legacy(), {
      readResource: readPdfResource,
      onPage: (page, pages) => void seen.push(`${page}/${pages}`),
    });
    expect(seen).toEqual(['1/4', '2/4', '3/4', '4/4']);
  });

  it('stops at the next page once cancelled and says how far it got', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const reading = extractPdfText(manyPages(6), await legacy(), {
      readResource: readPdfResource,
      signal: controller.signal,
      onPage: (page) => {
        seen.push(page);
        if (page === 2) controller.abort();
      },
    });
    const err = await reading.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PdfTextError);
    expect((err as PdfTextError).code).toBe('cancelled');
    expect((err as PdfTextError).message).toContain('已取消导入（读到第 2 / 6 页）');
    expect(seen).toEqual([1, 2]);
  });

  it('refuses a document over the page cap before reading any page', async () => {
    const seen: number[] = [];
    const err = await extractPdfText(manyPages(5), await legacy(), {
      readResource: readPdfResource,
      maxPages: 4,
      onPage: (page) => void seen.push(page),
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((err as PdfTextError).code).toBe('too-long');
    expect((err as PdfTextError).message).toContain('PDF 共 5 页，超过可导入的上限 4 页');
    expect(seen).toEqual([]);
  });
});
