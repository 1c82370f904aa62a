/**
 * The narrative (情况说明) against the tables: a figure the text states that a standard table also
 * prints must agree with it. Differences are reported beside both lines, never reconciled.
 */
import type { Finding, Table } from '../../data/schema';
import type { Fig } from '../../data/schema-common';
import { isClassKey, type Narrative } from '../../data/schema-narrative';
import type { WanFig } from '../../data/table-cell';
import { sameAmount } from '../../domain/consistency';
import { dec, printedPlaces, roundHalfUp, sum, toFixed2 } from '../../domain/money';

interface TableRef {
  table: string;
  key: string;
  col: string;
  group?: string;
  /** Match the row by its label instead of its key (an economic item named, not coded). */
  byLabel?: boolean;
}

/**
 * A 公开06 row: by its code ("301", "30110") or, for an item the text names ("职工基本医疗保险缴费",
 * "办公费"), by its label as printed. A name the table prints otherwise is not compared.
 */
function economicItem(part: string): TableRef {
  return {
    table: '公开06',
    key: part,
    col: 'amount',
    ...(/^\d+$/.test(part) ? {} : { byLabel: true }),
  };
}

/**
 * The row an item named in the text stands for. Some names are printed twice in 公开06
 * (办公设备购置 under 309 基本建设支出 and 310 资本性支出): the one that prints a figure, or none
 * when both do.
 */
function labelledRow(rows: readonly Table['rows'][number][], ref: TableRef) {
  const named = rows.filter((r) => r.label === ref.key);
  if (named.length <= 1) return named[0];
  const printed = named.filter((r) => r.cells[ref.col] != null);
  if (printed.length > 1) return undefined;
  return printed[0] ?? named[0];
}

/** Where each narrative total is printed in the 决算 / 预算 tables. */
const TOTALS: Record<'决算' | '预算', Record<string, TableRef>> = {
  决算: {
    incomeTotal: { table: '公开01', group: 'income', key: '总计', col: 'amount' },
    expenseTotal: { table: '公开01', group: 'expense', key: '总计', col: 'amount' },
    incomeSubtotal: { table: '公开01', group: 'income', key: '本年收入合计', col: 'amount' },
    expenseSubtotal: { table: '公开01', group: 'expense', key: '本年支出合计', col: 'amount' },
    fiscalIncomeTotal: { table: '公开04', group: 'income', key: '总计', col: 'amount' },
    fiscalExpenseTotal: { table: '公开04', group: 'expense', key: '总计', col: 'total' },
    generalBudgetExpense: { table: '公开05', key: '合计', col: 'total' },
    basicExpense: { table: '公开05', key: '合计', col: 'basic' },
    personnel: { table: '公开06', key: '人员经费合计', col: 'amount' },
    publicOperating: { table: '公开06', key: '公用经费合计', col: 'amount' },
  },
  预算: {
    incomeTotal: { table: '预算01', group: 'income', key: '收入总计', col: 'amount' },
    expenseTotal: { table: '预算01', group: 'expense', key: '支出总计', col: 'total' },
    incomeSubtotal: { table: '预算01', group: 'income', key: '本年收入合计', col: 'amount' },
    expenseSubtotal: { table: '预算01', group: 'expense', key: '本年支出合计', col: 'total' },
    fiscalTotal: { table: '预算04', group: 'income', key: '收入总计', col: 'amount' },
    generalBudgetExpense: { table: '预算05', key: '合计', col: 'total' },
    basicExpense: { table: '预算06', key: '合计', col: 'total' },
    personnel: { table: '预算06', key: '合计', col: 'personnel' },
    publicOperating: { table: '预算06', key: '合计', col: 'public' },
    operatingCosts: { table: '预算11', key: '部门合计', col: 'total' },
  },
};

