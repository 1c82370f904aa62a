/**
 * Consistency checks over the standard tables: totals against their parts (within the documents'
 * rounding), and one figure printed in two tables. Findings are reported, never fixed.
 */
import type { Finding, Table, TableRow } from '../../data/schema';
import type { Fig } from '../../data/schema-common';
import { cellIn万元 } from '../../data/table-cell';
import { checkSum } from '../../domain/consistency';
import { convertAmount, toFixed2 } from '../../domain/money';
import type { Decimal } from '../../domain/money';

type Severity = Finding['severity'];

interface Ref {
  table: string;
  group?: string;
  key: string;
  col: string;
}

class Checker {
  readonly findings: Finding[] = [];
  private n = 0;
  /** Lines next to a line the reader could not read (figures printed above or below a row). */
  private readonly nearUnread: ReadonlySet<number>;

  constructor(
    private readonly tables: ReadonlyMap<string, Table>,
    /** Lines whose figures the reader could not place. */
    private readonly unread: ReadonlySet<number> = new Set(),
  ) {
    this.nearUnread = new Set([...unread].flatMap((l) => [l - 1, l, l + 1]));
  }

  /** An empty cell on or next to a line the reader could not read: not known to be blank. */
  private unknown(ref: Ref): boolean {
    const row = this.row(ref.table, ref.key, ref.group);
    return (
      row !== undefined && this.nearUnread.has(row.line) && (row.cells[ref.col] ?? null) === null
    );
  }

  row(table: string, key: string, group?: string): TableRow | undefined {
    return this.tables
      .get(table)
      ?.rows.find((r) => r.key === key && (group === undefined || r.group === group));
  }

  /** undefined when the row, or the column, is not in the table: absent is not zero. */
  cell(ref: Ref): Fig | null | undefined {
    const row = this.row(ref.table, ref.key, ref.group);
    if (row === undefined) return undefined;
    // A national table may lack a column the Shanxi one has (预算01 without 上年结转安排).
    if (!this.tables.get(ref.table)?.columns.some((c) => c.key === ref.col)) return undefined;
    return row.cells[ref.col] ?? null;
  }

  describe(ref: Ref): string {
    const table = this.tables.get(ref.table);
    const row = this.row(ref.table, ref.key, ref.group);
    const col = table?.columns.find((c) => c.key === ref.col)?.label ?? ref.col;
    const label = row === undefined ? ref.key : [row.code, row.label].filter(Boolean).join(' ');
    return `${ref.table}“${label}”的“${col}”`;
  }

  unitOf(ref: Ref): Table['unit'] {
    return this.tables.get(ref.table)?.unit ?? '万元';
  }

  /** A figure in 万元 (a count as printed), for comparing tables printed in different units. */
  in万元(ref: Ref, fig: Fig): string {
    const row = this.row(ref.table, ref.key, ref.group) ?? {};
    return cellIn万元(this.unitOf(ref), row, ref.col, fig).v;
  }

