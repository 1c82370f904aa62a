/**
 * The standard disclosure tables, declared once: how to recognise each title, which grammar
 * reads its body and which value columns it has. Keyed on the national standard format
 * (公开01–10 for 决算, 预算公开表1–13 for 预算), never on a particular document.
 */

export type Grammar =
  /** 科目代码, 科目名称, values…: the 功能分类 tree (类/款/项). */
  | 'tree'
  /** Two sides (收入 | 支出), each: label, 行次, values…. */
  | 'paired'
  /** Two sides without 行次 (budget tables 1 and 4): label, values | label, values. */
  | 'paired-plain'
  /** 经济分类 code, label, value — several triples per line (公开06). */
  | 'econ'
  /** Label, 行次, value (公开10). */
  | 'stat'
  /** One data row of positional values under a numbered header (公开09). */
  | 'single'
  /** Label cell(s), then positional values (budget tables). */
  | 'rows';

export interface ColumnSpec {
  readonly key: string;
  readonly label: string;
}

export interface TableSpec {
  readonly id: string;
  readonly docKind: '决算' | '预算';
  /** Standard name; a title line matches when, stripped of numbering and year, it ends with this. */
  readonly name: string;
  /** Names that also end with `name` but are other tables. */
  readonly notNames?: readonly string[];
  readonly grammar: Grammar;
  readonly columns: readonly ColumnSpec[];
  /** paired: how many of `columns` belong to the left (收入) side; the rest are the right side. */
  readonly leftColumns?: number;
  /** rows: how many leading label cells a row has. */
  readonly labelCells?: number;
}

const c = (key: string, label: string): ColumnSpec => ({ key, label });

const FINAL: readonly TableSpec[] = [
  {
    id: '公开01',
    docKind: '决算',
    name: '收入支出决算总表',
    notNames: ['财政拨款收入支出决算总表'],
    grammar: 'paired',
    columns: [c('amount', '金额'), c('amount', '金额')],
    leftColumns: 1,
  },
  {
    id: '公开02',
    docKind: '决算',
    name: '收入决算表',
    grammar: 'tree',
    columns: [
      c('total', '本年收入合计'),
      c('fiscal', '财政拨款收入'),
      c('superior', '上级补助收入'),
      c('business', '事业收入'),
      c('operating', '经营收入'),
      c('affiliated', '附属单位上缴收入'),
      c('other', '其他收入'),
    ],
  },
  {
    id: '公开03',
    docKind: '决算',
    name: '支出决算表',
    notNames: ['财政拨款支出决算表'],
    grammar: 'tree',
    columns: [
      c('total', '本年支出合计'),
      c('basic', '基本支出'),
      c('project', '项目支出'),
      c('remitted', '上缴上级支出'),
      c('operating', '经营支出'),
      c('affiliatedSubsidy', '对附属单位补助支出'),
    ],
  },
  {
    id: '公开04',
    docKind: '决算',
    name: '财政拨款收入支出决算总表',
    grammar: 'paired',
    columns: [
      c('amount', '金额'),
      c('total', '合计'),
      c('general', '一般公共预算财政拨款'),
      c('fund', '政府性基金预算财政拨款'),
      c('stateCapital', '国有资本经营预算财政拨款'),
    ],
    leftColumns: 1,
  },
  {
    id: '公开05',
    docKind: '决算',
    name: '一般公共预算财政拨款支出决算表',
    grammar: 'tree',
    columns: [c('total', '小计'), c('basic', '基本支出'), c('project', '项目支出')],
  },
  {
    id: '公开06',
    docKind: '决算',
    name: '一般公共预算财政拨款基本支出决算明细表',
    grammar: 'econ',
    columns: [c('amount', '决算数')],
  },
  {
    id: '公开07',
    docKind: '决算',
    name: '政府性基金预算财政拨款收入支出决算表',
    grammar: 'tree',
    columns: [
      c('openingBalance', '年初结转和结余'),
      c('income', '本年收入'),
      c('total', '本年支出小计'),
      c('basic', '基本支出'),
      c('project', '项目支出'),
      c('closingBalance', '年末结转和结余'),
    ],
  },
  {
    id: '公开08',
    docKind: '决算',
    name: '国有资本经营预算财政拨款支出决算表',
    grammar: 'tree',
    columns: [c('total', '合计'), c('basic', '基本支出'), c('project', '项目支出')],
  },
  {
    id: '公开09',
    docKind: '决算',
    name: '财政拨款“三公”经费支出决算表',
    grammar: 'single',
    columns: [
      c('budget.total', '预算数·合计'),
      c('budget.abroad', '预算数·因公出国（境）费'),
      c('budget.vehicle', '预算数·公务用车购置及运行维护费·小计'),
      c('budget.vehiclePurchase', '预算数·公务用车购置费'),
      c('budget.vehicleRunning', '预算数·公务用车运行维护费'),
      c('budget.reception', '预算数·公务接待费'),
      c('actual.total', '决算数·合计'),
      c('actual.abroad', '决算数·因公出国（境）费'),
      c('actual.vehicle', '决算数·公务用车购置及运行维护费·小计'),
      c('actual.vehiclePurchase', '决算数·公务用车购置费'),
      c('actual.vehicleRunning', '决算数·公务用车运行维护费'),
      c('actual.reception', '决算数·公务接待费'),
    ],
  },
  {
    id: '公开10',
    docKind: '决算',
    name: '部门决算公开相关信息统计表',
    grammar: 'stat',
    columns: [c('value', '统计数')],
  },
];

