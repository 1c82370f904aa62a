/**
 * The browser PDF reader's own resources: the GB CMaps built into dist/ingest-pdf.js must be
 * enough for pdf.js to read Chinese text in a non-embedded font, with nothing fetched.
 */
import { describe, expect, it } from 'vitest';
import { readBundledResource } from '@/ingest/pdf/bundled-resources';
import { extractPdfText, layoutText } from '@/ingest/pdf/pdf-text';
import { markUnreadable } from '@/ingest/pdf/read-pdf';
import { cjkTextPdf } from './helpers/tiny-pdf';

describe('readBundledResource (the CMaps inside dist/ingest-pdf.js)', () => {
  it('reads STSong-Light / UniGB-UCS2-H text, as the committed PDF fixture is made', async () => {
    const asked: string[] = [];
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = cjkTextPdf([
      [
        { x: 20, y: 40, text: '大同市行政审批服务管理局' },
        { x: 20, y: 60, text: '本年收入合计' },
        { x: 200, y: 60, text: '3,540.62' },
      ],
    ]);
    const text = await extractPdfText(pdf, pdfjs, {
      readResource: (kind, name) => {
        asked.push(name);
        return readBundledResource(kind, name);
      },
    });
    expect(
      layoutText(text)
        .split('\n')
        .map((l) => l.trim().split(/\s{2,}/)),
    ).toEqual([['大同市行政审批服务管理局'], ['本年收入合计', '3,540.62']]);
    // The encoding and the CID → Unicode map both came from the bundle.
    expect(asked).toEqual(expect.arrayContaining(['UniGB-UCS2-H.bcmap', 'Adobe-GB1-UCS2.bcmap']));
  });

  it.each(['UniGB-UCS2-H', 'UniGB-UTF16-H', 'GBK-EUC-H', 'GB-EUC-H', 'Adobe-GB1-UCS2'])(
    'carries %s.bcmap (packed CMap bytes, not text)',
    async (name) => {
      const bytes = await readBundledResource('cMapUrl', `${name}.bcmap`);
      expect(bytes.length).toBeGreaterThan(100);
    },
  );

  it('refuses what it does not carry instead of fetching it', async () => {
    await expect(readBundledResource('cMapUrl', 'UniJIS-UCS2-H.bcmap')).rejects.toThrow(
      '未附带 UniJIS-UCS2-H.bcmap',
    );
  });
});

describe('markUnreadable: glyphs without text in a PDF', () => {
  it('shows them as □ and names their page and line, so they are not taken for bad UTF-8', () => {
    const text = [
      '收入支出决算总表',
      '本年收入合计  3,540.62',
      '\f\uFFFD\uFFFD经费',
      '合计  1.01',
    ].join('\n');
    expect(markUnreadable(text)).toEqual({
      text: text.replaceAll('\uFFFD', '□'),
      warning: 'PDF 中有 2 个字符无法识别（字体没有文字映射），在原文中显示为 □：第 2 页第 1 行',
    });
  });

  it('leaves a clean text alone', () => {
    expect(markUnreadable('本年支出合计  3,540.42')).toEqual({
      text: '本年支出合计  3,540.42',
      warning: null,
    });
  });
});
