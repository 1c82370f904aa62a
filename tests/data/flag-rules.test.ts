/**
 * The 疑点 rules on the five shipped documents, with the figures typed from their texts
 * (public/data/sources/), and on edited copies for the tests no shipped document trips.
 */
import { evaluateFlags } from '@/data/flag-rules';
import type { Flag, FlagDocument } from '@/data/flag-rules';
import { parseThreshold, thresholdValues } from '@/data/flag-thresholds';
import type { Bundle } from '@/data/schema';
import { IDS, realBundle, realManifest, withNationalNarrative } from '../features/real-data';

const TODAY = new Date('2026-12-07T12:00:00Z');
const DEFAULTS = thresholdValues({});

function doc(id: string, bundle: Bundle = realBundle(id)): FlagDocument {
  const entry = realManifest().bundles.find((e) => e.id === id);
  if (!entry) throw new Error(id);
  return { entry, bundle };
}

function flagsOf(d: FlagDocument, t = DEFAULTS, others: FlagDocument[] = []): Flag[] {
  return evaluateFlags(d, t, { today: TODAY, others }).flags;
}

/** "item · check · measure" per flag of one rule, in the order the rules give them. */
function summary(flags: readonly Flag[], rule: Flag['rule']): string[] {
  return flags.filter((f) => f.rule === rule).map((f) => `${f.item} · ${f.check} · ${f.measure}`);
}

describe('预算偏离 (±30% of 年初预算)', () => {
  it('picks the 类 and totals the narratives state beyond ±30%', () => {
    // 大同市政务服务中心, lines 480–482: 770.18 → 1,126.92 (146.32%), 711.37 → 1,066.35 (149.90%).
    expect(summary(flagsOf(doc(IDS.center)), 'deviation')).toEqual([
      '一般公共预算财政拨款支出（合计） · 决算/年初预算 · 146.32%（+46.32%）',
      '201 一般公共服务支出 · 决算/年初预算 · 149.90%（+49.90%）',
    ]);
    // 大同市…[部门], line 509: 社会保障和就业支出 166.06 → 216.98 (130.66%); 208 alone.
    expect(summary(flagsOf(doc(IDS.cityDept)), 'deviation')).toEqual([
      '208 社会保障和就业支出 · 决算/年初预算 · 130.66%（+30.66%）',
    ]);
    // The district: 1,605.63 → 1,322.38 is 82.36%, −17.64%: no flag.
    expect(summary(flagsOf(doc(IDS.district)), 'deviation')).toEqual([]);
  });

  it('counts spending without a 年初预算 as high, and far beyond the limit as high', () => {
    const flags = flagsOf(doc(IDS.province)).filter((f) => f.rule === 'deviation');
    expect(flags.map((f) => [f.item, f.severity, f.measure])).toEqual([
      ['一般公共预算财政拨款支出（合计）', 'high', '1838.93%（+1738.93%）'],
      ['201 一般公共服务支出', 'high', '1980.00%（+1880.00%）'],
      // Line 478: 教育支出 年初预算 0, 决算 34.00.
      ['205 教育支出', 'high', '—（年初预算为0）'],
    ]);
    // Each figure carries its line: 年初预算 2,122.88 and 决算 42,033.11 on line 476.
    expect(
      flags[1]?.figures.map((f) => [f.label, f.fig.v, 'line' in f.fig ? f.fig.line : 0]),
    ).toEqual([
      ['年初预算', '2122.88', 476],
      ['决算', '42033.11', 476],
      ['原文完成年初预算', '1980.00', 476],
    ]);
  });

  it('follows the threshold: at ±40% the city 部门 has none, the center still two', () => {
    const t = thresholdValues({ deviation: '40' });
    expect(summary(flagsOf(doc(IDS.cityDept), t), 'deviation')).toEqual([]);
    expect(summary(flagsOf(doc(IDS.center), t), 'deviation')).toHaveLength(2);
  });
});