const BUDGET: readonly TableSpec[] = [
  {
    id: '预算01',
    docKind: '预算',
    name: '预算收支总表',
    notNames: ['财政拨款收支总表'],
    grammar: 'paired-plain',
    columns: [
      c('amount', '金额'),
      c('total', '合计'),
      c('current', '当年预算安排'),
      c('carryOver', '上年结转安排'),
    ],
    leftColumns: 1,
  },
  {
    id: '预算02',
    docKind: '预算',
    name: '预算收入总表',
    grammar: 'tree',
    columns: [
      c('total', '合计'),
      c('general', '一般公共预算'),
      c('fund', '政府性基金'),
      c('stateCapital', '国有资本经营预算'),
      c('specialAccount', '财政专户管理资金'),
      c('unitFunds', '单位资金'),
      c('carryOver', '上年结转'),
    ],
  },
  {
    id: '预算03',
    docKind: '预算',
    name: '预算支出总表',
    grammar: 'tree',
    columns: [c('total', '合计'), c('basic', '基本支出'), c('project', '项目支出')],
  },
  {
    id: '预算04',
    docKind: '预算',
    name: '财政拨款收支总表',
    grammar: 'paired-plain',
    columns: [
      c('amount', '金额'),
      c('total', '小计'),
      c('general', '一般公共预算'),
      c('fund', '政府性基金预算'),
      c('stateCapital', '国有资本经营预算'),
    ],
    leftColumns: 1,
  },
  {
    id: '预算05',
    docKind: '预算',
    name: '一般公共预算支出预算表',
    grammar: 'tree',
    columns: [c('total', '合计'), c('basic', '基本支出'), c('project', '项目支出')],
  },
  {
    id: '预算06',
    docKind: '预算',
    name: '基本支出分经济科目表',
    grammar: 'rows',
    labelCells: 2,
    columns: [c('total', '合计'), c('personnel', '人员经费'), c('public', '公用经费')],
  },
  {
    id: '预算07',
    docKind: '预算',
    name: '政府性基金预算收入表',
    grammar: 'tree',
    columns: [c('total', '政府性基金收入预算')],
  },
  {
    id: '预算08',
    docKind: '预算',
    name: '政府性基金预算支出表',
    grammar: 'tree',
    columns: [c('total', '合计'), c('basic', '基本支出'), c('project', '项目支出')],
  },
  {
    id: '预算09',
    docKind: '预算',
    name: '国有资本经营预算收支预算表',
    grammar: 'tree',
    columns: [
      c('income', '国有资本经营收入预算'),
      c('expenseCode', '支出科目编码'),
      c('total', '支出合计'),
      c('basic', '基本支出'),
      c('project', '项目支出'),
    ],
  },
  {
    id: '预算10',
    docKind: '预算',
    name: '“三公”经费支出预算表',
    grammar: 'rows',
    labelCells: 1,
    columns: [
      c('total', '合计'),
      c('general', '一般公共预算'),
      c('fund', '政府性基金预算'),
      c('stateCapital', '国有资本经营预算'),
    ],
  },
  {
    id: '预算11',
    docKind: '预算',
    name: '机关运行经费预算表',
    grammar: 'rows',
    labelCells: 1,
    columns: [
      c('total', '合计'),
      c('general', '一般公共预算'),
      c('fund', '政府性基金预算'),
      c('stateCapital', '国有资本经营预算'),
    ],
  },
  {
    id: '预算12',
    docKind: '预算',
    name: '项目支出预算表（本年预算）',
    grammar: 'rows',
    labelCells: 1,
    columns: [
      c('total', '合计'),
      c('general', '一般公共预算'),
      c('fund', '政府性基金预算'),
      c('stateCapital', '国有资本经营预算'),
      c('specialAccount', '财政专户管理资金'),
      c('unitFunds', '单位资金'),
    ],
  },
  {
    id: '预算13',
    docKind: '预算',
    name: '项目支出预算表（上年结转）',
    grammar: 'rows',
    labelCells: 1,
    columns: [
      c('total', '合计'),
      c('general', '一般公共预算'),
      c('fund', '政府性基金预算'),
      c('stateCapital', '国有资本经营预算'),
    ],
  },
];

export const TABLE_SPECS: readonly TableSpec[] = [...FINAL, ...BUDGET];

/** Title text without numbering ("一、"), the year ("2026年"), spaces and the budget suffix "（不含上年结转）". */
export function normaliseTitle(line: string): string {
  return line
    .replace(/\s+/g, '')
    .replace(/^[一二三四五六七八九十]+、/, '')
    .replace(/^\d{4}年(度)?/, '')
    .replace(/（不含上年结转）$|\(不含上年结转\)$/, '')
    .replace(/"/g, '“');
}

/** The spec whose title this line is, if any. */
export function specForTitle(line: string, docKind: '决算' | '预算'): TableSpec | null {
  const t = normaliseTitle(line);
  if (t.length > 40 || /\.{3,}|…/.test(t)) return null;
  for (const spec of TABLE_SPECS) {
    if (spec.docKind !== docKind) continue;
    // Budget titles carry a unit-specific prefix (e.g. "财政拨款安排"); 决算 titles are exact.
    const matches = docKind === '决算' ? t === spec.name : t.endsWith(spec.name);
    if (!matches) continue;
    if (spec.notNames?.some((n) => t.endsWith(n))) continue;
    return spec;
  }
  return null;
}