  /**
   * total = Σ parts. Missing rows (table absent) skip the check; empty cells count as zero.
   * Figures are compared in the unit they are printed in, so the rounding tolerance (0.01 a part)
   * is one of the document's own last places; only when a check spans tables printed in 元 and
   * in 万元 are they compared in 万元, and the finding states both sides in the total's unit.
   */
  sum(total: Ref, parts: readonly Ref[], what: string, severity: Severity = 'error'): void {
    const t = this.cell(total);
    if (t === undefined) return;
    if (this.unknown(total) || parts.some((p) => this.unknown(p))) return;
    const partRefs = parts.map((ref) => ({ ref, fig: this.cell(ref) }));
    if (partRefs.every((p) => p.fig === undefined)) return;
    const present = partRefs.filter((p): p is { ref: Ref; fig: Fig } => p.fig != null);
    if (t === null && present.length === 0) return;
    // A figure printed on a line the reader could not read in full: not compared either.
    if ([t, ...present.map((p) => p.fig)].some((f) => f != null && this.unread.has(f.line))) return;
    const unit = this.unitOf(total);
    const mixed = present.some((p) => this.unitOf(p.ref) !== unit);
    const result = mixed
      ? checkSum(
          t === null ? '0' : this.in万元(total, t),
          present.map((p) => this.in万元(p.ref, p.fig)),
        )
      : checkSum(
          t?.v ?? '0',
          present.map((p) => p.fig.v),
          unit === '元' ? 0 : 2,
        );
    if (result.verdict === 'exact') return;
    const lines = [t?.line, ...present.map((p) => p.fig.line)].filter(
      (l): l is number => l !== undefined,
    );
    if (lines.length === 0) return;
    const rounding = result.verdict === 'rounding';
    // Mixed units were compared in 万元: say it, and give the expected figure in the total's unit.
    const inTotalUnit = (v: Decimal) => (mixed ? convertAmount(v, '万元', unit) : v);
    const difference = `${toFixed2(result.difference.abs())}${mixed ? ' 万元' : ''}`;
    this.findings.push({
      id: `tbl-${++this.n}`,
      severity: rounding ? 'info' : severity,
      kind: parts.some((p) => p.table !== total.table) ? 'cross-table' : 'sum',
      message: `${this.describe(total)}${rounding ? '与' : '不等于'}${what}${
        rounding ? `相差 ${difference}，在尾数误差范围内` : ''
      }${mixed ? '（两表金额单位不同，按万元比较）' : ''}`,
      expected: toFixed2(inTotalUnit(result.parts)),
      printed: t?.v ?? '（空）',
      lines: [...new Set(lines)],
    });
  }

  same(a: Ref, b: Ref, severity: Severity = 'warning'): void {
    this.sum(a, [b], `${this.describe(b)}`, severity);
  }
}

function childrenOf(rows: readonly TableRow[], code: string): TableRow[] {
  return rows.filter(
    (r) => r.code !== undefined && r.code.length === code.length + 2 && r.code.startsWith(code),
  );
}

/** 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类, for every value column of a 功能分类 table. */
function treeSums(c: Checker, table: Table): void {
  for (const col of table.columns) {
    for (const row of table.rows) {
      const kids =
        row.code !== undefined
          ? childrenOf(table.rows, row.code)
          : table.rows.filter((r) => r.level === 1 && r.code !== undefined);
      if (kids.length === 0 || (row.code === undefined && row.key !== '合计')) continue;
      c.sum(
        { table: table.id, key: row.key, col: col.key },
        kids.map((k) => ({ table: table.id, key: k.key, col: col.key })),
        row.code === undefined
          ? '各类之和'
          : row.code.length === 3
            ? '其下各款之和'
            : '其下各项之和',
      );
    }
  }
}

/** A total column equals the sum of other columns, on every row of the table. */
function columnSums(
  c: Checker,
  table: Table,
  total: string,
  parts: readonly string[],
  group?: string,
): void {
  // Columns a national table has beyond the standard ones (江苏's 单位预留机动经费): parts too.
  const extra = table.columns.map((col) => col.key).filter((k) => k.startsWith('extra.'));
  const all = group === undefined ? [...parts, ...extra] : parts;
  for (const row of table.rows) {
    if (group !== undefined && row.group !== group) continue;
    const ref = (col: string): Ref => ({
      table: table.id,
      key: row.key,
      col,
      ...(row.group !== undefined ? { group: row.group } : {}),
    });
    c.sum(ref(total), all.map(ref), `${all.length} 个分项列之和`);
  }
}

/** Every row of a group before `totalKey` whose label is numbered (一、二、…) adds up to it. */
function numberedSum(c: Checker, table: Table, group: string, totalKey: string, col: string): void {
  const rows = table.rows.filter((r) => r.group === group);
  const end = rows.findIndex((r) => r.key === totalKey);
  if (end === -1) return;
  const parts = rows.slice(0, end).filter((r) => /^[一二三四五六七八九十]+、/.test(r.label));
  c.sum(
    { table: table.id, group, key: totalKey, col },
    parts.map((p) => ({ table: table.id, group, key: p.key, col })),
    '各项之和',
  );
}