describe('执行率偏低 (below 80%)', () => {
  it('picks projects by 全年执行数 ÷ 全年预算数', () => {
    // The district's list (lines 1228, 1247, 1249): 2.38 of 20.00, 81.98 of 130.00 twice.
    expect(summary(flagsOf(doc(IDS.district)), 'lowExecution')).toEqual([
      '项目：公章刻制费 · 全年执行数/全年预算数 · 11.90%',
      '项目：政务云服务费用 · 全年执行数/全年预算数 · 63.06%',
      '项目：政务信息系统迁移上云费用 · 全年执行数/全年预算数 · 63.06%',
    ]);
    // The province: 47.973 of 100, 164.901 of 245.84, 502.984 of 670.
    expect(summary(flagsOf(doc(IDS.province)), 'lowExecution')).toEqual([
      '项目：营商环境评估费 · 全年执行数/全年预算数 · 47.97%',
      '项目：政务信息化工作经费 · 全年执行数/全年预算数 · 67.08%',
      '项目：空白证照购置印刷 · 全年执行数/全年预算数 · 75.07%',
    ]);
    const district = flagsOf(doc(IDS.district)).filter((f) => f.rule === 'lowExecution');
    // Under half the threshold (11.90% < 40%) is high.
    expect(district.map((f) => f.severity)).toEqual(['high', 'medium', 'medium']);
  });

  it("picks a national 说明's 项 by its own base (中共上海市普陀区委社会工作部: 全年预算)", () => {
    const bundle = withNationalNarrative(
      IDS.cityDept,
      'putuo-social-work-2024-final.narrative.txt',
      317,
    );
    // "全年预算为 17.68 万元，支出决算为 11.31 万元" (line 352–353), 9.00 → 6.18, 2.29 → 0.49; no rate
    // printed for any of them. 职业年金 5.74 → 4.64 (80.84%) stays above the line.
    const flags = flagsOf(doc(IDS.cityDept, bundle)).filter(
      (f) => f.rule === 'lowExecution' && !f.item.startsWith('项目：'),
    );
    expect(flags.map((f) => `${f.item} · ${f.check} · ${f.measure} · ${f.severity}`)).toEqual([
      '一般公共服务支出（类）社会工作事务（款）事业运行（项） · 决算/全年预算 · 63.97% · medium',
      '社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项） · 决算/全年预算 · 68.67% · medium',
      '卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项） · 决算/全年预算 · 21.40% · high',
    ]);
    expect(flags[0]?.message).toBe('决算只完成全年预算的63.97%，低于80%。');
    expect(flags[0]?.figures.map((f) => [f.label, f.fig.v])).toEqual([
      ['全年预算', '17.68'],
      ['决算', '11.31'],
    ]);
  });

  it('and 项 against 年初预算 with the 类 rules (上海市普陀区规划和自然资源局: none off)', () => {
    const bundle = withNationalNarrative(
      IDS.cityDept,
      'putuo-planning-2024-final.narrative.txt',
      394,
    );
    // Its lowest 项, 城乡社区规划与管理, 2739.56 of 3110.14 = 88.08%: neither below 80% nor 30% off.
    const flags = flagsOf(doc(IDS.cityDept, bundle)).filter(
      (f) => (f.rule === 'lowExecution' || f.rule === 'deviation') && f.item.includes('（项）'),
    );
    expect(flags).toEqual([]);
    // At a 10% threshold it is picked out as a deviation: 88.08% of 年初预算 (−11.92%).
    const tight = flagsOf(doc(IDS.cityDept, bundle), thresholdValues({ deviation: '10' }));
    expect(summary(tight, 'deviation').filter((x) => x.includes('（项）'))).toEqual([
      '城乡社区支出（类）城乡社区规划与管理（款）城乡社区规划与管理（项） · 决算/年初预算 · 88.08%（-11.92%）',
    ]);
  });

  it('does not apply to a budget, and says why', () => {
    const r = evaluateFlags(doc(IDS.cityBudget), DEFAULTS, { today: TODAY, others: [] });
    expect(r.flags).toEqual([]);
    expect(r.gaps.find((g) => g.rule === 'lowExecution')?.text).toBe(
      '预算文件只有计划数，没有执行数。',
    );
  });

  it('measures a year still in progress against the share of the year gone (序时进度)', () => {
    // The center's figures as if its year were 2026, looked at on 2 July 2026 (50.14% gone):
    // only QT其他养人2 (34.23%) is behind; on 7 December (93.42% gone) so is everything below it.
    const base = doc(IDS.center);
    const running: FlagDocument = {
      entry: { ...base.entry, fiscalYear: 2026 },
      bundle: base.bundle,
    };
    const july = evaluateFlags(running, DEFAULTS, {
      today: new Date('2026-07-02T12:00:00Z'),
      others: [],
    });
    expect(summary(july.flags, 'lowExecution')).toEqual([
      '项目：QT其他养人2 · 全年执行数/全年预算数 · 34.23%',
    ]);
    expect(july.flags.find((f) => f.rule === 'lowExecution')?.message).toBe(
      '项目执行率34.23%，低于序时进度50.14%。',
    );
    const december = evaluateFlags(running, DEFAULTS, { today: TODAY, others: [] });
    // …and the 类 (lines 486–488): 卫生健康 10.23 → 9.05, 住房保障 21.65 → 17.38.
    expect(summary(december.flags, 'lowExecution')).toEqual([
      '210 卫生健康支出 · 决算/年初预算 · 88.47%',
      '221 住房保障支出 · 决算/年初预算 · 80.28%',
      '项目：J残疾人就业保障金 · 全年执行数/全年预算数 · 78.26%',
      '项目：QT其他养人2 · 全年执行数/全年预算数 · 34.23%',
      '项目：Z大厅硬件设备升级改造经费 · 全年执行数/全年预算数 · 78.00%',
    ]);
    expect(december.flags.find((f) => f.item === '项目：J残疾人就业保障金')?.message).toBe(
      '项目执行率78.26%，低于序时进度93.42%。',
    );
  });
});

