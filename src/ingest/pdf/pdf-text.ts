/**
 * PDF → positioned text, with pdf.js. Pages become lines of runs ({x, width, text}) grouped by
 * baseline, and each page is rendered as space-aligned "layout text" like `pdftotext -layout`, so
 * one table reader (src/ingest/layout) reads both.
 *
 * Browser-safe: no Node API here. The pdf.js module and its binary resources (CMaps for CJK fonts
 * that are not embedded) are passed in by the caller — the Node entry is pdf-text-node.ts; the
 * browser will load pdf.js on demand and pass bundled CMaps the same way.
 */
import type { getDocument as GetDocument } from 'pdfjs-dist';

/** The parts of the pdf.js module this file uses (the legacy or the modern build). */
export interface PdfJsModule {
  getDocument: typeof GetDocument;
}

/** Binary files pdf.js asks for by name: packed CMaps ("UniGB-UCS2-H.bcmap"), standard fonts. */
export type ReadPdfResource = (
  kind: 'cMapUrl' | 'standardFontDataUrl' | 'wasmUrl',
  filename: string,
) => Promise<Uint8Array>;

export interface PdfTextOptions {
  readResource?: ReadPdfResource;
  /** Called after each page is read (1-based `page` of `pages`); awaited, so it can yield. */
  onPage?: (page: number, pages: number) => void | Promise<void>;
  /** Checked between pages: once aborted, reading stops with a `cancelled` PdfTextError. */
  signal?: AbortSignal;
  /** A document with more pages is refused (`too-long`) before any page is read. */
  maxPages?: number;
}

export interface Run {
  /** Left edge, in PDF points from the page's left edge. */
  x: number;
  width: number;
  text: string;
}

export interface PdfLine {
  /** 1-based line number within the page's layout text. */
  line: number;
  /** Baseline, in points from the top of the page. */
  y: number;
  runs: Run[];
  /** The line as layout text: runs placed at their x, spaces between. */
  text: string;
}

export interface PdfPage {
  /** 1-based page number. */
  page: number;
  lines: PdfLine[];
}

export interface PdfText {
  pages: PdfPage[];
  /** Pages without any text (scanned pages inside a document that otherwise has text). */
  warnings: string[];
}

export type PdfTextErrorCode =
  'not-pdf' | 'encrypted' | 'no-text' | 'damaged' | 'too-long' | 'cancelled';

