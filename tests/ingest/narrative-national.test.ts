// The 情况说明 of three real 部门决算 of 上海市普陀区 (national template wording). Each fixture
// is an excerpt of the text as the app's PDF reader lays it out; it is read at its own line
// numbers in the document (padded with the lines before it), so every expected line below is the
// document's. Expected values were typed from the texts, not copied from the reader's output.
import { readFileSync } from 'node:fs';
import type { Table } from '@/data/schema';
import { narrativeSchema, type Narrative } from '@/data/schema-narrative';
import { checkDisclosure } from '@/ingest/checks/disclosure-checks';
import { checkNarrativeAgainstTables } from '@/ingest/checks/narrative-table-checks';
import { narrativeDoc } from '@/ingest/national/build-national';
import { parseNarrative, type NarrativeParse } from '@/ingest/narrative';
import { checkNarrative } from '@/ingest/narrative-checks';
import { makeSourceDoc } from '@/ingest/source-doc';

/** An excerpt that starts at line `first` of its document. */
function load(file: string, first: number): NarrativeParse & { text: string } {
  const excerpt = readFileSync(new URL(`../fixtures/national/${file}`, import.meta.url), 'utf8');
  const text = '\n'.repeat(first - 1) + excerpt;
  return { ...parseNarrative(narrativeDoc(makeSourceDoc(file, text)), '决算'), text };
}

type Exp = [value: string, line: number] | null;
const fig = (f: { v: string; line: number } | null | undefined): Exp =>
  f == null ? null : [f.v, f.line];

function execs(n: Narrative, key: string) {
  return n.executions
    .filter((e) => e.key === key)
    .map((e) => ({
      basis: e.basis,
      budget: fig(e.budget),
      actual: fig(e.actual),
      rate: fig(e.rate),
    }));
}
function sangongPart(n: Narrative, key: string) {
  const p = n.sangong?.parts.find((x) => x.key === key);
  return [fig(p?.amount), fig(p?.detailAmount)];
}
function counts(n: Narrative) {
  return n.sangong?.counts.map((c) => [c.key, c.value.v, c.value.line]);
}
function perf(n: Narrative) {
  const pf = n.performance;
  return [pf?.targetProjects, pf?.targetAmount, pf?.selfEvalProjects, pf?.selfEvalAmount].map(fig);
}
const narrativeSkips = (r: NarrativeParse) =>
  r.skipped.filter((s) => s.where.startsWith('情况说明')).map((s) => [s.line, s.text] as const);

/** 公开09's one row: in both documents only 合计 and 公务接待费 carry a figure, the rest 0. */
function sangongTable(title: number, line: number, budget: string, actual: string): Table {
  const cells = Object.fromEntries(
    (
      ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleRunning', 'reception'] as const
    ).flatMap((k) => [
      [`budget.${k}`, { v: k === 'total' || k === 'reception' ? budget : '0.00', line }],
      [`actual.${k}`, { v: k === 'total' || k === 'reception' ? actual : '0.00', line }],
    ]),
  );
  return {
    id: '公开09',
    title: '财政拨款“三公”经费支出决算表',
    line: title,
    unit: '万元',
    noData: false,
    columns: Object.keys(cells).map((key) => ({ key, label: key })),
    rows: [{ key: 'sangong', label: '财政拨款“三公”经费', line, cells }],
  } as Table;
}