function pairedTotals(
  c: Checker,
  t: string,
  grand: { income: string[]; expense: string[] },
  expenseCol: string,
  totals: { income: string; expense: string; grandIncome: string; grandExpense: string },
): void {
  c.sum(
    { table: t, group: 'income', key: totals.grandIncome, col: 'amount' },
    grand.income.map((key) => ({ table: t, group: 'income', key, col: 'amount' })),
    grand.income.join('、') + '之和',
  );
  c.sum(
    { table: t, group: 'expense', key: totals.grandExpense, col: expenseCol },
    grand.expense.map((key) => ({ table: t, group: 'expense', key, col: expenseCol })),
    grand.expense.join('、') + '之和',
  );
  c.same(
    { table: t, group: 'income', key: totals.grandIncome, col: 'amount' },
    { table: t, group: 'expense', key: totals.grandExpense, col: expenseCol },
    'error',
  );
}

/** 类 rows of a paired table against the 类 rows of a tree table, matched by name. */
function classesAgainst(
  c: Checker,
  paired: Table | undefined,
  pairedCol: string,
  tree: Table | undefined,
  treeCol: string,
): void {
  if (paired === undefined || tree === undefined) return;
  for (const row of tree.rows.filter((r) => r.level === 1)) {
    const match = paired.rows.find((r) => r.group === 'expense' && r.key === row.label);
    if (match === undefined) continue;
    c.same(
      { table: paired.id, group: 'expense', key: match.key, col: pairedCol },
      { table: tree.id, key: row.key, col: treeCol },
    );
  }
}

/**
 * `unreadLines`: lines whose figures the reader could not place (national layouts). A check is not
 * made when it takes a figure from one of them, or needs an empty cell on or next to one (that
 * cell may not be blank): a mismatch there would be the reader's, not the document's.
 */