/** Breakdown parts (by breakdown key, then part key) and the table cell that prints them. */
const PARTS: Record<'决算' | '预算', Record<string, (part: string) => TableRef | null>> = {
  决算: {
    income: (p) => {
      const col: Record<string, string> = {
        fiscal: 'fiscal',
        superiorSubsidy: 'superior',
        business: 'business',
        operating: 'operating',
        affiliated: 'affiliated',
        other: 'other',
      };
      return col[p] === undefined ? null : { table: '公开02', key: '合计', col: col[p] };
    },
    expense: (p) => {
      const col: Record<string, string> = {
        basic: 'basic',
        project: 'project',
        toSuperior: 'remitted',
        operating: 'operating',
        toAffiliated: 'affiliatedSubsidy',
      };
      return col[p] === undefined ? null : { table: '公开03', key: '合计', col: col[p] };
    },
    generalBudgetByClass: (p) => ({ table: '公开05', key: p, col: 'total' }),
    personnel: economicItem,
    publicOperating: economicItem,
  },
  预算: {
    expense: (p) =>
      p === 'basic' || p === 'project' ? { table: '预算03', key: '合计', col: p } : null,
    generalBudgetByClass: (p) => ({ table: '预算05', key: p, col: 'total' }),
  },
};

const SANGONG_COLS: Record<string, string> = {
  'sangong.abroad': 'abroad',
  // The national template's 公务用车购置及运行维护费, 公开09's 小计 of the two vehicle columns.
  'sangong.vehicle': 'vehicle',
  'sangong.vehiclePurchase': 'vehiclePurchase',
  'sangong.vehicleRunning': 'vehicleRunning',
  'sangong.reception': 'reception',
};

/**
 * The 项 row a text names by 类 code and 款/项 names ("201.商贸事务.行政运行"): the 项 under the 款
 * of that name under the 类. Names compare without spaces and bracket styles; none found, none
 * compared.
 */
function itemRow(table: Table, key: string): Table['rows'][number] | undefined {
  const [code, kuan, xiang] = key.split('.');
  if (code === undefined || kuan === undefined || xiang === undefined) return undefined;
  const norm = (t: string) => t.replace(/[\s（）()]/g, '');
  const parent = table.rows.find(
    (r) => r.code?.length === 5 && r.code.startsWith(code) && norm(r.label) === norm(kuan),
  );
  return parent?.code === undefined
    ? undefined
    : table.rows.find(
        (r) =>
          r.code?.length === 7 &&
          r.code.startsWith(parent.code ?? '') &&
          norm(r.label) === norm(xiang),
      );
}

