import { describe, expect, it } from 'vitest';
import { estimateTextWidth, wrapLabel } from '@/lib/text-width';

describe('wrapLabel', () => {
  it.each([
    // Fits: one line.
    ['201 一般公共服务支出', 188, 12, ['201 一般公共服务支出']],
    // 16 CJK characters at 12 px need 192 px: wraps before the bracket.
    ['一般公共预算财政拨款支出（合计）', 188, 12, ['一般公共预算财政拨款支出', '（合计）']],
    // No break point: cut at the width, the rest on line two.
    ['一二三四五六七八九十', 60, 12, ['一二三四五', '六七八九十']],
    // Too long for two lines: the second ends in an ellipsis.
    ['一二三四五六七八九十一二三四五', 60, 12, ['一二三四五', '六七八九…']],
  ])('%s in %i px at %i px', (text, width, size, lines) => {
    const got = wrapLabel(text, width, size);
    expect(got).toEqual(lines);
    for (const line of got) expect(estimateTextWidth(line, size)).toBeLessThanOrEqual(width);
  });
});

it('wraps a chart title onto as many lines as it needs, none cut short', () => {
  // An exported picture's title at 18 px in a 200 px wide chart (11 CJK characters a line).
  const title = '三公经费：各单位、各年度，分项堆叠（预算数与决算数）';
  const lines = wrapLabel(title, 200, 18, Infinity);
  expect(lines).toEqual(['三公经费：各单位、各年', '度，分项堆叠', '（预算数与决算数）']);
});
