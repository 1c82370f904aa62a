/**
 * Header stacks and the order-keeping alignment of figures to columns, table-driven. Positions
 * are character offsets as in layout text.
 */
import { describe, expect, it } from 'vitest';
import { alignInOrder, readHeader } from '@/ingest/layout/header';

describe('alignInOrder', () => {
  it.each([
    ['a full row maps one to one, however far off', [40, 50, 60], [10, 20, 30], [0, 1, 2]],
    ['a blank middle cell leaves its column out', [10, 30], [10, 20, 30], [0, 2]],
    ['a blank first cell', [21, 29], [10, 20, 30], [1, 2]],
    // Right-aligned figures sit right of centred headings; the shift finds the fit.
    [
      // Jiangsu's 三公 row: figures right-aligned under centred headings, 购置费 blank.
      'figures drifted right of their headings, one blank',
      [14, 25, 36, 47, 73, 84, 95, 105],
      [9, 20, 30, 42, 52, 65, 77.5, 89.5, 100.5],
      [0, 1, 2, 3, 5, 6, 7, 8],
    ],
    ['one figure goes to the nearest column', [19], [10, 20, 30], [1]],
  ])('%s', (_what, values, columns, expected) => {
    expect(alignInOrder(values, columns)).toEqual(expected);
  });

  it('refuses more figures than columns', () => {
    expect(alignInOrder([1, 2, 3], [1, 2])).toBeNull();
  });
});

describe('readHeader', () => {
  const isHeading = (t: string) => /合计|基本支出|附属单位补助|因公出国|购置费|运行维护费/.test(t);
  it.each([
    [
      'a heading wrapped onto the next line is one column',
      ['  本年支出合计   基本支出   对附属单位补', '                     助支出'],
      ['本年支出合计', '基本支出', '对附属单位补助支出'],
    ],
    [
      'a fragment below joins the heading above it',
      ['  合计   因公出国', '         （境）费'],
      ['合计', '因公出国（境）费'],
    ],
    [
      'a complete heading takes nothing more from above',
      ['  公务用车   公务用车', '  购置费     运行维护费'],
      // Ordered by centre: 购置费 (2–5) is left of 公务用车 (2–6).
      ['购置费', '公务用车', '公务用车', '运行维护费'],
    ],
  ])('%s', (_what, lines, expected) => {
    expect(readHeader(lines, isHeading).stacks.map((s) => s.text)).toEqual(expected);
  });

  it('reads a line of 预算数/决算数 tokens as the pair layout', () => {
    const header = readHeader(['    合计', '  预算数  决算数'], isHeading);
    expect(header.phases.map((p) => p.phase)).toEqual(['budget', 'actual']);
  });
});