describe('评级与执行', () => {
  it('picks projects graded 优 or 良 whose execution is below 80%', () => {
    // 大同市政务服务中心: J残疾人就业保障金 良 89.83 at 1.894 ÷ 2.42 = 78.26% (line 587);
    // QT其他养人2 优 90.42 at 1.4 ÷ 4.09 = 34.23% (line 684); Z大厅硬件设备升级改造经费 良 89.8 at
    // 19.5 ÷ 25 = 78.00% (line 754).
    const flags = flagsOf(doc(IDS.center)).filter((f) => f.rule === 'gradeExecution');
    expect(flags.map((f) => [f.item, f.check, f.measure, f.severity])).toEqual([
      ['项目：J残疾人就业保障金', '评级与执行率', '良，执行率78.26%', 'medium'],
      ['项目：QT其他养人2', '评级与执行率', '优，执行率34.23%', 'high'],
      ['项目：Z大厅硬件设备升级改造经费', '评级与执行率', '良，执行率78.00%', 'medium'],
    ]);
    expect(flags[1]?.message).toBe('自评为“优”（总分90.42），但执行率只有34.23%，低于80%。');
    // The district's 政务云服务费用 and 政务信息系统迁移上云费用: 良 87.61 at 81.98 ÷ 130.00.
    expect(summary(flagsOf(doc(IDS.district)), 'gradeExecution')).toEqual([
      '项目：政务云服务费用 · 评级与执行率 · 良，执行率63.06%',
      '项目：政务信息系统迁移上云费用 · 评级与执行率 · 良，执行率63.06%',
    ]);
  });

  it('picks a total that is not the sum of its parts (the province, 98.33 for 88.33)', () => {
    // Lines 640–653: indicators 20+10+5+5+10+20+10 = 80, execution 8.33, 总分 98.33 优.
    const flags = flagsOf(doc(IDS.province)).filter(
      (f) => f.rule === 'gradeExecution' && f.check !== '未达标仍满分',
    );
    expect(flags.map((f) => [f.item, f.check, f.severity])).toEqual([
      ['项目：行政运行及业务工作经费', '总分与分项', 'high'],
    ]);
    expect(flags[0]?.message).toBe(
      '总分98.33不等于分项得分之和88.33（指标得分80.00 + 预算执行得分8.33）；按分项之和应为“良”。',
    );
    // It points to the 数据校验 finding about the same total.
    expect(flags[0]?.related.map((f) => f.kind)).toContain('sum');
  });

  // Typed from the 绩效指标 rows: 目标 (调整后指标值), 实际完成值, 分值, 得分.
  it('picks indicators that miss their own target and still score full marks', () => {
    const province = flagsOf(doc(IDS.province)).filter((f) => f.check === '未达标仍满分');
    expect(province.map((f) => [f.item, f.measure, f.severity])).toEqual([
      // Line 585: 报告成果应用率 ≥80%, 实际 ≥30%, 15 of 15.
      ['项目：营商环境评估费', '“报告成果应用率”目标≥80%，实际≥30%，得分15/15', 'medium'],
      // Line 646: 专业性机构评价项目报告 ≤14份, 实际 ≤65份, 20 of 20.
      [
        '项目：行政运行及业务工作经费',
        '“专业性机构评价项目报告”目标≤14份，实际≤65份，得分20/20',
        'medium',
      ],
      // Lines 687–688: two 满意度 targets ≥90%, 实际 ≥70%, 5 of 5 each.
      [
        '项目：省优化营商环境促进市场主体倍增工作专班运行经费',
        '“各市政府、各省直部门对工作专班满意度”目标≥90%，实际≥70%，得分5/5',
        'medium',
      ],
      [
        '项目：省优化营商环境促进市场主体倍增工作专班运行经费',
        '“市场主体满意度”目标≥90%，实际≥70%，得分5/5',
        'medium',
      ],
      // Line 720: 培训(参会)人数 ≥300人, 实际 ≥273人, 10 of 10.
      ['项目：专项培训(会议)经费', '“培训(参会)人数”目标≥300人，实际≥273人，得分10/10', 'medium'],
    ]);
    expect(province[0]?.message).toBe(
      '指标“报告成果应用率”的目标为≥80%，实际完成≥30%，未达到目标，仍得满分15分。',
    );
    expect(
      province[0]?.figures.map((f) => [f.label, f.fig.v, 'line' in f.fig && f.fig.line]),
    ).toEqual([
      ['分值', '15', 585],
      ['得分', '15', 585],
    ]);
    // Lines 686, 688: the department's cost caps ≤1378.56 and ≤1846.73 万元, spent 1519.77 and
    // 2020.55, 5 of 5 each.
    const dept = flagsOf(doc(IDS.cityDept)).filter((f) => f.check === '未达标仍满分');
    expect(dept.map((f) => f.measure)).toEqual([
      '“基本支出成本”目标≤1378.56万元，实际≤1519.77万元，得分5/5',
      '“项目支出成本”目标≤1846.73万元，实际≤2020.55万元，得分5/5',
    ]);
    // Missed targets scored below full marks are not flagged (政务信息化工作经费, lines 615–616:
    // 7 of 10 and 6 of 10).
    expect(province.some((f) => f.item === '项目：政务信息化工作经费')).toBe(false);
  });

  it('picks a grade outside its score band and an execution score the rate does not give', () => {
    const bundle = structuredClone(realBundle(IDS.center));
    const p2 = bundle.performance.projects[1];
    if (!p2?.grade || !p2.funds.total?.executionScore) throw new Error('QK project');
    // QK关于下达市本级清欠企业欠款资金: 总分 100, 13.06 of 13.06 spent, 得分 10.
    p2.grade = { ...p2.grade, v: '良' };
    p2.funds.total.executionScore = { ...p2.funds.total.executionScore, v: '9' };
    const flags = flagsOf(doc(IDS.center, bundle)).filter(
      (f) => f.item === '项目：QK关于下达市本级清欠企业欠款资金',
    );
    expect(flags.map((f) => [f.check, f.measure])).toEqual([
      ['等级与分数段', '良（按分数段应为优）'],
      ['总分与分项', '总分100，分项合计99.00'],
      ['执行率得分', '得分9，按执行率应为10.00'],
    ]);
  });
});