describe('上海市普陀区规划和自然资源局 2024 部门决算: 情况说明', () => {
  const r = load('putuo-planning-2024-final.narrative.txt', 394);
  const n = r.narrative;

  it('validates against the schema, from the 第三部分 heading', () => {
    expect(narrativeSchema.safeParse(n).success).toBe(true);
    expect(n.startLine).toBe(394);
  });

  it('keeps the total execution and its misprinted rate (9746.50 ÷ 10210.34 = 95.46%)', () => {
    expect(execs(n, 'total')).toEqual([
      {
        basis: '年初预算',
        budget: ['10210.34', 428],
        actual: ['9746.50', 429],
        rate: ['95.45', 429],
      },
    ]);
    const f = checkNarrative(n).find((x) => x.id.startsWith('narr-percent-exec-total'));
    expect([f?.printed, f?.expected]).toEqual(['95.45%', '95.46%']);
  });

  it('reads every 项 statement: 类/款/项 before 主要用于, then 年初预算为…支出决算为…', () => {
    const items = n.executions.filter((e) => e.section === 'generalBudget' && e.key !== 'total');
    expect(items.map((e) => e.key)).toEqual([
      '208.行政事业单位养老支出.行政单位离退休',
      '208.行政事业单位养老支出.事业单位离退休',
      '208.行政事业单位养老支出.机关事业单位基本养老保险缴费支出',
      '208.行政事业单位养老支出.机关事业单位职业年金缴费支出',
      '208.行政事业单位养老支出.机关事业单位退休人员活动费支出',
      '210.行政事业单位医疗.行政单位医疗',
      '210.行政事业单位医疗.事业单位医疗',
      '212.城乡社区管理事务.行政运行',
      '212.城乡社区规划与管理.城乡社区规划与管理',
      '220.自然资源事务.事业运行',
      '220.自然资源事务.其他国土资源事务支出',
      '221.住房保障支出.住房公积金',
      '221.住房保障支出.购房补贴',
    ]);
    expect(items[0]?.label).toBe(
      '社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）',
    );
    expect(execs(n, '208.行政事业单位养老支出.行政单位离退休')).toEqual([
      {
        basis: '年初预算',
        budget: ['54.53', 434],
        actual: ['54.53', 434],
        rate: ['100.00', 435],
      },
    ]);
    // "…支出决算为 0.88 万元。完成年初预算的 100.00%。": the rate after a full stop.
    expect(execs(n, '208.行政事业单位养老支出.机关事业单位退休人员活动费支出')).toEqual([
      {
        basis: '年初预算',
        budget: ['0.88', 453],
        actual: ['0.88', 453],
        rate: ['100.00', 454],
      },
    ]);
    expect(execs(n, '212.城乡社区规划与管理.城乡社区规划与管理')).toEqual([
      {
        basis: '年初预算',
        budget: ['3110.14', 471],
        actual: ['2739.56', 472],
        rate: ['88.08', 472],
      },
    ]);
    expect(execs(n, '221.住房保障支出.购房补贴')).toEqual([
      {
        basis: '年初预算',
        budget: ['171.49', 490],
        actual: ['171.49', 491],
        rate: ['100.00', 491],
      },
    ]);
  });

  it('adds the 项 up to the total: 年初预算 off by a rounding 0.01, 支出决算 exact', () => {
    // 54.53 + 28.11 + 452.40 + 226.25 + 0.88 + 42.73 + 196.40 + 1115.48 + 3110.14 + 4477.33
    // + 45.00 + 289.59 + 171.49 = 10210.33; the actuals add up to 9746.50.
    const fs = checkNarrative(n).filter((x) => x.id.startsWith('narr-narrative-execsum-items'));
    expect(fs.map((x) => [x.severity, x.expected, x.printed])).toEqual([
      ['info', '10210.33', '10210.34'],
    ]);
  });

  it('reads the 三公 total sentence and its items', () => {
    expect(fig(n.sangong?.budget)).toEqual(['2.85', 506]);
    expect(fig(n.sangong?.actual)).toEqual(['0.39', 507]);
    expect(execs(n, 'sangong')).toEqual([
      {
        basis: '年初预算',
        budget: ['2.85', 506],
        actual: ['0.39', 507],
        rate: ['13.68', 507],
      },
    ]);
    // (一) states each item; 具体情况 (1、2、3、) states it again.
    expect(sangongPart(n, 'sangong.abroad')).toEqual([
      ['0.00', 508],
      ['0.00', 524],
    ]);
    expect(sangongPart(n, 'sangong.vehicle')).toEqual([
      ['0.00', 509],
      ['0.00', 526],
    ]);
    expect(sangongPart(n, 'sangong.reception')).toEqual([
      ['0.39', 510],
      ['0.39', 531],
    ]);
    // "公务用车购置支出为 0.00 万元。公务用车运行维护支出 0.00 万元。"
    expect(sangongPart(n, 'sangong.vehiclePurchase')).toEqual([['0.00', 527], null]);
    expect(sangongPart(n, 'sangong.vehicleRunning')).toEqual([['0.00', 528], null]);
    expect(execs(n, 'sangong.reception')).toEqual([
      {
        basis: '全年预算',
        budget: null,
        actual: ['0.39', 510],
        rate: ['13.68', 510],
      },
    ]);
  });

  it('compares the 三公 items with 公开09, 公务用车购置及运行维护费 with its 小计', () => {
    const table = sangongTable(361, 370, '2.85', '0.39');
    expect(checkNarrativeAgainstTables(n, [table], '决算')).toEqual([]);
    const vehicle = table.rows[0]?.cells['actual.vehicle'];
    if (vehicle) vehicle.v = '0.10';
    const fs = checkNarrativeAgainstTables(n, [table], '决算');
    expect(fs.map((f) => [f.printed, f.expected, f.lines])).toEqual([['0.00', '0.10', [509, 370]]]);
  });

  it('reads the 三公 shares of (二) as the structure of the actual', () => {
    const b = n.breakdowns.find((x) => x.key === 'sangong');
    expect(fig(b?.total)).toEqual(['0.39', 507]);
    expect(b?.parts.map((p) => [p.key, fig(p.amount), fig(p.pct)])).toEqual([
      ['sangong.abroad', ['0.00', 521], ['0.00', 521]],
      ['sangong.vehicle', ['0.00', 522], ['0.00', 522]],
      ['sangong.reception', ['0.39', 522], ['100.00', 523]],
    ]);
  });

  it('reads groups, fleet and receptions in the national wording', () => {
    expect(counts(n)).toEqual([
      ['sangong.abroad.groups', '0', 525],
      ['sangong.abroad.persons', '0', 525],
      ['sangong.vehicleRunning.fleet', '0', 530],
      ['sangong.reception.batches', '2', 534],
      ['sangong.reception.persons', '26', 534],
    ]);
  });

  it('does not say the 三公 is missing in total or by item', () => {
    const fs = checkDisclosure(makeSourceDoc('a.txt', r.text), {
      kind: '决算',
      fiscalYear: 2024,
      unitName: '上海市普陀区规划和自然资源局',
      tables: [sangongTable(361, 370, '2.85', '0.39')],
      narrative: n,
    });
    expect(fs.filter((f) => f.id.startsWith('disc-sangong'))).toEqual([]);
  });

  it('reads the 政府采购 amount (以合同签订为准) and its parts, which add up to 0.01 more', () => {
    const pr = n.procurement;
    expect([pr?.basis, fig(pr?.total), fig(pr?.goods), fig(pr?.works), fig(pr?.services)]).toEqual([
      '支出',
      ['2319.21', 565],
      ['122.43', 565],
      ['1387.72', 566],
      ['809.07', 566],
    ]);
    // 122.43 + 1387.72 + 809.07 = 2319.22
    const f = checkNarrative(n).find((x) => x.id.startsWith('narr-narrative-sum-procurement'));
    expect([f?.severity, f?.expected, f?.printed]).toEqual(['info', '2319.22', '2319.21']);
  });

  it('reads the projects with 绩效目标 and those self-evaluated, with their amounts', () => {
    expect(perf(n)).toEqual([
      ['39', 550],
      ['4415.48', 551],
      ['39', 552],
      ['4415.48', 553],
    ]);
  });

  it('leaves unplaced only figures of explanations and a misprinted change', () => {
    expect(narrativeSkips(r).map(([line]) => line)).toEqual([431, 514]);
  });
});

