import { findFigures, pagePlaces, shownLineParam } from '@/features/sources/source-data';

/** Lines as printed in the shipped source texts (public/data/sources/), typed from the seeds. */
const SHANXI_113 = '本年收入合计\t27\t42684.35\t本年支出合计\t58\t42240.10';
const SHANXI_430 = '2024年度收入合计42,684.35万元，其中：';
const SHANXI_474 =
  '2024年度一般公共预算财政拨款支出年初预算2,296.91万元，支出决算42,238.46万元，完成年初预算的1838.93%。其中：';
const SHANXI_642 = '\t\t省级财政资金\t0\t126\t166\t138,231\t27,769\t83.27\t8.33';
const DISTRICT_246 = '八、其他收入 8 0.00八、社会保障和就业支出 39';

/** The first place the viewer marks `text` in `line`, or null. */
function findFigure(line: string, text: string): [number, number] | null {
  return findFigures(line, text)[0] ?? null;
}

/** The text between the offsets findFigure returns. */
function found(line: string, text: string): string | null {
  const at = findFigure(line, text);
  return at === null ? null : line.slice(at[0], at[1]);
}

describe('findFigure: where a figure is printed in its line', () => {
  it.each([
    [SHANXI_113, '42684.35', '42684.35', '27\t'],
    [SHANXI_113, '42240.10', '42240.10', '58\t'],
    [SHANXI_430, '42684.35', '42,684.35', '收入合计'],
    [SHANXI_474, '2296.91', '2,296.91', '年初预算'],
    [SHANXI_474, '42238.46', '42,238.46', '支出决算'],
    [SHANXI_474, '1838.93', '1838.93', '预算的'],
    // A decimal printed with a comma, read as 138.231 (the province's correction).
    [SHANXI_642, '138.231', '138,231', '166\t'],
    [SHANXI_642, '27.769', '27,769', '138,231\t'],
    // Glued to the next label; the row number 8 before it is not the figure 0.00.
    [DISTRICT_246, '0.00', '0.00', '收入 8 '],
    [DISTRICT_246, '0', '0.00', '收入 8 '],
  ])('%s: %s', (line, text, printed, before) => {
    expect(found(line, text)).toBe(printed);
    expect(line.slice(0, findFigure(line, text)?.[0])).toMatch(new RegExp(`${before}$`));
  });

  it('does not match a figure inside a longer number, or a number not on the line', () => {
    expect(findFigure(SHANXI_113, '4268')).toBeNull();
    expect(findFigure(SHANXI_113, '684.35')).toBeNull();
    expect(findFigure(SHANXI_430, '42684.36')).toBeNull();
    expect(findFigure('', '1')).toBeNull();
  });

  it('reads "-" before a positive figure as a dash, and keeps a negative one', () => {
    expect(found('2023-1322.38', '1322.38')).toBe('1322.38');
    expect(found('结余 -5.00 万元', '-5.00')).toBe('-5.00');
    expect(found('结余 -5.00 万元', '5')).toBe('5.00');
  });

  it('matches other text as written', () => {
    expect(found('自评等级：优', '优')).toBe('优');
    expect(findFigure('自评等级：优', '良')).toBeNull();
  });
});

describe('shownLineParam', () => {
  it.each([
    ['0', '0'],
    ['-1', '-1'],
    ['abc', 'abc'],
    ['9'.repeat(400), `${'9'.repeat(12)}…`],
  ])('%s', (param, shown) => expect(shownLineParam(param)).toBe(shown));
});

describe('pagePlaces: page and line on the page of a PDF text’s lines', () => {
  it('opens a page at each form feed and numbers lines from 1 on every page', () => {
    // Three printed pages as the PDF reader joins them: "\n\f" between pages.
    const lines = '标题\n表一\n\f收入\n支出\n合计\n\f三公'.split('\n');
    expect(pagePlaces(lines)).toEqual([
      { page: 1, line: 1 },
      { page: 1, line: 2 },
      { page: 2, line: 1 },
      { page: 2, line: 2 },
      { page: 2, line: 3 },
      { page: 3, line: 1 },
    ]);
  });

  it('does not open a page for the form feed pdftotext writes at the very end', () => {
    expect(pagePlaces('一\n\f二\n\f'.split('\n'))?.map((p) => p.page)).toEqual([1, 2, 2]);
  });

  it('is null for a text without form feeds (the built-in texts)', () => {
    expect(pagePlaces(['本年收入合计\t27\t3540.62', '第二行'])).toBeNull();
  });
});

describe('findFigures: every place a figure is printed in its line', () => {
  // Line 380 of the province's final accounts: the 三公 row, 预算数 then 决算数.
  const SHANXI_380 = '3.57\t\t3.20\t\t3.20\t0.38\t3.57\t\t3.20\t\t3.20\t0.38';

  it('finds 3.20 four times and 3.57 twice, at their own offsets', () => {
    const at = (text: string) => findFigures(SHANXI_380, text).map(([a]) => a);
    expect(at('3.2')).toEqual([6, 12, 28, 34]);
    expect(at('3.57')).toEqual([0, 22]);
    expect(findFigures(SHANXI_380, '3.57').map(([a, b]) => SHANXI_380.slice(a, b))).toEqual([
      '3.57',
      '3.57',
    ]);
    expect(findFigures(SHANXI_380, '1.00')).toEqual([]);
  });

  it('finds repeated words as written', () => {
    expect(findFigures('无 无', '无')).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(findFigures('无', '')).toEqual([]);
  });
});
