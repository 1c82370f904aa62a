// @vitest-environment jsdom
/**
 * A long detail table (over VIRTUAL_ROW_THRESHOLD rows) writes the rows scrolled into view
 * straight into their cells (sectionPainters). What it writes must be what the columns render:
 * the same table without painters is rendered by React, and every row on screen must be the same
 * HTML in both, at the top, after a jump down the table (cells reused by other rows), and after a
 * row is collapsed with its painted ▾ button.
 */
import { fireEvent, render, within } from '@testing-library/react';
import { paintFigure, paintNoFigure } from '@/components/cell-paint';
import { DataTable, VIRTUAL_ROW_THRESHOLD } from '@/components/data-table';
import { FigureValue, figureLink, figureText } from '@/components/figure-value';
import { SectionTable, sectionColumns } from '@/features/tables/section-table';
import type { DisplayRow, TableSection } from '@/features/tables/tables-data';

const DOCUMENT = '大同市行政审批服务管理局[部门] 2024年部门决算';
const hrefFor = (line: number) => `#/source/datong-approval-2024-final?line=${line}`;
const ctx = { document: DOCUMENT, hrefFor, formatAs: '万元' as const };

/**
 * 功能分类 rows: 合计, then 类 → 款 → 项. Some cells are empty, some rows count vehicles, and some
 * carry a 政府经济科目 (the alt label column), so every cell shape of a detail table occurs.
 */
function rows(): DisplayRow[] {
  let line = 100;
  const row = (id: string, label: string, level: number, n: number, code?: string): DisplayRow => {
    line += 1;
    return {
      id,
      ...(code !== undefined ? { code } : {}),
      label,
      level,
      line,
      valueKind: n % 17 === 5 ? 'count' : 'amount',
      ...(n % 5 === 0 ? { altLabel: `50${n % 9}01 工资奖金津补贴` } : {}),
      cells: {
        total: { v: `${1000 + n}.${n % 10}`, line },
        basic: n % 3 === 0 ? null : { v: `${200 + n}.05`, line },
        project: n % 4 === 0 ? null : { v: `${800 + n}.5`, line },
      },
    };
  };
  let n = 0;
  const tree = Array.from({ length: 6 }, (_, a) => {
    const c1 = String(201 + a);
    return {
      ...row(c1, `类${a + 1}支出`, 1, n++, c1),
      subRows: Array.from({ length: 4 }, (_, b) => {
        const c2 = `${c1}${String(b + 1).padStart(2, '0')}`;
        return {
          ...row(c2, `款${a + 1}-${b + 1}`, 2, n++, c2),
          subRows: Array.from({ length: 8 }, (_, c) => {
            const c3 = `${c2}${String(c + 1).padStart(2, '0')}`;
            return row(c3, `项${c3}`, 3, n++, c3);
          }),
        };
      }),
    };
  });
  return [row('total', '合计', 0, n++), ...tree];
}

const section: TableSection = {
  id: 'all',
  title: null,
  columns: [
    { key: 'total', label: '合计', kind: 'amount' },
    { key: 'basic', label: '基本支出', kind: 'amount' },
    { key: 'project', label: '项目支出', kind: 'amount' },
  ],
  rows: rows(),
  isTree: true,
  showGroup: false,
};

const subRows = (r: DisplayRow) => r.subRows;
const rowId = (r: DisplayRow) => r.id;

const VIEW = 600;
const ROW = 31;

beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (
    this: HTMLElement,
  ) {
    return this.classList.contains('data-table-wrap') ? VIEW : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (
    this: HTMLElement,
  ) {
    return this.tagName === 'TR' ? ROW : 0;
  });
});
afterEach(() => vi.restoreAllMocks());