describe('中共上海市普陀区委社会工作部 2024 部门决算: 情况说明', () => {
  const r = load('putuo-social-work-2024-final.narrative.txt', 317);
  const n = r.narrative;

  it('reads the total against both 年初预算 (0) and 全年预算, and flags the rate', () => {
    expect(execs(n, 'total')).toEqual([
      {
        basis: '年初预算',
        budget: ['0', 344],
        actual: ['307.82', 345],
        rate: ['95.89', 345],
      },
      {
        basis: '全年预算',
        budget: ['321.02', 345],
        actual: ['307.82', 345],
        rate: null,
      },
    ]);
    // 307.82 ÷ 321.02 = 95.89%: the rate printed as 完成年初预算的 is against 全年预算.
    const f = checkNarrative(n).find((x) => x.id.startsWith('narr-percent-exec-total'));
    expect([f?.severity, f?.printed]).toEqual(['warning', '95.89%']);
  });

  it('reads 项 statements against 全年预算, with and without a rate', () => {
    const items = n.executions.filter((e) => e.section === 'generalBudget' && e.key !== 'total');
    expect(items).toHaveLength(9);
    expect(items.every((e) => e.basis === '全年预算')).toBe(true);
    expect(execs(n, '201.社会工作事务.行政运行')).toEqual([
      {
        basis: '全年预算',
        budget: ['52.00', 348],
        actual: ['51.32', 349],
        rate: ['98.69', 349],
      },
    ]);
    expect(execs(n, '201.社会工作事务.事业运行')).toEqual([
      {
        basis: '全年预算',
        budget: ['17.68', 352],
        actual: ['11.31', 353],
        rate: null,
      },
    ]);
    expect(execs(n, '208.行政事业单位养老支出.机关事业单位基本养老保险缴费支出')).toEqual([
      {
        basis: '全年预算',
        budget: ['9.00', 361],
        actual: ['6.18', 361],
        rate: null,
      },
    ]);
    expect(execs(n, '221.住房改革支出.住房公积金')).toEqual([
      {
        basis: '全年预算',
        budget: ['18.12', 378],
        actual: ['17.70', 379],
        rate: ['97.68', 379],
      },
    ]);
  });

  it('reads the 绩效 projects where the year is printed apart ("的 2024 年度项目 1 个")', () => {
    expect(perf(n)).toEqual([
      ['1', 405],
      ['175.52', 405],
      ['1', 407],
      ['175.52', 407],
    ]);
  });

  it('adds the 项 up to the 全年预算 and the actual', () => {
    const fs = checkNarrative(n).filter((x) => x.id.startsWith('narr-narrative-execsum-items'));
    expect(fs).toEqual([]);
  });

  it('takes "无“三公”经费财政拨款支出" as a stated absence', () => {
    expect(n.noActivity.map((a) => [a.key, a.line])).toContainEqual(['sangong', 392]);
  });

  it('leaves nothing of the 情况说明 unplaced', () => {
    expect(narrativeSkips(r)).toEqual([]);
  });
});

