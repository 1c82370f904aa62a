import { describe, expect, it } from 'vitest';
import { estimateTextWidth, wrapLabel } from '@/components/chart-tick';

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
