// @vitest-environment jsdom
/**
 * DataTable with long tables: above VIRTUAL_ROW_THRESHOLD rows only a window of rows is in the
 * DOM (with aria-rowcount saying how many there are), scrolling moves the window, and printing
 * and exports still get every row. jsdom has no layout, so the scroll container's height and the
 * rows' heights are given here (@tanstack/react-virtual reads clientHeight, DataTable measures a
 * row's offsetHeight).
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  DataTable,
  ExpandToggle,
  ROW_HEIGHT_ESTIMATE,
  VIRTUAL_ROW_THRESHOLD,
  dataTableColumns,
} from '@/components/data-table';
import type { DataColumn } from '@/components/data-table';
import { downloadBlob } from '@/lib/export-download';
import { visibleText } from '@/lib/export-table';

vi.mock('@/lib/export-download', () => ({ downloadBlob: vi.fn() }));

/** A 功能分类-shaped tree: 类 → 款 → 项 with codes, names and amounts as printed. */
interface Line {
  id: string;
  code: string;
  label: string;
  amount: string;
  subRows?: Line[];
}

function amount(n: number): string {
  return (n / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
}

/** `lei` 类 of `kuan` 款 of `xiang` 项 each: lei × (1 + kuan × (1 + xiang)) rows. */
function tree(lei: number, kuan: number, xiang: number): Line[] {
  return Array.from({ length: lei }, (_, a) => {
    const c1 = String(201 + a);
    return {
      id: c1,
      code: c1,
      label: `类${a + 1}支出`,
      amount: amount(1_000_000 + a),
      subRows: Array.from({ length: kuan }, (_, b) => {
        const c2 = `${c1}${String(b + 1).padStart(2, '0')}`;
        return {
          id: c2,
          code: c2,
          label: `款${a + 1}-${b + 1}`,
          amount: amount(10_000 + b),
          subRows: Array.from({ length: xiang }, (_, c) => {
            const c3 = `${c2}${String(c + 1).padStart(2, '0')}`;
            return { id: c3, code: c3, label: `项${c3}`, amount: amount(100 + c) };
          }),
        };
      }),
    };
  });
}

const helper = dataTableColumns<Line>();
const columns: DataColumn<Line>[] = [
  helper.accessor('code', {
    id: 'label',
    header: '科目编码 · 名称',
    sortFn: 'alphanumeric',
    cell: ({ row }) => (
      <ExpandToggle row={row}>
        {row.original.code} {row.original.label}
      </ExpandToggle>
    ),
  }) as DataColumn<Line>,
  helper.accessor('amount', {
    id: 'amount',
    header: '决算数',
    cell: ({ row }) => <a href={`#/source/x?line=${row.index + 1}`}>{row.original.amount}</a>,
  }) as DataColumn<Line>,
];

const subRows = (r: Line) => r.subRows;
const rowId = (r: Line) => r.id;

function Tree({ data, expandAll = false }: { data: Line[]; expandAll?: boolean }) {
  return (
    <DataTable
      caption="公开03 一般公共预算财政拨款支出决算表（万元）"
      data={data}
      columns={columns}
      getSubRows={subRows}
      getRowId={rowId}
      expandAll={expandAll}
    />
  );
}

const VIEW = 600; // scroll container height, px
// Rows as high as the estimate, so rows not yet measured sit where the rendered ones will.
const ROW = ROW_HEIGHT_ESTIMATE;
/** Height every rendered row measures (offsetHeight); a test may change it before rendering. */
let rowHeight = ROW;

/** Item `i` of a list that must have it. */
function nth<T>(list: ArrayLike<T>, i: number): T {
  const item = list[i < 0 ? list.length + i : i];
  if (item === undefined) throw new Error(`no item ${i} of ${list.length}`);
  return item;
}

let restore: (() => void)[] = [];
function stub(proto: object, prop: string, get: (this: HTMLElement) => number) {
  const prev = Object.getOwnPropertyDescriptor(proto, prop);
  Object.defineProperty(proto, prop, { configurable: true, get });
  restore.push(() => {
    if (prev) Object.defineProperty(proto, prop, prev);
    else Reflect.deleteProperty(proto, prop);
  });
}

beforeEach(() => {
  stub(HTMLElement.prototype, 'clientHeight', function () {
    return this.classList.contains('data-table-wrap') ? VIEW : 0;
  });
  stub(HTMLElement.prototype, 'clientWidth', function () {
    return this.classList.contains('data-table-wrap') ? 1000 : 0;
  });
  stub(HTMLElement.prototype, 'offsetHeight', function () {
    return this.tagName === 'TR' ? rowHeight : 0;
  });
});
afterEach(() => {
  restore.forEach((r) => r());
  restore = [];
  rowHeight = ROW;
  vi.mocked(downloadBlob).mockClear();
});

const table = () => screen.getByRole('table');
const wrap = () => table().closest('.data-table-wrap') as HTMLElement;
// Body rows as a reader gets them (padding rows and the rows kept only to size the columns are
// aria-hidden); by selector, as *ByRole is slow over a thousand rows in jsdom.
const bodyRows = () =>
  [...table().querySelectorAll<HTMLElement>(':scope > tbody > tr')].filter(
    (tr) => tr.getAttribute('aria-hidden') !== 'true',
  );
const firstCell = (tr: HTMLElement) => visibleText(tr.querySelector('td') ?? tr);
/** The rendered body row whose first cell reads `text` ("20101 款1-1"). */
function rowOf(text: string): HTMLElement {
  const tr = bodyRows().find((r) => firstCell(r) === text);
  if (!tr) throw new Error(`no row ${text}`);
  return tr;
}

function scrollTo(top: number) {
  act(() => {
    wrap().scrollTop = top;
    fireEvent.scroll(wrap());
  });
}

/** The CSV text handed to the download (UTF-8 with BOM, CRLF lines). */
async function exportedCsv(): Promise<string[]> {
  const user = userEvent.setup();
  vi.mocked(downloadBlob).mockClear();
  await user.click(screen.getByRole('button', { name: '导出 CSV' }));
  // The export code loads on the first click (an on-demand script).
  await waitFor(() => expect(downloadBlob).toHaveBeenCalled());
  const blob = vi.mocked(downloadBlob).mock.calls.at(-1)?.[0];
  if (!blob) throw new Error('no download');
  const text = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(blob);
  });
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);
}