describe('上海市普陀区财政局 2024 部门决算: 情况说明', () => {
  const r = load('putuo-finance-2024-final.narrative.txt', 388);
  const n = r.narrative;

  it('keeps the misprinted 财政拨款收入支出总计0.3万元', () => {
    expect(n.totals.filter((t) => t.key === 'fiscalExpenseTotal').map((t) => fig(t.value))).toEqual(
      [['0.3', 401]],
    );
  });

  it('reads 项 statements that print no rate', () => {
    const items = n.executions.filter((e) => e.section === 'generalBudget' && e.key !== 'total');
    expect(items).toHaveLength(11);
    expect(execs(n, '201.财政事务.行政运行')).toEqual([
      {
        basis: '年初预算',
        budget: ['1560.05', 420],
        actual: ['1511.89', 420],
        rate: null,
      },
    ]);
    expect(execs(n, '210.行政事业单位医疗.行政单位医疗')).toEqual([
      {
        basis: '年初预算',
        budget: ['62.29', 447],
        actual: ['60.99', 447],
        rate: null,
      },
    ]);
    expect(execs(n, '221.住房改革支出.购房补贴')).toEqual([
      {
        basis: '年初预算',
        budget: ['258.50', 453],
        actual: ['258.50', 453],
        rate: null,
      },
    ]);
  });

  it('reads the 三公 total and items, and the stated absence of 三公 spending', () => {
    expect(execs(n, 'sangong')).toEqual([
      {
        basis: '年初预算',
        budget: ['0.95', 464],
        actual: ['0.00', 464],
        rate: ['0', 465],
      },
    ]);
    expect(sangongPart(n, 'sangong.abroad')[0]).toEqual(['0.00', 465]);
    expect(sangongPart(n, 'sangong.vehicle')[0]).toEqual(['0.00', 466]);
    expect(sangongPart(n, 'sangong.reception')[0]).toEqual(['0.00', 466]);
    expect(n.noActivity.map((a) => [a.key, a.line])).toContainEqual(['sangong', 473]);
  });

  it('no longer says the 三公 printed in 公开09 is not explained', () => {
    const fs = checkDisclosure(makeSourceDoc('a.txt', r.text), {
      kind: '决算',
      fiscalYear: 2024,
      unitName: '上海市普陀区财政局',
      tables: [sangongTable(359, 367, '0.95', '0.00')],
      narrative: n,
    });
    expect(fs.filter((f) => f.id.startsWith('disc-sangong'))).toEqual([]);
  });

  it('takes 公务用车购置及运行维护费 0 as both vehicle items when the text says no more', () => {
    // Without "无“三公”经费(财政拨款)支出" (lines 467, 473), (一) still states the total and items.
    const text = r.text.replace(/无“三\s*公”经费(?:财政拨款)?支出/g, '支出如上');
    const { narrative } = parseNarrative(narrativeDoc(makeSourceDoc('a.txt', text)), '决算');
    const fs = checkDisclosure(makeSourceDoc('a.txt', text), {
      kind: '决算',
      fiscalYear: 2024,
      unitName: '上海市普陀区财政局',
      tables: [sangongTable(359, 367, '0.95', '0.00')],
      narrative,
    });
    expect(narrative.noActivity.filter((a) => a.key === 'sangong')).toEqual([]);
    expect(fs.filter((f) => f.id.startsWith('disc-sangong'))).toEqual([]);
  });

  it('reads the 政府采购 amount and its parts', () => {
    const pr = n.procurement;
    expect([fig(pr?.total), fig(pr?.goods), fig(pr?.works), fig(pr?.services)]).toEqual([
      ['251.25', 492],
      ['4.79', 493],
      ['0', 493],
      ['246.47', 493],
    ]);
  });

  it('reads the 绩效 projects where the text wraps "绩效自评" before "的"', () => {
    expect(perf(n)).toEqual([
      ['4', 481],
      ['598.42', 482],
      ['4', 483],
      ['598.42', 483],
    ]);
  });

  it('leaves unplaced only the 绩效 问题 count', () => {
    expect(narrativeSkips(r).map(([line]) => line)).toEqual([485]);
  });
});