describe('“三公”只减不增', () => {
  it('picks the province: total and two parts up on the year', () => {
    // Lines 504–512: 3.57 (+0.27, 8.18%), 运行维护费 3.20 (+0.09, 2.89%), 接待费 0.38 (+0.18, 90%).
    expect(summary(flagsOf(doc(IDS.province)), 'sangong')).toEqual([
      '“三公”经费合计 · 比上年增长 · +0.27万元（+8.18%）',
      '公务用车运行维护费 · 比上年增长 · +0.09万元（+2.89%）',
      '公务接待费 · 比上年增长 · +0.18万元（+90.00%）',
    ]);
    // The prior year is derived (3.57 − 0.27), marked so.
    const prior = flagsOf(doc(IDS.province)).find((f) => f.rule === 'sangong')?.figures[1];
    expect(prior?.label).toBe('上年');
    expect(prior && 'derived' in prior.fig ? prior.fig.v : null).toBe('3.30');
  });

  it('lets a threshold allow small increases: at 10% only 接待费 (90%) remains', () => {
    expect(
      summary(flagsOf(doc(IDS.province), thresholdValues({ sangongIncrease: '10' })), 'sangong'),
    ).toEqual(['公务接待费 · 比上年增长 · +0.18万元（+90.00%）']);
  });

  it('picks 三公 决算 above its 预算 (公开09)', () => {
    const bundle = structuredClone(realBundle(IDS.cityDept));
    const row = bundle.tables.find((t) => t.id === '公开09')?.rows.find((r) => r.key === 'sangong');
    const cell = row?.cells['actual.total'];
    if (!row || !cell) throw new Error('公开09');
    // 预算数 1.01 as printed (line 421); the 决算数 raised to 1.20 for the test.
    row.cells['actual.total'] = { ...cell, v: '1.20' };
    const flags = flagsOf(doc(IDS.cityDept, bundle)).filter((f) => f.check === '决算超预算');
    expect(flags.map((f) => [f.item, f.measure, f.severity])).toEqual([
      ['“三公”经费合计', '超出0.19万元', 'high'],
    ]);
  });
});