describe('DataTable with 10,000+ rows', { timeout: 20_000 }, () => {
  const data = tree(10, 10, 100); // 10 + 100 + 10,000 = 10,110 rows
  const total = 10_110;

  it('renders only a window of rows, with aria-rowcount for the whole table', () => {
    render(<Tree data={data} expandAll />);
    const rows = bodyRows();
    // The view (600 px / 31 px ≈ 20 rows) plus overscan, nowhere near 10,110.
    expect(rows.length).toBeGreaterThanOrEqual(VIEW / ROW);
    expect(rows.length).toBeLessThan(60);
    expect(table()).toHaveAttribute('aria-rowcount', String(total + 1));
    expect(within(table()).getAllByRole('row')[0]).toHaveAttribute('aria-rowindex', '1');
    expect(rows[0]).toHaveAttribute('aria-rowindex', '2');
    expect(firstCell(nth(rows, 0))).toBe('201 类1支出');
    expect(firstCell(nth(rows, 1))).toBe('20101 款1-1');
    expect(firstCell(nth(rows, 2))).toBe('2010101 项2010101');
    // Spacer rows (hidden from assistive tech) hold the height of the rows not rendered.
    const spacers = table().querySelectorAll<HTMLElement>('tbody > tr.virtual-spacer > td');
    expect(spacers).toHaveLength(1);
    const spacerCell = nth(spacers, 0);
    expect(spacerCell).toHaveAttribute('colspan', '2');
    expect(spacerCell.style.height).toBe(`${(total - rows.length) * ROW}px`);
    expect(wrap()).toHaveClass('virtual');
  });

  it('renders the rows in view before anything is measured (one layout before the paint)', () => {
    // The first time the table reads its layout, its first rows are already there: the browser
    // does not lay it out empty first and again with rows.
    let rowsAtFirstRead: number | null = null;
    stub(HTMLElement.prototype, 'clientHeight', function () {
      if (!this.classList.contains('data-table-wrap')) return 0;
      rowsAtFirstRead ??= bodyRows().length;
      return VIEW;
    });
    render(<Tree data={data} expandAll />);
    expect(rowsAtFirstRead).toBeGreaterThanOrEqual(VIEW / ROW);
    expect(firstCell(nth(bodyRows(), 0))).toBe('201 类1支出');
  });

  it('brings later rows in when scrolled, keeping the total height', () => {
    render(<Tree data={data} expandAll />);
    // Row 5,000 (0-based 4,999): 类1 has 1 + 10 × 101 = 1,011 rows, so this is in 类5.
    scrollTo(4999 * ROW);
    const rows = bodyRows();
    expect(rows.length).toBeLessThan(60);
    const indexes = rows.map((r) => Number(r.getAttribute('aria-rowindex')));
    expect(indexes).toContain(5000 + 1);
    expect(indexes).not.toContain(2);
    expect(rows.some((tr) => firstCell(tr).includes('类1支出'))).toBe(false);
    const spacers = [...table().querySelectorAll<HTMLElement>('tbody > tr.virtual-spacer > td')];
    expect(spacers).toHaveLength(2);
    const heights = spacers.map((td) => parseFloat(td.style.height));
    expect(nth(heights, 0) + nth(heights, 1) + rows.length * ROW).toBe(total * ROW);
    // The last row, at the bottom.
    scrollTo(total * ROW - VIEW);
    const last = nth(bodyRows(), -1);
    expect(last).toHaveAttribute('aria-rowindex', String(total + 1));
    expect(firstCell(last)).toBe('21010100 项21010100');
  });

  it('keeps the focused row rendered when it is scrolled out of view', () => {
    render(<Tree data={data} expandAll />);
    const toggle = within(nth(bodyRows(), 1)).getByRole('button', { name: '收起' });
    act(() => toggle.focus());
    scrollTo(6000 * ROW);
    expect(toggle).toBeInTheDocument();
    expect(document.activeElement).toBe(toggle);
    const indexes = bodyRows().map((r) => Number(r.getAttribute('aria-rowindex')));
    expect(indexes[0]).toBe(3);
    expect(indexes).toContain(6001);
  });

  it('reuses the same <tr> elements for the rows of a new window after a jump', () => {
    render(<Tree data={data} expandAll />);
    const before = bodyRows();
    scrollTo(7000 * ROW);
    const after = bodyRows();
    // Every row shown is a different table row, in the <tr>s that were already in the DOM (and
    // new ones only for the rows kept above the view, which the top of the table has none of).
    expect(after.length).toBeGreaterThanOrEqual(VIEW / ROW);
    for (const tr of before) expect(after).toContain(tr);
    const indexes = after.map((r) => Number(r.getAttribute('aria-rowindex')));
    expect(indexes).toContain(7001);
    expect(indexes.every((i, n) => n === 0 || i === (indexes[n - 1] ?? 0) + 1)).toBe(true);
    // Their cells show the new rows: 7,000 is in 类7 (6 × 1,011 = 6,066 rows before it).
    expect(after.some((tr) => firstCell(tr).startsWith('207'))).toBe(true);
    expect(after.some((tr) => firstCell(tr).startsWith('201'))).toBe(false);
  });

  it('sorting reorders all rows, not only the window', async () => {
    render(<Tree data={data} expandAll />);
    const user = userEvent.setup();
    const sort = screen.getByRole('button', { name: /科目编码/ });
    await user.click(sort); // ascending
    await user.click(sort); // descending
    expect(firstCell(nth(bodyRows(), 0))).toBe('210 类10支出');
    expect(table()).toHaveAttribute('aria-rowcount', String(total + 1));
  });
});