/** A PDF the ingest cannot read; `message` is the Chinese text shown to the user. */
export class PdfTextError extends Error {
  constructor(
    readonly code: PdfTextErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PdfTextError';
  }
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** PDF files start with "%PDF-", possibly after some junk bytes (the spec allows 1024). */
export function looksLikePdf(data: Uint8Array): boolean {
  const end = Math.min(data.length - PDF_MAGIC.length, 1024);
  for (let i = 0; i <= end; i++) {
    if (PDF_MAGIC.every((b, k) => data[i + k] === b)) return true;
  }
  return false;
}

function pageList(pages: readonly number[]): string {
  return pages.length <= 8
    ? pages.map((p) => `第 ${p} 页`).join('、')
    : `第 ${pages[0]}–${pages[pages.length - 1]} 页等 ${pages.length} 页`;
}

function translate(err: unknown): PdfTextError {
  if (err instanceof PdfTextError) return err;
  const name = err instanceof Error ? err.name : '';
  if (name === 'PasswordException') {
    return new PdfTextError(
      'encrypted',
      'PDF 已加密（需要密码才能打开），无法读取。请先用 PDF 阅读器去除密码后再导入。',
    );
  }
  const detail = err instanceof Error ? err.message : String(err);
  return new PdfTextError(
    'damaged',
    `PDF 文件已损坏或不完整（可能下载未完成），无法读取。（pdf.js：${detail}）`,
  );
}

/**
 * Some fonts map ideographs to the look-alike Kangxi radicals (U+2F00–U+2FDF: "⼤" for 大, "⽀" for
 * 支), and text extraction yields those: NFKC turns each into its ideograph, and only those
 * characters are normalised, so full-width brackets and colons stay as printed.
 */
export function unifyRadicals(text: string): string {
  return text.replace(/[\u2E80-\u2FDF]/g, (ch) => SIMPLIFIED_RADICALS[ch] ?? ch.normalize('NFKC'));
}

/**
 * The CJK Radicals Supplement has no NFKC mapping for its simplified forms; these are the ones
 * that stand for a whole character of a disclosure's vocabulary (部⻔ → 部门, ⻓期 → 长期).
 */
const SIMPLIFIED_RADICALS: Readonly<Record<string, string>> = {
  '\u2EA0': '民',
  '\u2EB0': '纟',
  '\u2EC4': '西',
  '\u2EC5': '见',
  '\u2EC6': '角',
  '\u2EC8': '讠',
  '\u2EC9': '贝',
  '\u2ECB': '车',
  '\u2ECC': '辶',
  '\u2ED0': '钅',
  '\u2ED3': '长',
  '\u2ED4': '门',
  '\u2ED8': '青',
  '\u2EDA': '页',
  '\u2EDB': '风',
  '\u2EDC': '飞',
  '\u2EDD': '食',
  '\u2EE0': '饣',
  '\u2EE2': '马',
  '\u2EE5': '鱼',
  '\u2EE6': '鸟',
  '\u2EE7': '卤',
  '\u2EE8': '麦',
  '\u2EE9': '黄',
  '\u2EEA': '黾',
  '\u2EEC': '齐',
  '\u2EEE': '齿',
  '\u2EF0': '龙',
};

/** Minimal gap, in points relative to the font size, that separates two runs by one space. */
const SPACE_GAP = 0.15;
/** A gap this wide (relative to the font size) is a column gap: at least two spaces. */
const COLUMN_GAP = 0.6;

interface Item {
  x: number;
  y: number;
  width: number;
  size: number;
  text: string;
}

/**
 * Group items into lines by baseline (tolerance: 40% of the smaller font size), sort runs by x,
 * and lay each line out on a character grid of half the page's common font size — about one
 * digit wide, so numbers land in columns the way pdftotext puts them.
 */
export function layoutLines(items: readonly Item[]): PdfLine[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: Item[][] = [];
  for (const it of sorted) {
    const g = groups[groups.length - 1];
    const head = g?.[0];
    if (g !== undefined && head !== undefined) {
      const tol = 0.4 * Math.min(head.size, it.size);
      if (Math.abs(it.y - head.y) <= tol) {
        g.push(it);
        continue;
      }
    }
    groups.push([it]);
  }
  const sizes = items.map((i) => i.size).sort((a, b) => a - b);
  const cell = Math.max(1, (sizes[Math.floor(sizes.length / 2)] ?? 10) / 2);
  return groups.map((g, k) => {
    const runs = g.sort((a, b) => a.x - b.x);
    let text = '';
    let prevEnd = -Infinity;
    for (const r of runs) {
      const gap = r.x - prevEnd;
      const minSpaces =
        text === '' ? 0 : gap >= COLUMN_GAP * r.size ? 2 : gap >= SPACE_GAP * r.size ? 1 : 0;
      // Touching runs are one word split by the PDF (a glyph from another font, a radical):
      // joined as is. The grid places only runs after a gap — a CJK character is one character
      // but two cells wide, so placing touching runs on the grid would tear words apart.
      const col =
        text !== '' && minSpaces === 0
          ? text.length
          : Math.max(Math.round(r.x / cell), text.length + minSpaces);
      text += ' '.repeat(col - text.length) + r.text;
      prevEnd = r.x + r.width;
    }
    return {
      line: k + 1,
      y: runs[0]?.y ?? 0,
      runs: runs.map((r) => ({ x: r.x, width: r.width, text: r.text })),
      text,
    };
  });
}

/**
 * Read every page's text. Throws PdfTextError for input that is not a PDF, is encrypted, is
 * damaged, or has no text layer at all; pages without text in an otherwise readable document
 * are listed in `warnings`.
 */
export async function extractPdfText(
  data: Uint8Array,
  pdfjs: PdfJsModule,
  options: PdfTextOptions = {},
): Promise<PdfText> {
  if (!looksLikePdf(data)) {
    throw new PdfTextError('not-pdf', '不是 PDF 文件（文件开头没有 “%PDF-” 标记）。');
  }
  const { readResource, onPage, signal, maxPages } = options;
  const stopIfCancelled = (read: number, pages: number) => {
    if (signal?.aborted) {
      throw new PdfTextError(
        'cancelled',
        `已取消导入（读到第 ${read} / ${pages} 页），未保存任何数据`,
      );
    }
  };
  // A factory class is what pdf.js expects; it only forwards to the caller's reader, so no
  // fetch() or file path is involved and the same code runs in Node and in the browser.
  class BinaryDataFactory {
    async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
      if (readResource === undefined) throw new Error(`没有提供 ${kind} 资源：${filename}`);
      return readResource(kind as 'cMapUrl', filename);
    }
  }
  const task = pdfjs.getDocument({
    // pdf.js may transfer (detach) the buffer it is given: hand it a copy.
    data: data.slice(),
    isEvalSupported: false,
    useWorkerFetch: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    cMapUrl: 'bundled/',
    cMapPacked: true,
    standardFontDataUrl: 'bundled/',
    BinaryDataFactory,
  });
  try {
    const doc = await task.promise;
    if (maxPages !== undefined && doc.numPages > maxPages) {
      throw new PdfTextError(
        'too-long',
        `PDF 共 ${doc.numPages} 页，超过可导入的上限 ${maxPages} 页（预决算公开文件一般不超过 100 页），未读取。请只保留公开表格所在的页面后再导入。`,
      );
    }
    const pages: PdfPage[] = [];
    const empty: number[] = [];
    stopIfCancelled(0, doc.numPages);
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str.trim() === '') continue;
        // Viewport coordinates: origin top-left, page rotation and crop box applied.
        const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = viewport.transform;
        const px = Number(it.transform[4]);
        const py = Number(it.transform[5]);
        const x = a * px + c * py + e;
        const y = b * px + d * py + f;
        const size = Math.hypot(it.transform[2] ?? 0, it.transform[3] ?? 0) || it.height || 10;
        items.push({
          x,
          y,
          width: it.width,
          size,
          text: unifyRadicals(it.str.replace(/\s+$/, '')),
        });
      }
      if (items.length === 0) empty.push(n);
      pages.push({ page: n, lines: layoutLines(items) });
      page.cleanup();
      await onPage?.(n, doc.numPages);
      // Between pages, so a cancel never leaves a page half read.
      if (n < doc.numPages) stopIfCancelled(n, doc.numPages);
    }
    const scanned = `PDF 没有文字层（可能是扫描件），无法读取表格数字：${pageList(empty)}`;
    if (empty.length === doc.numPages) throw new PdfTextError('no-text', scanned);
    return { pages, warnings: empty.length > 0 ? [scanned] : [] };
  } catch (err) {
    throw translate(err);
  } finally {
    await task.destroy();
  }
}

/** The layout text of a whole document: pages separated by form feeds, as pdftotext writes it. */
export function layoutText(text: PdfText): string {
  return text.pages.map((p) => p.lines.map((l) => l.text).join('\n')).join('\n\f');
}
