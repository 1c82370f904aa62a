/**
 * Performance self-evaluations and targets read from the five disclosure texts. Every expected
 * figure and line number below was typed in from the source text (public/data/sources/*.txt),
 * not copied from parser output.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeSourceDoc } from '@/ingest/source-doc';
import { fullyExecutedIn, parsePerformance, statedFundsIn } from '@/ingest/performance';
import { checkPerformance } from '@/ingest/performance-checks';
import {
  performanceSchema,
  type Performance,
  type ProjectEvaluation,
} from '@/data/schema-performance';

const SOURCES = new URL('../../public/data/sources/', import.meta.url);

function parse(id: string) {
  const text = readFileSync(new URL(`${id}.txt`, SOURCES), 'utf8');
  return parsePerformance(makeSourceDoc(`${id}.txt`, text));
}

function project(p: Performance, name: string): ProjectEvaluation {
  const found = p.projects.find((x) => x.name === name);
  if (found === undefined) throw new Error(`no project ${name}`);
  return found;
}

const province = parse('shanxi-province-bureau-2024-final');
const cityDept = parse('datong-city-dept-2024-final');
const center = parse('datong-service-center-2024-final');
const district = parse('shuocheng-district-dept-2023-final');
const budget = parse('datong-city-bureau-2026-budget');

describe('every document', () => {
  it.each([
    ['province', province],
    ['city dept', cityDept],
    ['service center', center],
    ['district', district],
    ['2026 budget', budget],
  ])('%s validates against the schema and skips nothing', (_name, r) => {
    expect(performanceSchema.safeParse(r.performance).success).toBe(true);
    expect(r.skipped).toEqual([]);
  });
});

describe('province 2024 (6 项目支出绩效自评表, 万元)', () => {
  const p = province.performance;

  it('finds the six projects with their title lines', () => {
    expect(p.projects.map((x) => [x.name, x.line])).toEqual([
      ['营商环境评估费', 567],
      ['政务信息化工作经费', 602],
      ['行政运行及业务工作经费', 634],
      ['省优化营商环境促进市场主体倍增工作专班运行经费', 667],
      ['专项培训(会议)经费', 706],
      ['空白证照购置印刷', 744],
    ]);
    expect(
      p.projects.every((x) => x.unit === '万元' && x.year === 2024 && x.layout === 'full-table'),
    ).toBe(true);
    expect(p.department).toBeNull();
    expect(p.targets).toEqual([]);
  });

  it.each([
    // name, total score, line, grade
    ['营商环境评估费', '39.8', 588, '差'],
    ['政务信息化工作经费', '79.71', 620, '中'],
    ['行政运行及业务工作经费', '98.33', 653, '优'],
    ['省优化营商环境促进市场主体倍增工作专班运行经费', '93.04', 689, '优'],
    ['专项培训(会议)经费', '94.43', 727, '优'],
    ['空白证照购置印刷', '79.51', 761, '中'],
  ])('%s: 总分 %s (line %i), %s', (name, total, line, grade) => {
    const x = project(p, name);
    expect(x.totalScore).toEqual({ v: total, line });
    expect(x.grade).toEqual({ v: grade, line });
  });

  it('reads the fund rows of 营商环境评估费, total and 省级 kept apart', () => {
    const x = project(p, '营商环境评估费');
    expect(x.department).toBe('229-山西省行政审批服务管理局');
    expect(x.budgetUnit).toBe('229001-山西省行政审批服务管理局');
    expect(x.funds.total).toMatchObject({
      label: '资金总额',
      line: 574,
      declared: { v: '0', line: 574 },
      budgeted: { v: '100', line: 574 },
      fullYearBudget: { v: '100', line: 574 },
      executed: { v: '47.973', line: 574 },
      balance: { v: '52.027', line: 574 },
      executionRate: { v: '47.97', line: 574 },
      executionScore: { v: '4.8', line: 574 },
    });
    expect(x.funds.rows).toHaveLength(1);
    expect(x.funds.rows[0]).toMatchObject({
      label: '省级财政资金',
      line: 575,
      executionScore: { v: '4.80', line: 575 },
    });
    expect(x.funds.rows[0]?.deviationReason).toMatch(/^参照国家发改委做法/);
  });

  it('reads the other budgets as printed', () => {
    const t = (name: string) => project(p, name).funds.total;
    expect(t('政务信息化工作经费')).toMatchObject({
      line: 609,
      budgeted: { v: '250' },
      fullYearBudget: { v: '245.84' },
      executed: { v: '164.901' },
      balance: { v: '80.939' },
      executionRate: { v: '67.08' },
      executionScore: { v: '6.71' },
    });
    expect(t('省优化营商环境促进市场主体倍增工作专班运行经费')).toMatchObject({
      line: 676,
      declared: { v: '150' },
      budgeted: { v: '150' },
      fullYearBudget: { v: '110' },
      executed: { v: '88.43' },
      executionRate: { v: '80.39' },
    });
    expect(t('专项培训(会议)经费')).toMatchObject({
      line: 714,
      fullYearBudget: { v: '125.6' },
      executed: { v: '118.399' },
    });
    expect(t('空白证照购置印刷')).toMatchObject({
      line: 750,
      budgeted: { v: '433' },
      fullYearBudget: { v: '670' },
      executed: { v: '502.984' },
      balance: { v: '167.016' },
      executionRate: { v: '75.07' },
      executionScore: { v: '7.51' },
    });
  });

  it('reads indicator rows whose columns shift', () => {
    const x = project(p, '营商环境评估费');
    expect(x.indicators).toHaveLength(9);
    expect(x.indicators[0]).toMatchObject({
      line: 579,
      level1: '产出指标',
      level2: '数量指标',
      name: '评价地级以上数量',
      initialTarget: '=0个',
      target: '=11个',
      actual: '=0个',
      weight: { v: '20', line: 579 },
      score: null,
    });
    expect(x.indicators.find((i) => i.line === 582)).toMatchObject({
      level2: '时效指标',
      name: '项目完成时间',
      target: '2024年12月底',
      actual: '未完成预期指标且效果较差',
      weight: { v: '10' },
      score: { v: '5' },
    });
    expect(x.indicators.find((i) => i.line === 587)).toMatchObject({
      level1: '满意度指标',
      level2: '服务对象满意度',
      name: '被评价城市满意度',
      target: '≥75%',
      weight: { v: '5' },
      score: { v: '0' },
    });
    const y = project(p, '空白证照购置印刷');
    // "20→→7": 分值 and 得分 with an empty cell between them.
    expect(y.indicators[0]).toMatchObject({
      line: 755,
      name: '空白证照印制种类',
      weight: { v: '20' },
      score: { v: '7' },
    });
    expect(y.indicators.find((i) => i.line === 759)).toMatchObject({
      level1: '效益指标',
      level2: '经济效益',
      name: '节约印制费用',
      target: '≥1万元',
      actual: '≥3万元',
      weight: { v: '30' },
      score: { v: '30' },
    });
    // A row with only its 三级 name in the first column keeps the levels of the row above.
    expect(project(p, '专项培训(会议)经费').indicators.find((i) => i.line === 725)).toMatchObject({
      level1: '效益指标',
      level2: '社会效益',
      name: '业务能力提升度',
      weight: { v: '15' },
      score: { v: '15' },
    });
  });

  it('counts indicators per project', () => {
    expect(p.projects.map((x) => x.indicators.length)).toEqual([9, 6, 7, 8, 8, 6]);
  });

  it('records "138,231" and "27,769" as comma decimals, never silently', () => {
    const x = project(p, '行政运行及业务工作经费');
    expect(x.funds.total).toBeNull();
    expect(x.funds.rows[0]).toMatchObject({
      label: '省级财政资金',
      line: 642,
      budgeted: { v: '126' },
      fullYearBudget: { v: '166' },
      executed: { v: '138.231', line: 642 },
      balance: { v: '27.769', line: 642 },
      executionRate: { v: '83.27' },
      executionScore: { v: '8.33' },
    });
    expect(
      province.corrections.map(({ line, printed, value }) => ({ line, printed, value })),
    ).toEqual([
      { line: 642, printed: '138,231', value: '138.231' },
      { line: 642, printed: '27,769', value: '27.769' },
    ]);
    expect(x.formatNotes.map((n) => n.printed)).toEqual(['138,231', '27,769']);
  });

  it('finds the 总分 of 行政运行及业务工作经费 inconsistent (88.33 by its own rows, printed 98.33 优)', () => {
    const f = checkPerformance(province.performance);
    const total = f.find((x) => x.id === 'perf-total-p3-L653');
    expect(total).toMatchObject({
      severity: 'error',
      kind: 'sum',
      expected: '88.33',
      printed: '98.33',
    });
    expect(total?.message).toContain('良');
    expect(f.find((x) => x.id === 'perf-weights-p3-L653')).toMatchObject({
      printed: '90',
      expected: '100',
    });
    const comma = f.filter((x) => x.kind === 'format');
    expect(comma.map((x) => [x.printed, x.expected, x.lines])).toEqual([
      ['138,231', '138.231', [642]],
      ['27,769', '27.769', [642]],
    ]);
    // The other five projects add up.
    expect(f.filter((x) => x.kind === 'sum' || x.kind === 'percent').map((x) => x.id)).toEqual([
      'perf-total-p3-L653',
      'perf-weights-p3-L653',
    ]);
  });

  it("reads what a project's 实际完成情况 says of its own funds, as printed", () => {
    // Line 679: "专班2024年预算1.10万元,实际使用经费88.4万元,…预算执行率80.39%".
    expect(project(p, '省优化营商环境促进市场主体倍增工作专班运行经费').statedFunds).toEqual({
      budget: { v: '1.10', line: 679, unit: '万元' },
      executed: { v: '88.4', line: 679, unit: '万元' },
      rate: { v: '80.39', line: 679 },
    });
    // Line 644: "…全年执行数138.23万元,执行率83.27%"; its "年初预算“行政运行及业务工作经费”30万元"
    // is one of the sums merged, not the project's budget.
    expect(project(p, '行政运行及业务工作经费').statedFunds).toEqual({
      budget: null,
      executed: { v: '138.23', line: 644, unit: '万元' },
      rate: { v: '83.27', line: 644 },
    });
    // "…尾款9.732万元; … 共计38.241万元": two payments, not a stated total.
    expect(project(p, '营商环境评估费').statedFunds).toBeUndefined();
  });

  it('flags 专班\'s "预算1.10万元" against its table\'s 全年预算数 110; 88.4万元 and 80.39% agree', () => {
    const f = checkPerformance(p).filter((x) => x.kind === 'narrative');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      severity: 'warning',
      printed: '1.10万元',
      expected: '110万元',
      // The text's line (where "1.10万元" stands) first, then the table's.
      lines: [679, 676],
    });
    expect(f[0]?.message).toContain('全年预算数为110万元');
  });
});

describe('city 部门 2024 (部门整体支出绩效自评, 元)', () => {
  const d = cityDept.performance.department;

  it('has no project tables', () => {
    expect(cityDept.performance.projects).toEqual([]);
  });

  it('reads the department-wide execution in 元', () => {
    expect(d).not.toBeNull();
    expect(d?.name).toBe('大同市行政审批服务管理局[部门]');
    expect(d?.line).toBe(600);
    expect(d?.unit).toBe('元');
    expect(d?.bySource.total).toMatchObject({
      label: '合计',
      line: 668,
      declared: { v: '30181059.5' },
      budgeted: { v: '30181059.5' },
      fullYearBudget: { v: '39700557.84' },
      executed: { v: '35403227.04' },
      balance: { v: '4297330.8' },
      executionRate: { v: '89.18' },
      executionScore: { v: '8.92', line: 668 },
    });
    expect(d?.bySource.rows.map((r) => [r.label, r.line, r.executionScore])).toEqual([
      ['一般公共预算资金', 669, null],
    ]);
    expect(d?.byDirection.total?.line).toBe(672);
    expect(
      d?.byDirection.rows.map((r) => [
        r.label,
        r.fullYearBudget?.v,
        r.executed?.v,
        r.balance?.v,
        r.executionRate?.v,
      ]),
    ).toEqual([
      ['基本支出', '16046717.28', '15197710.9', '849006.38', '94.71'],
      ['项目支出', '23653840.56', '20205516.14', '3448324.42', '85.42'],
    ]);
  });

  it('reads 19 indicator rows, including the unscored 经济效益/生态效益 rows', () => {
    expect(d?.indicators).toHaveLength(19);
    expect(d?.indicators[0]).toMatchObject({
      line: 679,
      level1: '产出指标',
      level2: '数量指标',
      name: '下乡扶贫天数',
      target: '≥240天',
      actual: '≥240天',
      weight: { v: '5' },
      score: { v: '5' },
    });
    expect(d?.indicators.find((i) => i.line === 686)).toMatchObject({
      level2: '成本指标',
      name: '基本支出成本',
      target: '≤1378.56万元',
      actual: '≤1519.77万元',
    });
    expect(d?.indicators.find((i) => i.line === 690)).toMatchObject({
      level1: '效益指标',
      level2: '经济效益指标',
      name: null,
      weight: null,
      score: { v: '0', line: 690 },
    });
    expect(d?.indicators.find((i) => i.line === 696)).toMatchObject({
      level2: '可持续影响指标',
      name: '应急响应机制有效性',
      weight: { v: '10' },
      score: { v: '10' },
    });
    expect(d?.indicators.find((i) => i.line === 699)).toMatchObject({
      name: '社会公众满意度',
      target: '>90%',
      actual: '>95%',
    });
  });

  it('reads the conclusion: 8.92 + 90 = 98.92, 优', () => {
    expect(d?.statedExecutionScore).toEqual({ v: '8.92', line: 706 });
    expect(d?.statedIndicatorScore).toEqual({ v: '90', line: 706 });
    expect(d?.totalScore).toEqual({ v: '98.92', line: 706 });
    expect(d?.grade).toEqual({ v: '优', line: 706 });
    // The scores add up; its one finding is the staffing below.
    expect(checkPerformance(cityDept.performance).map((f) => f.id)).toEqual([
      'perf-dept-staff-L634',
    ]);
  });

  it('reads its 人员情况: 核定人员编制数 102, 实际在职人员总数 109 (line 634)', () => {
    expect(d?.staffQuota).toEqual({ v: '102', line: 634 });
    expect(d?.staffActual).toEqual({ v: '109', line: 634 });
    // Line 636: "其中:在编人员数(人): 92 其他人员数(人): 0".
    expect(d?.staffOnEstablishment).toEqual({ v: '92', line: 636 });
    expect(d?.staffOther).toEqual({ v: '0', line: 636 });
  });

  it('flags 实际在职人员总数 109 whose 其中 (在编 92, 其他 0) add up to 92', () => {
    const f = checkPerformance(cityDept.performance).find((x) => x.id === 'perf-dept-staff-L634');
    expect(f).toMatchObject({
      severity: 'warning',
      kind: 'sum',
      printed: '109',
      expected: '92',
      lines: [634, 636],
    });
  });
});

describe('service center 2024 (项目支出绩效自评表, 万元)', () => {
  const p = center.performance;

  it('finds 11 projects, including the one whose title is cut off ("绩效自 (2024年度)")', () => {
    expect(p.projects).toHaveLength(11);
    expect(p.projects.map((x) => x.line)).toEqual([
      579, 612, 643, 676, 709, 746, 779, 812, 845, 882, 915,
    ]);
    expect(project(p, 'QK关于下达市本级清欠企业欠款资金')).toMatchObject({ line: 612, year: 2024 });
    expect(p.projects.reduce((n, x) => n + x.indicators.length, 0)).toBe(71);
  });

  it.each([
    ['J残疾人就业保障金', '2.42', '1.894', '78.28', '7.83', '89.83', 598, '良'],
    ['QK关于下达市本级清欠企业欠款资金', '13.06', '13.06', '100', '10', '100', 629, '优'],
    ['QT其他养人2', '4.09', '1.4', '34.24', '3.42', '90.42', 695, '优'],
    ['Z大厅硬件设备升级改造经费', '25', '19.5', '78', '7.8', '89.8', 765, '良'],
    ['Z网络信息安全运维', '50', '49.4', '98.8', '9.88', '98.88', 868, '优'],
    ['Z物业费', '71.75', '71.126', '99.13', '9.91', '98.91', 901, '优'],
  ])(
    '%s: 全年预算 %s, 执行 %s, 执行率 %s, 得分 %s, 总分 %s (line %i) %s',
    (name, b, e, rate, s, total, line, grade) => {
      const x = project(p, name);
      expect(x.funds.total).toMatchObject({
        fullYearBudget: { v: b },
        executed: { v: e },
        executionRate: { v: rate },
        executionScore: { v: s },
      });
      expect(x.totalScore).toEqual({ v: total, line });
      expect(x.grade?.v).toBe(grade);
      expect(x.budgetUnit).toBe('032002-大同市政务服务中心');
    },
  );

  it('keeps the 市县区财政资金 row apart from 资金总额', () => {
    const x = project(p, 'Z网络系统、软件平台维护费');
    expect(x.funds.total).toMatchObject({
      label: '资金总额',
      line: 820,
      executed: { v: '102.02' },
      balance: { v: '0.48' },
    });
    expect(x.funds.rows[0]).toMatchObject({
      label: '市县区财政资金',
      line: 821,
      executionRate: { v: '99.53' },
    });
  });

  it('reads indicator rows', () => {
    expect(project(p, 'J残疾人就业保障金').indicators.find((i) => i.line === 595)).toMatchObject({
      level1: '产出指标',
      level2: '成本指标',
      name: '缴纳金额',
      initialTarget: '≤5元',
      target: '≤24200元',
      actual: '≤18944.4元',
      weight: { v: '10' },
      score: { v: '7' },
      deviationReason: '人员变更',
    });
    expect(project(p, 'Z物业费').indicators.find((i) => i.line === 898)).toMatchObject({
      name: '管理成本',
      target: '≤717500元',
      actual: '711262.96',
      weight: { v: '10' },
      score: { v: '9' },
    });
    expect(
      project(p, 'Z网络升级及设备改造维护费用').indicators.find((i) => i.line === 796),
    ).toMatchObject({
      level1: '效益指标',
      level2: '社会效益',
      weight: { v: '30' },
      score: { v: '28' },
    });
  });

  it('compares "全年预算资金250000元,全年使用资金为195000元,全年支出进度78%" in 元 with its 万元 table', () => {
    const x = project(p, 'Z大厅硬件设备升级改造经费');
    expect(x.statedFunds).toEqual({
      budget: { v: '250000', line: 757, unit: '元' },
      executed: { v: '195000', line: 757, unit: '元' },
      rate: { v: '78', line: 757 },
    });
    // 25 万元 and 19.5 万元 (line 754) are 250000 元 and 195000 元: no finding about it.
    expect(
      checkPerformance(p).filter((f) => f.kind === 'narrative' && f.lines.includes(757)),
    ).toEqual([]);
  });

  // 2.42 stands for 2.415…2.425 and 1.4 for 1.395…1.405 (万元 to 0.01): the printed rates lie
  // within what the amounts' rounding allows (78.10–78.43%, 34.07–34.39%), so they are hints.
  // Line 599, in J残疾人就业保障金's 项目绩效分析: "项目预算执行情况, 全额执行。"; its table (line
  // 587) prints 1.894 of 2.42 spent, 执行率 78.28.
  it('flags J残疾人就业保障金 said to be spent in full (line 599) at 78.28% (line 587)', () => {
    expect(project(p, 'J残疾人就业保障金').statedFunds).toEqual({
      budget: null,
      executed: null,
      rate: null,
      fullyExecuted: { text: '预算执行情况, 全额执行', line: 599 },
    });
    const f = checkPerformance(p).filter((x) => x.kind === 'narrative');
    expect(f.map((x) => [x.severity, x.printed, x.expected, x.lines])).toEqual([
      ['warning', '预算执行情况, 全额执行', '78.28', [599, 587]],
    ]);
    // "全年目标实际完成情况, 全额完成" (line 590) speaks of the goal, not the money.
    expect(f[0]?.message).toBe(
      '项目“J残疾人就业保障金”的自评表称“预算执行情况, 全额执行”，但资金表的执行率为78.28%',
    );
  });

  it('flags 78.28% (1.894 ÷ 2.42 = 78.26%) and 34.24% (1.4 ÷ 4.09 = 34.23%) as 提示', () => {
    const f = checkPerformance(p).filter((x) => x.kind !== 'narrative');
    expect(f.map((x) => [x.id, x.severity, x.expected, x.printed])).toEqual([
      ['perf-rate-p1-0-L587', 'info', '78.26', '78.28'],
      ['perf-rate-p1-1-L588', 'info', '78.26', '78.28'],
      ['perf-rate-p4-0-L684', 'info', '34.23', '34.24'],
      ['perf-rate-p4-1-L685', 'info', '34.23', '34.24'],
    ]);
    for (const x of f) expect(x.message).toContain('尾数误差范围内');
  });
});

describe('district 2023 (two short lists joined per project)', () => {
  const p = district.performance;

  it('joins 12 projects from the budget/payment and score/grade lists', () => {
    expect(p.projects).toHaveLength(12);
    expect(
      p.projects.every((x) => x.layout === 'summary-list' && x.year === 2023 && x.unit === '万元'),
    ).toBe(true);
    const rows = p.projects.map((x) => [
      x.name,
      x.line,
      x.funds.total?.fullYearBudget?.v,
      x.funds.total?.executed?.v,
      x.totalScore?.v,
      x.totalScore?.line,
      x.grade?.v,
    ]);
    expect(rows[0]).toEqual([
      '数字政府服务中心房租',
      1224,
      '120.00',
      '120.00',
      '94.00',
      1281,
      '优',
    ]);
    expect(rows[2]).toEqual(['公章刻制费', 1228, '20.00', '2.38', '77.37', 1285, '中']);
    expect(rows[5]).toEqual([
      '乡镇一体化在线服务平台服务费',
      1234,
      '56.00',
      '51.30',
      '93.26',
      1290,
      '优',
    ]);
    // The wrapped row: name over three lines, numbers on the fourth.
    expect(rows[8]).toEqual([
      '乡镇和区级自助服务大厅、自助服务终端功能开发及设备费',
      1240,
      '270.00',
      '250.80',
      '93.59',
      1300,
      '优',
    ]);
    expect(p.projects[8]?.funds.total?.executed).toEqual({ v: '250.80', line: 1244 });
    expect(rows[9]).toEqual([
      '政务数据共享平台数据归集治理费',
      1245,
      '30.00',
      '28.62',
      '94.04',
      1302,
      '优',
    ]);
    expect(rows[11]).toEqual([
      '政务信息系统迁移上云费用',
      1249,
      '130.00',
      '81.98',
      '87.61',
      1306,
      '良',
    ]);
  });

  it('reads the summary figures', () => {
    expect(p.projectSummary).toEqual({
      line: 1216,
      statedBudget: { v: '791.96', line: 1216 },
      statedExecuted: { v: '652.22', line: 1216 },
      statedRate: { v: '82.26', line: 1218 },
      tableBudget: { v: '791.96', line: 1222 },
      tableExecuted: { v: '652.22', line: 1222 },
      statedCount: { v: '12', line: 1267 },
    });
  });

  it('catches 82.26% where 652.22 ÷ 791.96 = 82.36%, and nothing else', () => {
    const f = checkPerformance(p);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      id: 'perf-summary-rate-L1218',
      severity: 'error',
      kind: 'percent',
      expected: '82.36',
      printed: '82.26',
      // 82.26% is printed on line 1218, the amounts on 1216: the printed figure's line first.
      lines: [1218, 1216],
    });
  });
});

describe('2026 budget (6 项目支出绩效目标表, 元)', () => {
  const p = budget.performance;

  it('reads six targets and no scores', () => {
    expect(p.projects).toEqual([]);
    expect(p.department).toBeNull();
    expect(p.targets.map((t) => [t.name, t.line, t.funds.total?.annual?.v])).toEqual([
      ['J一枚印章管审批改革工作经费', 461, '1147200'],
      ['J残疾人就业保障金', 493, '112800'],
      ['2综合窗口服务费', 525, '2164500'],
      ['Z政务服务能力提升经费', 557, '500000'],
      ['Z评审经费', 589, '354000'],
      ['Z持续优化营商环境经费', 621, '1628800'],
    ]);
    expect(p.targets.every((t) => t.year === 2026 && t.unit === '元')).toBe(true);
    expect(p.targets.map((t) => t.indicators.length)).toEqual([7, 6, 8, 8, 8, 8]);
    expect(p.targetSummary).toEqual({
      line: 457,
      count: { v: '6', line: 457 },
      amount: { v: '590.73', line: 457 },
    });
  });

  it('reports the one 填报日期 inside the year its targets are for, and only that one', () => {
    // 填报日期 on lines 491, 523, 555, 587, 619, 651: 20251204161540, 20261204160646,
    // 20251204152615, 20251204162442, 20251126171410, 20251204153957.
    expect(p.targets.map((t) => [t.reportDate, t.reportDateLine])).toEqual([
      ['20251204161540', 491],
      ['20261204160646', 523],
      ['20251204152615', 555],
      ['20251204162442', 587],
      ['20251126171410', 619],
      ['20251204153957', 651],
    ]);
    expect(checkPerformance(p)).toEqual([
      {
        id: 'perf-target-date-t2-L523',
        severity: 'info',
        kind: 'format',
        message:
          '绩效目标“J残疾人就业保障金”的填报日期印为2026-12-04，已在它所设目标的2026年度之内；本文件其他5张绩效目标表填于2025-11-26至2025-12-04，均在各自目标年度开始之前（可能是年份笔误）',
        expected: '早于2026-01-01',
        printed: '20261204160646',
        lines: [523, 491, 555, 587, 619, 651],
      },
    ]);
  });

  it('reads the header and fund rows of J一枚印章管审批改革工作经费', () => {
    const t = p.targets[0];
    expect(t).toMatchObject({
      department: '032-大同市行政审批服务管理局[部门]',
      implementingUnit: '大同市行政审批服务管理局',
      attribute: '经常性项目（长期开展）',
      period: '99年',
      reportDate: '20251204161540',
    });
    expect(t?.funds.total).toEqual({
      label: '资金总额',
      line: 468,
      period: { v: '1147200', line: 468 },
      annual: { v: '1147200', line: 468 },
    });
    expect(
      t?.funds.rows.map((r) => [r.label, r.line, r.period?.v ?? null, r.annual?.v ?? null]),
    ).toEqual([
      ['中央财政资金', 469, '0', '0'],
      ['省级财政资金', 470, '0', '0'],
      ['市县（区）财政资金', 471, '1147200', '1147200'],
      ['单位自筹', 472, '0', '0'],
      ['其他资金', 473, null, null],
    ]);
  });

  it('reads target indicators, both halves', () => {
    expect(p.targets[0]?.indicators[0]).toEqual({
      line: 482,
      level1: '产出指标',
      level2: '数量指标',
      name: '在编工作人员数量',
      periodValue: '63人',
      annualValue: '63人',
    });
    expect(p.targets[0]?.indicators.find((i) => i.line === 485)).toMatchObject({
      level2: '成本指标',
      name: '预算数',
      annualValue: '114.72万元',
    });
    expect(p.targets[0]?.indicators.find((i) => i.line === 490)).toMatchObject({
      level1: '满意度指标',
      level2: '服务对象满意度',
      name: '服务对象满意度',
      annualValue: '≥95%',
    });
    expect(p.targets[1]?.indicators.find((i) => i.line === 517)).toMatchObject({
      name: '预算控制数',
      annualValue: '≤11.28万元',
    });
    expect(p.targets[2]?.indicators.find((i) => i.line === 549)).toMatchObject({
      level1: '产出指标',
      name: '项目预算数',
      annualValue: '≤216.45万元',
    });
    // The 年度 half prints no value here; the 实施期 half does.
    expect(p.targets[3]?.indicators.find((i) => i.line === 581)).toMatchObject({
      level2: '成本指标',
      name: '项目预算数',
      periodValue: '≤50万元',
      annualValue: null,
    });
    expect(p.targets[4]?.indicators.find((i) => i.line === 610)).toMatchObject({
      name: '全年所需专家人次',
      annualValue: '≤700人次',
    });
    expect(p.targets[5]?.indicators.find((i) => i.line === 645)).toMatchObject({
      name: '项目预算数',
      annualValue: '≤162.88万元',
    });
  });
});

describe('another unit in the same standard format', () => {
  const text = [
    '某县教育局示范项目支出绩效自评表',
    '(2025年度)',
    '',
    '项目名称\t\t校舍维修\t\t\t',
    '主管部门及代码\t\t301-某县教育局\t\t预算单位\t301001-某县第一中学\t',
    '项目资金预算安排及执行进度(万元)\t\t年初预算数\t\t全年预算数\t全年执行数\t资金结(转)余\t执行率\t得分\t偏差原因',
    '\t\t目标申报数\t预算编制数\t\t\t\t\t\t',
    '\t资金总额:\t50\t50\t60\t54\t6\t90.00\t9.00\t',
    '县级财政资金\t\t50\t50\t60\t54\t6\t90.00\t9.00\t追加预算',
    '项目年度绩效目标\t年度目标\t\t\t实际完成情况',
    '\t完成3所学校校舍维修\t\t\t已完成',
    '绩效指标\t一级指标\t二级指标\t三级指标\t年初指标值\t调整后指标值\t实际完成值\t定性情况说明\t分值\t得分\t偏差原因分析及改进措施',
    '\t产出指标\t数量指标\t维修学校数\t=3所\t=3所\t=3所\t\t40\t40\t',
    '\t效益指标\t社会效益\t安全隐患消除\t\t消除\t达成预期指标\t\t40\t38\t',
    '\t满意度指标\t服务对象满意度\t师生满意度\t≥%\t≥90%\t≥85%\t\t10\t8\t未达标',
    '总分\t\t\t\t\t\t\t\t95\t优',
  ].join('\n');

  it('parses with no code change', () => {
    const r = parsePerformance(makeSourceDoc('demo.txt', text));
    expect(r.skipped).toEqual([]);
    const [x] = r.performance.projects;
    expect(x).toMatchObject({
      name: '校舍维修',
      line: 1,
      year: 2025,
      unit: '万元',
      department: '301-某县教育局',
      budgetUnit: '301001-某县第一中学',
      annualGoal: '完成3所学校校舍维修',
      goalOutcome: '已完成',
      totalScore: { v: '95', line: 16 },
      grade: { v: '优', line: 16 },
    });
    expect(x?.funds.total).toMatchObject({
      fullYearBudget: { v: '60', line: 8 },
      executionRate: { v: '90.00' },
    });
    expect(x?.funds.rows[0]).toMatchObject({ label: '县级财政资金', deviationReason: '追加预算' });
    expect(x?.indicators.map((i) => [i.name, i.weight?.v, i.score?.v])).toEqual([
      ['维修学校数', '40', '40'],
      ['安全隐患消除', '40', '38'],
      ['师生满意度', '10', '8'],
    ]);
    // 40 + 38 + 8 + 9 = 95: consistent.
    expect(checkPerformance(r.performance)).toEqual([]);
  });

  it('turns an unreadable table under a standard title into skipped entries, not a crash', () => {
    const broken = '某单位X项目支出绩效自评表\n\n这里没有表格 12.5\n';
    const r = parsePerformance(makeSourceDoc('broken.txt', broken));
    expect(r.performance.projects).toEqual([]);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]).toMatchObject({ line: 1, where: '项目支出绩效自评表' });
  });

  it('puts a fund row it cannot place into skipped with a Chinese reason', () => {
    const lines = text.split('\n');
    lines[8] = '县级财政资金\t\t50\t60\t追加预算';
    const r = parsePerformance(makeSourceDoc('short.txt', lines.join('\n')));
    expect(r.skipped.map((s) => [s.line, s.text])).toEqual([
      [9, '50'],
      [9, '60'],
    ]);
    expect(r.skipped[0]?.reason).toMatch(/资金行只有2个数字/);
  });
});

describe('checks on crafted inputs', () => {
  function crafted(over: Partial<ProjectEvaluation> = {}): Performance {
    const f = (v: string, line = 5) => ({ v, line });
    const row = {
      label: '资金总额',
      line: 5,
      declared: null,
      budgeted: f('100'),
      fullYearBudget: f('200'),
      executed: f('150'),
      balance: f('50'),
      executionRate: f('75.00'),
      executionScore: f('7.50'),
      deviationReason: null,
    };
    const ind = (line: number, weight: string, score: string | null) => ({
      line,
      level1: '产出指标',
      level2: '数量指标',
      name: `指标${line}`,
      initialTarget: null,
      target: null,
      actual: null,
      qualitative: null,
      weight: f(weight, line),
      score: score === null ? null : f(score, line),
      deviationReason: null,
    });
    return {
      projects: [
        {
          id: 'p1',
          name: '测试项目',
          line: 1,
          title: '测试项目项目支出绩效自评表',
          year: 2025,
          layout: 'full-table',
          unit: '万元',
          department: null,
          budgetUnit: null,
          funds: { total: row, rows: [] },
          annualGoal: null,
          goalOutcome: null,
          indicators: [ind(10, '50', '50'), ind(11, '40', '30'), ind(12, '0', null)],
          totalScore: f('87.50', 20),
          grade: { v: '良', line: 20 },
          formatNotes: [],
          ...over,
        },
      ],
      projectSummary: null,
      department: null,
      targets: [],
      targetSummary: null,
    };
  }

  it('is silent on a consistent evaluation (empty 得分 counts as 0)', () => {
    expect(checkPerformance(crafted())).toEqual([]);
  });

  // The crafted table: 全年预算数 200, 全年执行数 150 (万元, to 0.01 with trailing zeros dropped),
  // 执行率 75.00.
  it('compares what the text says of the funds at the precision each printed', () => {
    const ids = (statedFunds: ProjectEvaluation['statedFunds']) =>
      checkPerformance(crafted({ statedFunds })).map((x) => x.id);
    const at = (v: string, unit: '万元' | '元' = '万元') => ({ v, line: 7, unit });
    // 1500012 元 is 150.0012 万元: at the table's 0.01 万元 (100 元) it is 150.00.
    expect(ids({ budget: null, executed: at('1500012', '元'), rate: null })).toEqual([]);
    expect(ids({ budget: at('2000000', '元'), executed: at('150.0'), rate: null })).toEqual([]);
    // 150.04 万元 is not the table's 150(.00), nor 75.4% its 75.00%.
    expect(ids({ budget: null, executed: at('150.04'), rate: { v: '75.4', line: 7 } })).toEqual([
      'perf-outcome-executed-p1-L7',
      'perf-outcome-rate-p1-L7',
    ]);
    // A rate printed to fewer places is compared at its own: 75% is 75.00%.
    expect(ids({ budget: null, executed: null, rate: { v: '75', line: 7 } })).toEqual([]);
  });

  it('does not take one of several fund sources for the project’s funds', () => {
    const total = crafted().projects[0]?.funds.total;
    if (!total) throw new Error('no total');
    const stated = {
      budget: { v: '120', line: 7, unit: '万元' as const },
      executed: null,
      rate: null,
    };
    const two = crafted({
      funds: {
        total: null,
        rows: [
          { ...total, label: '省级财政资金' },
          { ...total, label: '其他资金' },
        ],
      },
      statedFunds: stated,
    });
    expect(checkPerformance(two).filter((x) => x.kind === 'narrative')).toEqual([]);
    const one = crafted({ funds: { total: null, rows: [total] }, statedFunds: stated });
    expect(checkPerformance(one).map((x) => x.id)).toContain('perf-outcome-budget-p1-L7');
  });

  it('reads the budget and the amount used, not 年初预算, a change to it or what was left', () => {
    expect(statedFundsIn('年初预算20万元,调整后预算25万元', 3)?.budget).toEqual({
      v: '25',
      line: 3,
      unit: '万元',
    });
    expect(statedFundsIn('追加预算5万元,全年预算资金25万元', 3)?.budget?.v).toBe('25');
    expect(statedFundsIn('结转未使用资金为55000元,全年使用资金为195000元', 3)?.executed).toEqual({
      v: '195000',
      line: 3,
      unit: '元',
    });
    expect(statedFundsIn('年初预算30万元合并使用', 3)).toBeNull();
  });

  it('reads "全额执行" and not its negations', () => {
    expect(fullyExecutedIn('项目预算执行情况, 全额执行。', 9)).toEqual({
      text: '预算执行情况, 全额执行',
      line: 9,
    });
    expect(fullyExecutedIn('项目预算执行情况：未全额执行', 9)).toBeNull();
    expect(fullyExecutedIn('预算执行率未能全部执行', 9)).toBeNull();
    expect(fullyExecutedIn('全年目标实际完成情况, 全额完成。', 9)).toBeNull();
  });

  it('fires on a wrong rate, balance, execution score, total and grade', () => {
    const base = crafted().projects[0];
    if (base === undefined) throw new Error('no project');
    const total = base.funds.total;
    if (total === null) throw new Error('no total');
    const bad = crafted({
      funds: {
        total: {
          ...total,
          executionRate: { v: '76.00', line: 5 },
          balance: { v: '40', line: 5 },
          executionScore: { v: '9.00', line: 5 },
        },
        rows: [],
      },
      totalScore: { v: '92', line: 20 },
      grade: { v: '中', line: 20 },
    });
    const ids = checkPerformance(bad).map((x) => x.id);
    expect(ids).toEqual([
      'perf-rate-p1-0-L5',
      'perf-balance-p1-0-L5',
      'perf-exec-score-p1-0-L5',
      'perf-total-p1-L20',
      'perf-grade-p1-L20',
    ]);
    const all = checkPerformance(bad);
    expect(all.every((x) => x.id.startsWith('perf-') && x.message.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(all[0]).toMatchObject({ kind: 'percent', expected: '75.00', printed: '76.00' });
    expect(all[1]).toMatchObject({ kind: 'sum', expected: '50', printed: '40' });
    expect(all[2]).toMatchObject({ expected: '7.60', printed: '9.00' });
    expect(all[4]).toMatchObject({ expected: '优', printed: '中' });
  });

  it('reports a comma-decimal note as a format finding', () => {
    const p = crafted({
      formatNotes: [
        {
          line: 5,
          field: '资金总额.executed',
          printed: '1,500',
          value: '1.500',
          note: '逗号用作小数点',
        },
      ],
    });
    expect(checkPerformance(p)).toMatchObject([
      { id: 'perf-comma-p1-L5-1', kind: 'format', printed: '1,500', expected: '1.500', lines: [5] },
    ]);
  });

  it('gives a zero budget no rate rather than a finding', () => {
    const base = crafted().projects[0];
    const total = base?.funds.total;
    if (!total) throw new Error('no total');
    const p = crafted({
      funds: {
        total: {
          ...total,
          fullYearBudget: { v: '0', line: 5 },
          executed: { v: '0', line: 5 },
          balance: { v: '0', line: 5 },
          executionRate: null,
          executionScore: null,
        },
        rows: [],
      },
      indicators: [],
      totalScore: null,
      grade: null,
    });
    expect(checkPerformance(p)).toEqual([]);
  });
});

describe('target tables printed in different units', () => {
  it('adds each target in its own unit: 114.72 万元 + the other five in 元 = 590.73 万元', () => {
    // The first target as a document printing it in 万元 would (line 468: 1,147,200 元).
    const p = budget.performance;
    const [first, ...rest] = p.targets;
    if (first === undefined || first.funds.total === null) throw new Error('no target');
    const mixed: Performance = {
      ...p,
      targets: [
        {
          ...first,
          unit: '万元',
          funds: {
            ...first.funds,
            total: { ...first.funds.total, annual: { v: '114.72', line: 468 } },
          },
        },
        ...rest,
      ],
    };
    expect(checkPerformance(p).filter((f) => f.message.includes('项目绩效目标共计'))).toEqual([]);
    expect(checkPerformance(mixed).filter((f) => f.message.includes('项目绩效目标共计'))).toEqual(
      [],
    );
  });
});
