import type { Table, TableRow } from '@/data/schema';
import {
  buildTree,
  countRows,
  layoutTable,
  shownUnit,
  tableTabs,
  withoutEmptyRows,
} from '@/features/tables/tables-data';
import type { DisplayRow } from '@/features/tables/tables-data';
import { IDS, realBundle } from './real-data';

/** A row with one figure `v` (or an empty cell), on line `line`. */
function row(
  key: string,
  extra: Partial<Omit<TableRow, 'key' | 'cells'>> & { v?: string | null } = {},
): TableRow {
  const { v = '1.00', ...rest } = extra;
  return {
    key,
    label: rest.label ?? key,
    line: rest.line ?? 1,
    cells: { total: v === null ? null : { v, line: rest.line ?? 1 } },
    ...rest,
  };
}

const coded = (code: string, level: number, extra: Parameters<typeof row>[1] = {}) =>
  row(code, { code, level, ...extra });

/** The tree as nested keys: "合计", "201[20103[2010301,2010302]]". */
function shape(rows: readonly DisplayRow[]): string[] {
  return rows.map((r) => (r.subRows ? `${r.id}[${shape(r.subRows).join(',')}]` : r.id));
}

describe('buildTree', () => {
  it.each<[string, TableRow[], string[]]>([
    [
      '功能分类 类→款→项 by code prefix, 合计 on top',
      [
        row('合计', { level: 0 }),
        coded('201', 1),
        coded('20103', 2),
        coded('2010301', 3),
        coded('2010302', 3),
        coded('205', 1),
        coded('20508', 2),
        coded('2050803', 3),
      ],
      ['合计', '201[20103[2010301,2010302]]', '205[20508[2050803]]'],
    ],
    [
      '合计 printed last still goes on top',
      [coded('201', 1), coded('20103', 2), row('合计', { level: 0 })],
      ['合计', '201[20103]'],
    ],
    [
      'a 项 whose 款 is not printed hangs under its 类',
      [coded('201', 1), coded('2010301', 3), coded('208', 1)],
      ['201[2010301]', '208'],
    ],
    [
      'a 款 without its 类 stays a root',
      [coded('20103', 2), coded('2010301', 3)],
      ['20103[2010301]'],
    ],
    [
      'siblings in code order when printed across columns (公开06 layout)',
      [coded('302', 1), coded('30101', 2), coded('301', 1), coded('30201', 2), coded('30102', 2)],
      ['301[30101,30102]', '302[30201]'],
    ],
    [
      'level without code (预算06): nearest preceding row of a lower level',
      [
        row('合计', { level: 0 }),
        row('工资福利支出', { level: 1 }),
        row('基本工资', { level: 2 }),
        row('津贴补贴', { level: 2 }),
        row('商品和服务支出', { level: 1 }),
        row('办公费', { level: 2 }),
      ],
      ['合计', '工资福利支出[基本工资,津贴补贴]', '商品和服务支出[办公费]'],
    ],
    [
      'rows without code or level stay flat, in document order',
      [row('单位'), row('Z评审经费'), row('J残疾人就业保障金')],
      ['单位', 'Z评审经费', 'J残疾人就业保障金'],
    ],
  ])('%s', (_name, rows, expected) => {
    expect(shape(buildTree(rows))).toEqual(expected);
  });

  it('puts coded rows under their group total (人员经费合计 / 公用经费合计)', () => {
    const tree = buildTree([
      coded('301', 1, { group: '人员经费' }),
      coded('302', 1, { group: '公用经费' }),
      coded('30101', 2, { group: '人员经费' }),
      coded('30201', 2, { group: '公用经费' }),
      coded('303', 1, { group: '人员经费' }),
      row('人员经费合计', { level: 0, group: '人员经费' }),
      row('公用经费合计', { level: 0, group: '公用经费' }),
    ]);
    expect(shape(tree)).toEqual([
      '人员经费/人员经费合计[人员经费/301[人员经费/30101],人员经费/303]',
      '公用经费/公用经费合计[公用经费/302[公用经费/30201]]',
    ]);
  });

  it('keeps each figure with its own source line', () => {
    const [total, cat] = buildTree([
      row('合计', { level: 0, line: 172, v: '42240.10' }),
      coded('201', 1, { line: 173, v: '42034.76' }),
    ]);
    expect(total?.cells.total).toEqual({ v: '42240.10', line: 172 });
    expect(cat?.cells.total).toEqual({ v: '42034.76', line: 173 });
    expect(cat?.line).toBe(173);
  });

  it('builds the real province 公开03 tree: 合计 + 4 类, 22 rows in all', () => {
    const t = realBundle(IDS.province).tables.find((x) => x.id === '公开03');
    if (!t) throw new Error('公开03');
    const tree = buildTree(t.rows);
    expect(tree.map((r) => r.id)).toEqual(['合计', '201', '205', '208', '210']);
    expect(countRows(tree)).toBe(t.rows.length);
    expect(tree[1]?.subRows?.map((r) => r.id)).toEqual(['20103', '20132']);
  });

  it('every row of every real table appears exactly once in its tree', () => {
    for (const id of Object.values(IDS)) {
      for (const t of realBundle(id).tables) {
        const rows = layoutTable(t).sections.flatMap((s) => s.rows);
        if (t.columns.every((c) => c.key.includes('.')) && t.rows.length === 1) continue;
        expect(countRows(rows), `${id} ${t.id}`).toBe(t.rows.length);
      }
    }
  });
});