describe('DataTable row heights and column widths', { timeout: 20_000 }, () => {
  const data = tree(10, 10, 100);
  const total = 10_110;

  it('takes rows not yet rendered to be as high as the rows measured', () => {
    rowHeight = 40; // not the built-in estimate
    render(<Tree data={data} expandAll />);
    const spacer = () =>
      [...table().querySelectorAll<HTMLElement>('tbody > tr.virtual-spacer > td')].map((td) =>
        parseFloat(td.style.height),
      );
    expect(nth(spacer(), -1)).toBe((total - bodyRows().length) * 40);
    scrollTo(5000 * 40);
    const indexes = bodyRows().map((r) => Number(r.getAttribute('aria-rowindex')));
    expect(indexes).toContain(5000 + 2);
    expect(nth(spacer(), 0) + bodyRows().length * 40 + nth(spacer(), -1)).toBe(total * 40);
  });

  it('measures the column widths once and keeps them while scrolling', () => {
    const widths = [240, 90];
    const original = Object.getOwnPropertyDescriptor(Element.prototype, 'getBoundingClientRect');
    Element.prototype.getBoundingClientRect = function (this: Element) {
      const td = this.tagName === 'TD' ? this : null;
      const width = td ? (widths[[...(td.parentElement?.children ?? [])].indexOf(td)] ?? 0) : 0;
      return DOMRect.fromRect({ x: 0, y: 0, width, height: td ? ROW : 0 });
    };
    restore.push(() => {
      if (original) Object.defineProperty(Element.prototype, 'getBoundingClientRect', original);
    });
    // 1,110 rows: printing renders every one, which is slow in jsdom.
    render(<Tree data={tree(10, 10, 10)} expandAll />);
    const cols = () =>
      [...table().querySelectorAll<HTMLElement>(':scope > colgroup > col')].map(
        (c) => c.style.width,
      );
    expect(table()).toHaveClass('fixed-columns');
    expect(cols()).toEqual(['240px', '90px']);
    // The rows with the widest values were rendered for the measuring layout only.
    expect(table().querySelector('tr.virtual-sizer')).toBeNull();
    widths.splice(0, 2, 300, 50); // what a new window would measure, were it measured again
    scrollTo(700 * ROW);
    expect(bodyRows().length).toBeLessThan(60);
    expect(cols()).toEqual(['240px', '90px']);
    // Printing lays the table out as usual (auto widths over every row).
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    expect(table()).not.toHaveClass('fixed-columns');
    expect(table().querySelector('colgroup')).toBeNull();
    act(() => {
      window.dispatchEvent(new Event('afterprint'));
    });
    expect(cols()).toEqual(['240px', '90px']);
  });
});

