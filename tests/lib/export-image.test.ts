import { wrapText } from '@/lib/export-image';

/** Every character one unit wide. */
const chars = (text: string) => Array.from(text).length;

describe('wrapText (chart titles in exported pictures)', () => {
  it('keeps a title that fits on one line', () => {
    expect(wrapText('年初预算与决算金额', 20, chars)).toEqual(['年初预算与决算金额']);
  });

  it('breaks between CJK characters, each line within the width', () => {
    const title = '三公经费：各单位、各年度，分项堆叠（预算数与决算数）';
    const lines = wrapText(title, 10, chars);
    expect(lines.join('')).toBe(title);
    expect(lines).toEqual(['三公经费：各单位、各', '年度，分项堆叠（预算', '数与决算数）']);
  });

  it('never splits a year or a figure', () => {
    expect(wrapText('执行率2024年1,838.93%', 6, chars)).toEqual(['执行率', '2024年', '1,838.93%']);
  });
});