export function checkNarrativeAgainstTables(
  narrative: Narrative,
  tables: readonly Table[],
  kind: '决算' | '预算',
): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();

  const lookup = (ref: TableRef): { table: Table; fig: Fig | null; label: string } | undefined => {
    const table = tables.find((t) => t.id === ref.table);
    const row = ref.byLabel
      ? labelledRow(table?.rows ?? [], ref)
      : table?.rows.find(
          (r) => r.key === ref.key && (ref.group === undefined || r.group === ref.group),
        );
    // A column the table does not print (江苏's 预算06 has one 金额 column, no 人员经费): nothing
    // to compare, where an empty cell of a printed column is zero.
    const col = table?.columns.find((c) => c.key === ref.col)?.label;
    if (table === undefined || row === undefined || col === undefined) return undefined;
    return {
      table,
      fig: row.cells[ref.col] ?? null,
      label: `${table.id}“${[row.code, row.label].filter(Boolean).join(' ')}”的“${col}”`,
    };
  };

  /** `unit`: what the text prints the figure in (万元; 辆 for the vehicle count). */
  const compare = (stated: Fig, what: string, ref: TableRef, unit = '万元'): void => {
    const hit = lookup(ref);
    if (hit === undefined) return;
    // A cell of a table printed in 元 comes converted (printedAs keeps its digits). The text
    // prints 万元 to its own places, so the table's figure is rounded to them before comparing:
    // 96,282,213.44 元 is the 9628.22 万元 the text states, not a difference of 0.001344.
    const cell = hit.fig as WanFig | null;
    const printedAs = cell?.printedAs;
    const places = Math.max(2, printedPlaces(stated.v));
    const printed =
      cell === null
        ? // An empty cell, or a table that says 本表无数据, prints zero.
          '0'
        : printedAs === undefined
          ? cell.v
          : roundHalfUp(dec(cell.v), places).toFixed(places);
    if (sameAmount(stated.v, printed)) return;
    const id = `${what}|${ref.table}|${ref.key}|${ref.col}|${stated.line}`;
    if (seen.has(id)) return;
    seen.add(id);
    const tableFigure =
      printedAs === undefined ? `${printed} ${unit}` : `${printedAs} 元（${printed} 万元）`;
    findings.push({
      id: `nt-${findings.length + 1}`,
      severity: 'warning',
      kind: 'narrative',
      message: `情况说明中的${what}为 ${stated.v} ${unit}，与${hit.label} ${tableFigure}不一致（相差 ${toFixed2(
        dec(stated.v).minus(dec(printed)).abs(),
      )}）`,
      expected: printed,
      printed: stated.v,
      lines: [...new Set([stated.line, ...(hit.fig !== null ? [hit.fig.line] : [hit.table.line])])],
    });
  };

  for (const t of narrative.totals) {
    const ref = TOTALS[kind][t.key];
    if (ref !== undefined) compare(t.value, `“${t.label}”`, ref);
  }
  // 上海's budgets list 财政拨款支出 项 by 项 by name: each against its 项 row of 预算05.
  const byItem = narrative.breakdowns.find((b) => b.key === 'generalBudgetByItem');
  const functional = tables.find((t) => t.id === (kind === '决算' ? '公开05' : '预算05'));
  if (functional !== undefined && functional.rows.some((r) => r.code?.length === 7)) {
    for (const p of byItem?.parts ?? []) {
      const row = itemRow(functional, p.key);
      if (row !== undefined) {
        compare(p.amount, `“${p.label}”`, { table: functional.id, key: row.key, col: 'total' });
        continue;
      }
      // Named otherwise only if its 类 is in the table (a table read in part lacks whole 类).
      const lei = p.key.split('.')[0];
      if (!functional.rows.some((r) => r.code === lei)) continue;
      findings.push({
        id: `nt-${findings.length + 1}`,
        severity: 'info',
        kind: 'narrative',
        message: `情况说明列出的科目“${p.label}”（${p.amount.v} 万元）在${functional.id}“${functional.title}”中找不到同名的款、项，未能与表核对；请对照原文核实科目名称。`,
        expected: `${functional.id}中的款、项名称`,
        printed: p.label,
        lines: [p.amount.line],
      });
    }
  }
  for (const b of narrative.breakdowns) {
    // The items of a 基本支出 part ("personnel.工资福利支出": 基本工资 …) are 公开06 rows too.
    const sub = kind === '决算' && /^(personnel|publicOperating)\./.test(b.key);
    const partRef = sub ? economicItem : PARTS[kind][b.key];
    if (partRef === undefined) continue;
    for (const p of b.parts) {
      const ref = partRef(p.key);
      if (ref !== null) compare(p.amount, `“${p.label}”`, ref);
    }
  }
  if (kind === '决算') {
    for (const e of narrative.executions) {
      if (e.key === 'total')
        compare(e.actual, `一般公共预算财政拨款支出决算`, {
          table: '公开05',
          key: '合计',
          col: 'total',
        });
      else if (isClassKey(e.key))
        compare(e.actual, `“${e.label}”支出决算`, { table: '公开05', key: e.key, col: 'total' });
    }
    const sg = narrative.sangong;
    if (sg !== null) {
      if (sg.actual !== null)
        compare(sg.actual, '“三公”经费支出决算', {
          table: '公开09',
          key: 'sangong',
          col: 'actual.total',
        });
      if (sg.budget !== null)
        compare(sg.budget, '“三公”经费全年预算', {
          table: '公开09',
          key: 'sangong',
          col: 'budget.total',
        });
      for (const p of sg.parts) {
        const col = SANGONG_COLS[p.key];
        if (col !== undefined && p.amount !== null)
          compare(p.amount, `“${p.label}”`, {
            table: '公开09',
            key: 'sangong',
            col: `actual.${col}`,
          });
      }
    }
    const pr = narrative.procurement;
    if (pr !== null) {
      const ref = (key: string): TableRef => ({
        table: '公开10',
        key: `政府采购情况/${key}`,
        col: 'value',
      });
      compare(pr.total, '政府采购支出总额', ref('合计'));
      if (pr.goods !== null) compare(pr.goods, '政府采购货物支出', ref('货物'));
      if (pr.works !== null) compare(pr.works, '政府采购工程支出', ref('工程'));
      if (pr.services !== null) compare(pr.services, '政府采购服务支出', ref('服务'));
    }
    if (narrative.assets?.vehicles != null) {
      compare(
        narrative.assets.vehicles,
        '车辆数',
        { table: '公开10', key: '国有资产占用情况/车辆数合计（辆）', col: 'value' },
        '辆',
      );
    }
    const t10 = tables.find((t) => t.id === '公开10');
    const opRows = t10?.rows.filter((r) => r.group === '机关运行经费') ?? [];
    if (narrative.operatingCosts !== null && opRows.length > 0) {
      const cells = opRows.map((r) => r.cells['value']).filter((c): c is Fig => c != null);
      const total = toFixed2(sum(cells.map((c) => c.v)));
      if (!sameAmount(narrative.operatingCosts.v, total)) {
        findings.push({
          id: `nt-${findings.length + 1}`,
          severity: 'warning',
          kind: 'narrative',
          message: `情况说明中的机关运行经费为 ${narrative.operatingCosts.v} 万元，与公开10 机关运行经费合计 ${total} 万元不一致`,
          expected: total,
          printed: narrative.operatingCosts.v,
          lines: [narrative.operatingCosts.line, ...cells.map((c) => c.line)],
        });
      }
    }
  }
  if (kind === '预算') budgetSangong(narrative, tables, compare, findings);
  return findings;
}