export function checkTables(
  tables: readonly Table[],
  unreadLines: ReadonlySet<number> = new Set(),
): Finding[] {
  const byId = new Map(tables.map((t) => [t.id, t]));
  const c = new Checker(byId, unreadLines);
  const get = (id: string): Table | undefined => byId.get(id);

  for (const t of tables) {
    if (t.rows.some((r) => r.code !== undefined && r.key !== '合计') && t.id !== '公开06')
      treeSums(c, t);
  }

  // Column totals within a row.
  const cols: [string, string, string[], string?][] = [
    ['公开02', 'total', ['fiscal', 'superior', 'business', 'operating', 'affiliated', 'other']],
    ['公开03', 'total', ['basic', 'project', 'remitted', 'operating', 'affiliatedSubsidy']],
    ['公开04', 'total', ['general', 'fund', 'stateCapital'], 'expense'],
    ['公开05', 'total', ['basic', 'project']],
    ['公开07', 'total', ['basic', 'project']],
    ['公开08', 'total', ['basic', 'project']],
    ['预算01', 'total', ['current', 'carryOver'], 'expense'],
    ['预算02', 'total', ['general', 'fund', 'stateCapital', 'specialAccount', 'unitFunds']],
    ['预算03', 'total', ['basic', 'project']],
    ['预算04', 'total', ['general', 'fund', 'stateCapital'], 'expense'],
    ['预算05', 'total', ['basic', 'project']],
    ['预算06', 'total', ['personnel', 'public']],
    ['预算08', 'total', ['basic', 'project']],
    ['预算10', 'total', ['general', 'fund', 'stateCapital']],
    ['预算11', 'total', ['general', 'fund', 'stateCapital']],
    ['预算12', 'total', ['general', 'fund', 'stateCapital', 'specialAccount', 'unitFunds']],
    ['预算13', 'total', ['general', 'fund', 'stateCapital']],
  ];
  for (const [id, total, parts, group] of cols) {
    const t = get(id);
    if (t !== undefined) columnSums(c, t, total, parts, group);
  }

  // Two-sided summary tables: the numbered rows add up to 本年合计, which with the carry-overs
  // makes 总计, and the two sides' 总计 agree.
  const summaries: {
    id: string;
    expenseCol: string;
    income: string[];
    expense: string[];
    grand: [income: string, expense: string];
  }[] = [
    {
      id: '公开01',
      expenseCol: 'amount',
      income: ['本年收入合计', '使用非财政拨款结余（含专用结余）', '年初结转和结余'],
      expense: ['本年支出合计', '结余分配', '年末结转和结余'],
      grand: ['总计', '总计'],
    },
    {
      id: '公开04',
      expenseCol: 'total',
      income: ['本年收入合计', '年初财政拨款结转和结余'],
      expense: ['本年支出合计', '年末财政拨款结转和结余'],
      grand: ['总计', '总计'],
    },
    {
      id: '预算01',
      expenseCol: 'total',
      income: ['本年收入合计', '上年结转'],
      expense: ['本年支出合计', '年终结转'],
      grand: ['收入总计', '支出总计'],
    },
    {
      id: '预算04',
      expenseCol: 'total',
      income: ['本年收入合计', '上年财政拨款结转'],
      expense: ['本年支出合计', '年终结转'],
      grand: ['收入总计', '支出总计'],
    },
  ];
  for (const sm of summaries) {
    const t = get(sm.id);
    if (t === undefined) continue;
    numberedSum(c, t, 'income', '本年收入合计', 'amount');
    numberedSum(c, t, 'expense', '本年支出合计', sm.expenseCol);
    pairedTotals(c, sm.id, { income: sm.income, expense: sm.expense }, sm.expenseCol, {
      income: '本年收入合计',
      expense: '本年支出合计',
      grandIncome: sm.grand[0],
      grandExpense: sm.grand[1],
    });
  }
  const t01 = get('公开01');
  const t04 = get('公开04');

  // 经济分类 detail (公开06): 类 = Σ 款; 人员/公用经费合计 = Σ their 类.
  const t06 = get('公开06');
  if (t06 !== undefined) {
    for (const row of t06.rows.filter((r) => r.level === 1 && r.code !== undefined)) {
      const kids = childrenOf(t06.rows, row.code ?? '');
      if (kids.length > 0)
        c.sum(
          { table: '公开06', key: row.key, col: 'amount' },
          kids.map((k) => ({ table: '公开06', key: k.key, col: 'amount' })),
          '其下各款之和',
        );
    }
    for (const g of ['人员经费', '公用经费']) {
      const parts = t06.rows.filter((r) => r.group === g && r.level === 1);
      c.sum(
        { table: '公开06', key: `${g}合计`, col: 'amount' },
        parts.map((p) => ({ table: '公开06', key: p.key, col: 'amount' })),
        `${g}各类之和`,
      );
    }
  }

  // 三公 (公开09): 公务用车 = 购置 + 运行维护; 合计 = 出国 + 公务用车 + 接待.
  for (const side of ['budget', 'actual']) {
    const r = (col: string): Ref => ({ table: '公开09', key: 'sangong', col: `${side}.${col}` });
    c.sum(
      r('vehicle'),
      [r('vehiclePurchase'), r('vehicleRunning')],
      '公务用车购置费与运行维护费之和',
    );
    c.sum(
      r('total'),
      [r('abroad'), r('vehicle'), r('reception')],
      '因公出国（境）费、公务用车费与公务接待费之和',
    );
  }

  // Budget 三公 (预算10), in each fund column: 公务用车购置及运行费 = 购置费 + 运行维护费;
  // 合计 = 出国 + 接待 + 公务用车购置及运行费.
  for (const col of ['total', 'general', 'fund', 'stateCapital']) {
    const r = (key: string): Ref => ({ table: '预算10', key, col });
    c.sum(
      r('公务用车购置及运行费'),
      [r('公务用车购置费'), r('公务用车运行维护费')],
      '公务用车购置费与运行维护费之和',
    );
    c.sum(
      r('合计'),
      [r('因公出国（境）费'), r('公务接待费'), r('公务用车购置及运行费')],
      '因公出国（境）费、公务接待费与公务用车购置及运行费之和',
    );
  }

  // 公开10: procurement and vehicles.
  const t10 = get('公开10');
  if (t10 !== undefined) {
    const p = (key: string): Ref => ({ table: '公开10', key: `政府采购情况/${key}`, col: 'value' });
    c.sum(p('合计'), [p('货物'), p('工程'), p('服务')], '货物、工程、服务之和');
    const vehicles = t10.rows.filter((r) => r.group === '国有资产占用情况' && /用车$/.test(r.key));
    c.sum(
      { table: '公开10', key: '国有资产占用情况/车辆数合计（辆）', col: 'value' },
      vehicles.map((v) => ({ table: '公开10', key: v.key, col: 'value' })),
      '各类车辆数之和',
    );
  }

  // Across tables (决算).
  c.same(
    { table: '公开01', group: 'income', key: '本年收入合计', col: 'amount' },
    { table: '公开02', key: '合计', col: 'total' },
  );
  c.same(
    { table: '公开01', group: 'expense', key: '本年支出合计', col: 'amount' },
    { table: '公开03', key: '合计', col: 'total' },
  );
  classesAgainst(c, t01, 'amount', get('公开03'), 'total');
  // 收入决算表's 财政拨款收入 is the fiscal income of the 财政拨款收入支出决算总表.
  c.same(
    { table: '公开02', key: '合计', col: 'fiscal' },
    { table: '公开04', group: 'income', key: '本年收入合计', col: 'amount' },
  );
  c.same(
    { table: '公开04', group: 'expense', key: '本年支出合计', col: 'general' },
    { table: '公开05', key: '合计', col: 'total' },
  );
  classesAgainst(c, t04, 'general', get('公开05'), 'total');
  c.sum(
    { table: '公开05', key: '合计', col: 'basic' },
    [
      { table: '公开06', key: '人员经费合计', col: 'amount' },
      { table: '公开06', key: '公用经费合计', col: 'amount' },
    ],
    '公开06 人员经费合计与公用经费合计之和',
    'warning',
  );
  if (
    t10 !== undefined &&
    t10.rows.some((r) => r.group === '机关运行经费' && r.cells['value'] != null)
  ) {
    c.sum(
      { table: '公开06', key: '公用经费合计', col: 'amount' },
      t10.rows
        .filter((r) => r.group === '机关运行经费')
        .map((r) => ({ table: '公开10', key: r.key, col: 'value' })),
      '公开10 机关运行经费',
      'info',
    );
  }

  // Across tables (预算).
  c.same(
    { table: '预算01', group: 'income', key: '本年收入合计', col: 'amount' },
    { table: '预算02', key: '合计', col: 'total' },
  );
  c.same(
    { table: '预算01', group: 'expense', key: '本年支出合计', col: 'total' },
    { table: '预算03', key: '合计', col: 'total' },
  );
  c.same(
    { table: '预算06', key: '合计', col: 'total' },
    { table: '预算05', key: '合计', col: 'basic' },
  );
  c.same(
    { table: '预算11', key: '部门合计', col: 'total' },
    { table: '预算06', key: '合计', col: 'public' },
    'info',
  );
  const b12 = get('预算12');
  if (b12 !== undefined && b12.rows.length > 1) {
    const [unitRow, ...projects] = b12.rows;
    if (unitRow !== undefined) {
      c.sum(
        { table: '预算12', key: unitRow.key, col: 'total' },
        projects.map((p) => ({ table: '预算12', key: p.key, col: 'total' })),
        '各项目之和',
      );
      c.same(
        { table: '预算12', key: unitRow.key, col: 'total' },
        { table: '预算03', key: '合计', col: 'project' },
      );
    }
  }
  return c.findings;
}