describe('a 项 statement without its subject', () => {
  it('is listed as unplaced, not given the previous item’s subject', () => {
    const text = [
      '第三部分 情况说明',
      '五、一般公共预算财政拨款支出决算情况说明',
      '（三）一般公共预算财政拨款支出决算具体情况',
      '1、住房保障支出（类）住房改革支出（款）住房公积金（项）。主要用于：缴纳住房公积金。',
      '2、主要用于：购房补贴。年初预算为 10.00 万元，支出决算为 9.00 万元，完成年初预算的 90.00%。',
    ].join('\n');
    const r = parseNarrative(makeSourceDoc('a.txt', text), '决算');
    expect(r.narrative.executions).toEqual([]);
    expect(r.skipped.map((s) => [s.line, s.reason])).toEqual([
      [5, '找不到这项预算执行所对应的科目（类/款/项）'],
    ]);
  });
});

it('takes 三公 items stated only as shares of the total for statements of those items', () => {
  const text = [
    '上海市某某局2024年度部门决算',
    '第三部分 上海市某某局2024年度部门决算情况说明',
    '七、财政拨款“三公”经费支出决算情况说明',
    '2024年度“三公”经费财政拨款支出决算为5.00万元，其中：因公出国（境）费1.00万元，占20.00%；公务用车购置及运行维护费2.00万元，占40.00%；公务接待费2.00万元，占40.00%。',
  ].join('\n');
  const { narrative: n } = parseNarrative(makeSourceDoc('a.txt', text), '决算');
  expect(sangongPart(n, 'sangong.abroad')).toEqual([['1.00', 4], null]);
  expect(sangongPart(n, 'sangong.vehicle')).toEqual([['2.00', 4], null]);
  expect(sangongPart(n, 'sangong.reception')).toEqual([['2.00', 4], null]);
  const items = checkDisclosure(makeSourceDoc('a.txt', text), {
    kind: '决算',
    fiscalYear: 2024,
    unitName: '上海市某某局',
    tables: [],
    narrative: n,
  }).filter((f) => f.id === 'disc-sangong-items');
  // The items it states are not missing (this text gives neither a total sentence nor 购置 and
  // 运行维护 apart, which the check still asks for).
  expect(items.map((f) => f.printed)).toEqual(['缺少总额、公务用车购置费、公务用车运行维护费']);
});