// Every row in the DOM is slow in jsdom (about 3 s per 1,000 rows), so these use 1,110 rows:
// far above the threshold, rendered as a window of about 25.
describe('DataTable exports and prints every row of a long table', { timeout: 30_000 }, () => {
  const data = tree(10, 10, 10); // 10 + 100 + 1,000 = 1,110 rows
  const total = 1_110;

  it('exports every row, not only those rendered, and the window stays', async () => {
    render(<Tree data={data} expandAll />);
    scrollTo(600 * ROW);
    const before = bodyRows().map((r) => r.getAttribute('aria-rowindex'));
    expect(before.length).toBeLessThan(60);
    const lines = await exportedCsv();
    expect(lines).toHaveLength(1 + total);
    expect(lines[0]).toBe('科目编码 · 名称,决算数');
    expect(lines[1]).toBe('201 类1支出,"10,000.00"');
    expect(lines[2]).toBe('20101 款1-1,100.00');
    expect(lines[3]).toBe('2010101 项2010101,1.00');
    expect(lines.at(-1)).toBe('2101010 项2101010,1.09');
    // Spacer rows are never exported.
    expect(lines.filter((l) => !/^\d+ /.test(l))).toEqual([lines[0]]);
    // No row twice (the rendered window is not added to the rest).
    expect(new Set(lines).size).toBe(lines.length);
    expect(bodyRows().map((r) => r.getAttribute('aria-rowindex'))).toEqual(before);
    expect(table()).toHaveAttribute('aria-rowcount', String(total + 1));
    // The same file as exported with every row in the DOM (as while printing).
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    expect(bodyRows()).toHaveLength(total);
    expect(await exportedCsv()).toEqual(lines);
    act(() => {
      window.dispatchEvent(new Event('afterprint'));
    });
  });

  it('renders every row while printing, and the window again after', () => {
    render(<Tree data={data} expandAll />);
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    expect(bodyRows()).toHaveLength(total);
    expect(table().querySelector('tr[aria-hidden="true"]')).toBeNull();
    expect(wrap()).not.toHaveClass('virtual');
    act(() => {
      window.dispatchEvent(new Event('afterprint'));
    });
    expect(bodyRows().length).toBeLessThan(60);
    expect(wrap()).toHaveClass('virtual');
  });
});