/** The painted table (as the tables view shows it) and the same table rendered by React. */
function renderBoth() {
  const painted = render(
    <SectionTable
      section={section}
      rows={section.rows}
      caption="公开03 一般公共预算财政拨款支出决算表"
      expandAll
      expandVersion={0}
      {...ctx}
    />,
  );
  const rendered = render(
    <DataTable
      caption="公开03 一般公共预算财政拨款支出决算表"
      data={section.rows}
      columns={sectionColumns(section, ctx)}
      getSubRows={subRows}
      getRowId={rowId}
      expandAll
      rowClassName={(r) =>
        r.level === 0 ? 'row-total' : r.level === 1 ? 'row-level-1' : undefined
      }
    />,
  );
  return { painted: painted.container, rendered: rendered.container };
}

const bodyRows = (root: HTMLElement) => [
  ...root.querySelectorAll<HTMLTableRowElement>('tbody > tr[data-index]'),
];

/** Every row on screen in `painted` is, as HTML, the row with its index in `rendered`. */
function expectSameRows(painted: HTMLElement, rendered: HTMLElement) {
  const shown = bodyRows(painted);
  expect(shown.length).toBeGreaterThan(10);
  const byIndex = new Map(bodyRows(rendered).map((tr) => [tr.dataset.index, tr.outerHTML]));
  for (const tr of shown) expect(tr.outerHTML).toBe(byIndex.get(tr.dataset.index));
}

function scrollTo(root: HTMLElement, top: number) {
  const wrap = root.querySelector<HTMLElement>('.data-table-wrap');
  if (!wrap) throw new Error('no table');
  wrap.scrollTop = top;
  fireEvent.scroll(wrap);
}