/** Budget 三公 rows of 预算10, by narrative part key. */
const BUDGET_SANGONG_ROWS: Record<string, string> = {
  'sangong.abroad': '因公出国（境）费',
  'sangong.vehiclePurchase': '公务用车购置费',
  'sangong.vehicleRunning': '公务用车运行维护费',
  'sangong.reception': '公务接待费',
};

/**
 * A budget's 三公 text against 预算10: the total and each item, and "本单位无“三公”经费预算"
 * against a table that prints a budget.
 */
function budgetSangong(
  narrative: Narrative,
  tables: readonly Table[],
  compare: (stated: Fig, what: string, ref: TableRef) => void,
  findings: Finding[],
): void {
  const sg = narrative.sangong;
  if (sg !== null) {
    if (sg.budget !== null)
      compare(sg.budget, '“三公”经费预算', { table: '预算10', key: '合计', col: 'total' });
    for (const p of sg.parts) {
      const key = BUDGET_SANGONG_ROWS[p.key];
      if (key !== undefined && p.amount !== null)
        compare(p.amount, `“${p.label}”预算`, { table: '预算10', key, col: 'total' });
    }
  }
  const none = narrative.noActivity.find((a) => a.key === 'sangong');
  const total = tables.find((t) => t.id === '预算10')?.rows.find((r) => r.key === '合计')?.cells[
    'total'
  ];
  if (none !== undefined && total != null && !dec(total.v).isZero()) {
    findings.push({
      id: `nt-${findings.length + 1}`,
      severity: 'warning',
      kind: 'narrative',
      message: `情况说明称“${none.text}”，预算10“三公”经费合计却为 ${total.v} 万元`,
      expected: '0',
      printed: total.v,
      lines: [none.line, total.line],
    });
  }
}