describe('DataTable below the threshold', { timeout: 20_000 }, () => {
  it('renders every row, with no spacers or row counts (as before virtual rows)', async () => {
    render(<Tree data={tree(3, 4, 5)} expandAll />); // 3 + 12 + 60 = 75 rows
    const rows = bodyRows();
    expect(rows).toHaveLength(75);
    expect(table()).not.toHaveAttribute('aria-rowcount');
    expect(rows[0]).not.toHaveAttribute('aria-rowindex');
    expect(table().querySelector('tr[aria-hidden="true"]')).toBeNull();
    expect(wrap()).not.toHaveClass('virtual');
    const lines = await exportedCsv();
    expect(lines).toHaveLength(76);
    expect(lines[1]).toBe('201 类1支出,"10,000.00"');
  });

  it('switches to a window when expanding crosses the threshold, and back', async () => {
    // 3 类 of 2 款 of 40 项: 3 rows collapsed.
    render(<Tree data={tree(3, 2, 40)} />);
    expect(bodyRows()).toHaveLength(3);
    const user = userEvent.setup();
    const toggle = (name: string) => user.click(within(rowOf(name)).getByRole('button'));
    await toggle('201 类1支出');
    await toggle('20101 款1-1');
    await toggle('20102 款1-2');
    await toggle('202 类2支出');
    await toggle('20201 款2-1');
    // 3 + 2 + 80 + 2 + 40 = 127 rows: every one rendered.
    expect(bodyRows()).toHaveLength(127);
    expect(127).toBeLessThanOrEqual(VIRTUAL_ROW_THRESHOLD);
    expect(table()).not.toHaveAttribute('aria-rowcount');
    // + 40 = 167: above the threshold, so windowed (the clicked row, 126th, stays rendered).
    await toggle('20202 款2-2');
    expect(table()).toHaveAttribute('aria-rowcount', String(167 + 1));
    expect(bodyRows().length).toBeLessThan(60);
    // Collapsing 类2 (row 84, scrolled into view) goes back to every row.
    scrollTo(70 * ROW);
    await toggle('202 类2支出');
    expect(table()).not.toHaveAttribute('aria-rowcount');
    expect(bodyRows()).toHaveLength(85);
    expect(table().querySelector('tr[aria-hidden="true"]')).toBeNull();
  });
});

describe('DataTable column ids', () => {
  it('shows and sorts columns whose ids name Object.prototype members (a bundle key can be any string)', async () => {
    interface Pair {
      id: string;
      a: string;
      b: string;
    }
    const h = dataTableColumns<Pair>();
    const cols: DataColumn<Pair>[] = [
      h.accessor('a', {
        id: '__proto__',
        header: '甲',
        sortFn: 'decimal',
        cell: (info) => String(info.getValue()),
      }) as DataColumn<Pair>,
      h.accessor('b', {
        id: 'constructor',
        header: '乙',
        cell: (info) => String(info.getValue()),
      }) as DataColumn<Pair>,
    ];
    const data: Pair[] = [
      { id: '1', a: '10.50', b: '一' },
      { id: '2', a: '2.25', b: '二' },
    ];
    render(
      <DataTable
        caption="测试"
        data={data}
        columns={cols}
        getRowId={(r) => r.id}
        exportable={false}
      />,
    );
    const cells = () =>
      screen
        .getAllByRole('row')
        .slice(1)
        .map((r) =>
          within(r)
            .getAllByRole('cell')
            .map((c) => c.textContent),
        );
    expect(cells()).toEqual([
      ['10.50', '一'],
      ['2.25', '二'],
    ]);
    await userEvent.setup().click(screen.getByRole('button', { name: /^甲/ }));
    expect(cells()).toEqual([
      ['2.25', '二'],
      ['10.50', '一'],
    ]);
  });
});