describe('支出结构', () => {
  it('says why no shipped document can be checked for share moves', () => {
    const r = evaluateFlags(doc(IDS.cityDept), DEFAULTS, { today: TODAY, others: [] });
    expect(r.gaps.find((g) => g.rule === 'structure')?.text).toBe(
      '文件没有给出上年的基本支出和项目支出，也没有载入该单位2023年的部门决算，无法比较占比变动。',
    );
  });

  it('compares with the same unit’s document of the year before, when loaded', () => {
    // The city 部门 2024: 基本 1,520.09 / 项目 2,020.32 of 3,540.42 (42.94% / 57.06%, lines
    // 475–479). A 2023 copy with 基本 and 项目 swapped: 57.06% / 42.94%, a move of 14.12 points.
    const now = doc(IDS.cityDept);
    const before = structuredClone(now.bundle);
    const parts = before.narrative.breakdowns.find((b) => b.key === 'expense')?.parts ?? [];
    const [basic, project] = [parts[0], parts[1]];
    if (!basic || !project) throw new Error('expense breakdown');
    [basic.amount, project.amount] = [project.amount, basic.amount];
    const prior: FlagDocument = {
      entry: { ...now.entry, id: 'datong-city-dept-2023-final', fiscalYear: 2023 },
      bundle: before,
    };
    expect(summary(flagsOf(now, DEFAULTS, [prior]), 'structure')).toEqual([
      '基本支出占本年支出 · 占比变动 · 57.06% → 42.94%（-14.12个百分点）',
      '项目支出占本年支出 · 占比变动 · 42.94% → 57.06%（+14.12个百分点）',
    ]);
  });

  it('picks 年末结转和结余 large against 本年支出合计 (公开01)', () => {
    // The province, line 115 and 113: 733.48 against 42,240.10 is 1.74%: over a 1% threshold.
    const t = thresholdValues({ carryOver: '1' });
    expect(summary(flagsOf(doc(IDS.province), t), 'structure')).toEqual([
      '年末结转和结余 · 结转和结余 · 1.74%',
    ]);
    expect(summary(flagsOf(doc(IDS.province)), 'structure')).toEqual([]);
  });
});

describe('parseThreshold', () => {
  it.each([
    ['deviation', '40', '40'],
    ['deviation', '030', '30'],
    ['deviation', '12.50', '12.5'],
    ['deviation', '0', null],
    ['deviation', '1001', null],
    ['deviation', '-5', null],
    ['deviation', '1e2', null],
    ['deviation', '', null],
    ['execution', '100', '100'],
    ['execution', '100.01', null],
    ['sangongIncrease', '0', '0'],
  ] as const)('%s %j → %j', (key, text, expected) => {
    expect(parseThreshold(key, text)).toBe(expected);
  });
});
