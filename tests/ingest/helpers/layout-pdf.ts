/**
 * National-layout text printed to a PDF as the committed datong-dept-2024-final.pdf is: one
 * table per page (the cover and 目录 on page 1), each cell at its column, in the non-embedded
 * STSong-Light font of cjkTextPdf, so reading it back needs the GB CMaps.
 */
import { cellsOf } from '@/ingest/layout/layout-lines';
import { cjkTextPdf } from './tiny-pdf';
import type { PlacedText } from './tiny-pdf';

/** A table title is indented (the 目录 entries start at the margin): a new page starts there. */
const isTitle = (line: string) => /^\s+[一二三四五六七八九十]+、\S*表$/.test(line);

/** Pages of lines, split before each table title. */
export function layoutPages(text: string): string[][] {
  const pages: string[][] = [];
  for (const line of text.replace(/\n$/, '').split('\n')) {
    const current = pages[pages.length - 1];
    if (current === undefined || isTitle(line)) pages.push([line]);
    else current.push(line);
  }
  return pages;
}

/** The PDF; `extraPages` (already placed) follow the text's pages, e.g. an empty scanned page. */
export function layoutTextPdf(text: string, extraPages: PlacedText[][] = []): Uint8Array {
  const pages = layoutPages(text);
  const placed: PlacedText[][] = pages.map((page) =>
    page.flatMap((l, i) =>
      cellsOf(l).map((c) => ({ x: 20 + c.start * 10, y: 30 + i * 16, text: c.text })),
    ),
  );
  const height = 60 + Math.max(...pages.map((p) => p.length)) * 16;
  return cjkTextPdf([...placed, ...extraPages], 1400, height);
}