describe('a long detail table, painted', () => {
  it('is long enough to be windowed', () => {
    const count = section.rows.reduce((n, r) => n + 1 + (r.subRows?.length ?? 0) * 9, 0);
    expect(count).toBe(223);
    expect(count).toBeGreaterThan(VIRTUAL_ROW_THRESHOLD);
  });

  it('shows the rows in view as its columns render them', () => {
    const { painted, rendered } = renderBoth();
    expectSameRows(painted, rendered);
    // What an official checks on the first rows: the total with its source line, 类 201 with
    // its ▾ and an amount padded to two decimals, an empty cell as "—".
    const [total, lei] = bodyRows(painted);
    if (!total || !lei) throw new Error('no rows');
    expect(within(total).getByText('合计')).toBeInTheDocument();
    expect(within(lei).getByRole('button', { name: '收起' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    expect(within(lei).getByRole('link', { name: '1,000.00' })).toHaveAttribute(
      'title',
      `来源：${DOCUMENT}，第 101 行（点击查看原文）`,
    );
    expect(lei.querySelector('.figure-empty')?.textContent).toBe('—');
  });

  it('writes other rows into the same cells after a jump down the table', () => {
    const { painted, rendered } = renderBoth();
    const before = bodyRows(painted)[3]?.querySelector('td');
    // Jumps of more than a view each, as a scrollbar drag makes: from the second on, the window is
    // as long as the one before and is written into the same rows without a render.
    for (const top of [100, 140, 60, 180, 120]) {
      for (const root of [painted, rendered]) scrollTo(root, top * ROW);
      expectSameRows(painted, rendered);
      expect(bodyRows(painted)[0]?.dataset.index).toBe(String(top - 1));
    }
    // React renders again after those steps (focus moves into the table; then a 款 row is
    // collapsed): it must render the rows on screen, not the window it last rendered itself.
    for (const root of [painted, rendered]) {
      const link = within(bodyRows(root)[2] as HTMLElement).getAllByRole('link')[0];
      if (link) fireEvent.focus(link);
    }
    expectSameRows(painted, rendered);
    for (const root of [painted, rendered]) {
      const kuan = bodyRows(root).find((tr) => tr.querySelector('.expand-button'));
      if (!kuan) throw new Error('no 款 row in view');
      fireEvent.click(within(kuan).getByRole('button', { name: '收起' }));
    }
    expect(painted.querySelector('table')).toHaveAttribute('aria-rowcount', String(1 + 223 - 8));
    expectSameRows(painted, rendered);
    // The cell was reused (rewritten), not made again.
    expect(painted.contains(before ?? null)).toBe(true);
  });

  it('scrolled by a few rows, keeps the rows still in view and writes only those arriving', () => {
    const { painted, rendered } = renderBoth();
    const spacers = () => [
      ...painted.querySelectorAll<HTMLElement>('tbody > tr.virtual-spacer > td'),
    ];
    scrollTo(painted, 40 * ROW);
    scrollTo(rendered, 40 * ROW);
    const length = bodyRows(painted).length;
    // Down 3 rows, then up 2 (a wheel, a slow drag): the window moves with the view, as long.
    for (const [top, first] of [
      [43, 42],
      [41, 40],
    ] as const) {
      const before = new Map(bodyRows(painted).map((tr) => [tr.dataset.index, tr]));
      for (const root of [painted, rendered]) scrollTo(root, top * ROW);
      const after = bodyRows(painted);
      // In order, one after another, from the row above the view.
      expect(after.map((tr) => Number(tr.dataset.index))).toEqual(
        Array.from({ length }, (_, k) => first + k),
      );
      expectSameRows(painted, rendered);
      // A row in view before and after is the same <tr>; in all, length − |shift| of them.
      const kept = after.filter((tr) => before.get(tr.dataset.index) === tr);
      expect(kept).toHaveLength(length - (first === 42 ? 3 : 2));
      // The spacers stand for exactly the rows not rendered.
      const [above, below] = spacers().map((td) => parseFloat(td.style.height));
      expect(above).toBe(first * ROW);
      expect(below).toBe((223 - first - length) * ROW);
    }
    // At the very bottom the window keeps its length and its (now empty) spacer below. (The
    // rendered table's window ends shorter there; a row lower than `length` from the end, it
    // holds the same rows.)
    scrollTo(painted, 223 * ROW);
    scrollTo(rendered, (223 - length + 1) * ROW);
    const last = bodyRows(painted);
    expect(last).toHaveLength(length);
    expect(last.at(-1)?.dataset.index).toBe('222');
    expect(spacers().at(-1)?.style.height).toBe('0px');
    expectSameRows(painted, rendered);
  });

  it('collapses a row from its painted ▾, as the rendered table does', () => {
    const { painted, rendered } = renderBoth();
    for (const root of [painted, rendered]) {
      const lei = bodyRows(root)[1];
      if (!lei) throw new Error('no 类 row');
      fireEvent.click(within(lei).getByRole('button', { name: '收起' }));
    }
    // 类 201 closed: its 4 款 and 32 项 are gone from the count.
    expect(painted.querySelector('table')).toHaveAttribute('aria-rowcount', String(1 + 223 - 36));
    expect(
      within(bodyRows(painted)[1] as HTMLElement).getByRole('button', { name: '展开' }),
    ).toHaveAttribute('aria-expanded', 'false');
    expectSameRows(painted, rendered);
  });
});

describe('paintFigure', () => {
  // Detail tables hold printed figures only; FigureValue's other shapes are painted the same way.
  it.each([
    [
      'a derived figure',
      { v: '1564.7', derived: { formula: '合计 − 基本支出', lines: [120, 121] } },
    ],
    ['a printed figure', { v: '42683.675', line: 120 }],
    ['no figure', null],
  ])('writes what FigureValue renders for %s', (_, fig) => {
    const props = { fig, document: DOCUMENT, hrefFor };
    const { container } = render(<FigureValue {...props} />);
    const td = document.createElement('td');
    if (fig === null) paintNoFigure(td);
    else paintFigure(td, figureText(fig), figureLink(fig, DOCUMENT, hrefFor));
    expect(td.innerHTML).toBe(container.innerHTML);
  });
});