describe('withoutEmptyRows', () => {
  it.each<[string, TableRow[], string[]]>([
    ['drops a row with only empty cells', [row('a'), row('b', { v: null })], ['a']],
    [
      'keeps an empty parent with a figure below',
      [coded('201', 1, { v: null }), coded('20103', 2), coded('205', 1, { v: null })],
      ['201[20103]'],
    ],
    [
      'drops a branch that is empty all the way down',
      [coded('201', 1, { v: null }), coded('20103', 2, { v: null })],
      [],
    ],
  ])('%s', (_name, rows, expected) => {
    expect(shape(withoutEmptyRows(buildTree(rows)))).toEqual(expected);
  });
});

function table(partial: Partial<Table> & Pick<Table, 'id' | 'columns' | 'rows'>): Table {
  return { title: partial.id, line: 1, unit: '万元', noData: false, ...partial };
}

describe('layoutTable', () => {
  it('splits a two-sided table into 收入 and 支出 with each side’s own columns', () => {
    const layout = layoutTable(
      table({
        id: '公开04',
        columns: [
          { key: 'amount', label: '金额' },
          { key: 'total', label: '合计' },
          { key: 'general', label: '一般公共预算财政拨款' },
        ],
        rows: [
          {
            key: '一般公共预算财政拨款',
            label: '一般公共预算财政拨款',
            group: 'income',
            line: 5,
            cells: { amount: null },
          },
          {
            key: '一般公共服务支出',
            label: '一般公共服务支出',
            group: 'expense',
            line: 5,
            cells: { total: null, general: null },
          },
        ],
      }),
    );
    expect(layout.sections.map((s) => [s.title, s.columns.map((c) => c.key)])).toEqual([
      ['收入', ['amount']],
      ['支出', ['total', 'general']],
    ]);
  });

  it('turns the one-row 三公 table so 预算数 / 决算数 are columns', () => {
    const fig = (v: string) => ({ v, line: 380 });
    const layout = layoutTable(
      table({
        id: '公开09',
        columns: [
          { key: 'budget.total', label: '预算数·合计' },
          { key: 'budget.reception', label: '预算数·公务接待费' },
          { key: 'actual.total', label: '决算数·合计' },
          { key: 'actual.reception', label: '决算数·公务接待费' },
        ],
        rows: [
          {
            key: 'sangong',
            label: '财政拨款“三公”经费',
            line: 380,
            cells: {
              'budget.total': fig('3.57'),
              'budget.reception': fig('0.38'),
              'actual.total': fig('3.57'),
              'actual.reception': null,
            },
          },
        ],
      }),
    );
    expect(layout.transposed).toBe(true);
    const [section] = layout.sections;
    expect(section?.columns.map((c) => c.label)).toEqual(['预算数', '决算数']);
    expect(
      section?.rows.map((r) => [r.label, r.cells.budget?.v ?? null, r.cells.actual?.v ?? null]),
    ).toEqual([
      ['合计', '3.57', '3.57'],
      ['公务接待费', '0.38', null],
    ]);
  });

  it('marks 公开10 asset rows as counts and shows its groups as a column', () => {
    const t = realBundle(IDS.province).tables.find((x) => x.id === '公开10');
    if (!t) throw new Error('公开10');
    const [section] = layoutTable(t).sections;
    expect(section?.showGroup).toBe(true);
    expect(section?.isTree).toBe(false);
    const kinds = new Map(section?.rows.map((r) => [r.label, r.valueKind]));
    expect(kinds.get('(一) 车辆数合计(辆)')).toBe('count');
    expect(kinds.get('货物')).toBe('amount');
  });
});

describe('shownUnit', () => {
  it.each([
    ['万元', '万元', { unit: '万元', formatAs: '万元', printed: '万元', converted: false }],
    ['万元', '元', { unit: '元', formatAs: '元', printed: '万元', converted: true }],
    // A table printed in 元 is never scaled again.
    ['元', '万元', { unit: '元', formatAs: '元', printed: '元', converted: false }],
    ['元', '元', { unit: '元', formatAs: '元', printed: '元', converted: false }],
  ] as const)('table in %s, display %s', (tableUnit, display, expected) => {
    expect(shownUnit(tableUnit, display)).toEqual(expected);
  });
});

describe('tableTabs', () => {
  it('lists every standard table of the kind and marks the missing ones', () => {
    const tabs = tableTabs({
      kind: '决算',
      tables: [table({ id: '公开01', title: '收入支出决算总表', columns: [], rows: [] })],
    });
    expect(tabs).toHaveLength(10);
    expect(tabs[0]).toEqual({ id: '公开01', title: '收入支出决算总表', present: true });
    expect(tabs[9]).toEqual({ id: '公开10', title: null, present: false });
  });

  it('has 预算01–13 for a budget', () => {
    expect(tableTabs(realBundle(IDS.cityBudget)).map((t) => t.id)).toEqual(
      Array.from({ length: 13 }, (_, i) => `预算${String(i + 1).padStart(2, '0')}`),
    );
  });
});
