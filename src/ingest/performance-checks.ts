/**
 * Consistency checks over performance self-evaluations and targets. Report, never fix: every
 * finding names the printed figure, what its own table implies, and the lines involved.
 * Comparisons are made at the precision the document printed (a rate printed "78" is compared
 * with the computed rate rounded to whole percent).
 */
import type { Finding } from '../data/schema';
import type { AmountUnit, Fig } from '../data/schema-common';
import { figIn万元 } from '../data/table-cell';
import {
  headlineFunds,
  type FundBlock,
  type FundRow,
  type Grade,
  type Indicator,
  type Performance,
  type ProjectEvaluation,
} from '../data/schema-performance';
import { checkPercent } from '../domain/consistency';
import {
  convertAmount,
  convertPlaces,
  dec,
  percent,
  printedPlaces,
  roundHalfUp,
  sum,
  type Decimal,
} from '../domain/money';

/** Amounts: a difference up to 0.01 per summed row is rounding (尾数误差). */
const TOLERANCE = '0.01';

/** Said after a percentage that its amounts' own rounding can give (checkPercent 'rounding'). */
const ROUNDING_NOTE = '（差异在金额尾数误差范围内，属提示）';

/** `computed` rounded half-up to the printed figure's decimals equals the printed figure. */
function sameAtPrinted(computed: Decimal, printed: string): boolean {
  return roundHalfUp(computed, printedPlaces(printed)).equals(dec(printed));
}

function shown(computed: Decimal, printed: string): string {
  const places = Math.max(2, printedPlaces(printed));
  return roundHalfUp(computed, places).toFixed(places);
}

/**
 * Grade band from a score: 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60. The documents' own pairs agree
 * (39.8 差, 77.37 中, 79.71 中, 87.61 良, 89.83 良, 90.42 优, 98.92 优).
 */
export function gradeFor(score: Decimal): Grade {
  if (score.gte(90)) return '优';
  if (score.gte(80)) return '良';
  if (score.gte(60)) return '中';
  return '差';
}

const BUDGET_EXECUTION_POINTS = 10;

class Collector {
  readonly findings: Finding[] = [];
  private readonly ids = new Set<string>();

  add(f: Omit<Finding, 'id'>, key: string): void {
    let id = `perf-${key}`;
    for (let k = 2; this.ids.has(id); k++) id = `perf-${key}-${k}`;
    this.ids.add(id);
    this.findings.push({ id, ...f });
  }
}

/** A finding's lines: the printed figure's (the first given) first, then the others in order. */
function lines(...figs: (Fig | { line: number } | null | undefined)[]): number[] {
  const all = figs.flatMap((f) => (f ? [f.line] : []));
  const [first, ...rest] = all;
  return first === undefined
    ? []
    : [first, ...new Set(rest.filter((l) => l !== first).sort((a, b) => a - b))];
}

/** 执行率, 结余 and the execution 得分 of one fund row. */
function checkFundRow(c: Collector, row: FundRow, who: string, key: string): void {
  const {
    fullYearBudget: b,
    executed: e,
    balance: r,
    executionRate: rate,
    executionScore: score,
  } = row;
  const label = row.label || '资金';
  if (b && e && rate) {
    const p = percent(e.v, b.v);
    const verdict = checkPercent(e.v, b.v, rate.v).verdict;
    if (p !== null && (verdict === 'rounding' || verdict === 'mismatch')) {
      c.add(
        {
          // Within the amounts' own rounding (尾数误差) it is a hint, not an error.
          severity: verdict === 'rounding' ? 'info' : 'error',
          kind: 'percent',
          message: `${who}“${label}”的执行率印为${rate.v}%，但全年执行数${e.v}÷全年预算数${b.v}=${shown(p, rate.v)}%${verdict === 'rounding' ? ROUNDING_NOTE : ''}`,
          expected: shown(p, rate.v),
          printed: rate.v,
          lines: lines(rate, b, e),
        },
        `rate-${key}-L${rate.line}`,
      );
    }
  }
  if (b && e && r) {
    const expected = dec(b.v).minus(dec(e.v));
    if (expected.minus(dec(r.v)).abs().gt(TOLERANCE)) {
      c.add(
        {
          severity: 'error',
          kind: 'sum',
          message: `${who}“${label}”的资金结余印为${r.v}，但全年预算数${b.v}−全年执行数${e.v}=${expected.toString()}`,
          expected: expected.toString(),
          printed: r.v,
          lines: lines(r, b, e),
        },
        `balance-${key}-L${r.line}`,
      );
    }
  }
  if (rate && score) {
    const capped = dec(rate.v).gt(100) ? dec('100') : dec(rate.v);
    const expected = capped.times(BUDGET_EXECUTION_POINTS).div(100);
    if (!sameAtPrinted(expected, score.v)) {
      c.add(
        {
          severity: 'warning',
          kind: 'percent',
          message: `${who}“${label}”的预算执行得分印为${score.v}，按执行率${rate.v}%×${BUDGET_EXECUTION_POINTS}分应为${shown(expected, score.v)}`,
          expected: shown(expected, score.v),
          printed: score.v,
          lines: lines(score, rate),
        },
        `exec-score-${key}-L${score.line}`,
      );
    }
  }
}

function checkBlock(c: Collector, block: FundBlock, who: string, key: string): void {
  const rows = block.total ? [block.total, ...block.rows] : block.rows;
  rows.forEach((r, i) => checkFundRow(c, r, who, `${key}-${i}`));
}

/** 总分 = Σ indicator 得分 + execution 得分; 自评等级 matches its band; 分值 add up to 100. */
function checkScores(
  c: Collector,
  who: string,
  key: string,
  indicators: readonly Indicator[],
  executionScore: Fig | null,
  total: Fig | null,
  grade: { v: Grade; line: number } | null,
): void {
  if (total && indicators.length > 0) {
    const parts = indicators.flatMap((i) => (i.score ? [i.score.v] : []));
    const expected = sum(executionScore ? [...parts, executionScore.v] : parts);
    if (!sameAtPrinted(expected, total.v)) {
      const exp = shown(expected, total.v);
      c.add(
        {
          severity: 'error',
          kind: 'sum',
          message: `${who}总分印为${total.v}，但各指标得分之和加预算执行得分${executionScore?.v ?? '（无）'}为${exp}${
            grade ? `；按${exp}应评“${gradeFor(expected)}”，表中为“${grade.v}”` : ''
          }`,
          expected: exp,
          printed: total.v,
          lines: lines(total, executionScore, ...indicators.filter((i) => i.score)),
        },
        `total-${key}-L${total.line}`,
      );
    }
    const weights = indicators.flatMap((i) => (i.weight ? [i.weight.v] : []));
    if (weights.length > 0 && executionScore) {
      const full = sum(weights).plus(BUDGET_EXECUTION_POINTS);
      if (!full.equals(100)) {
        c.add(
          {
            severity: 'warning',
            kind: 'sum',
            message: `${who}各指标分值之和${sum(weights).toString()}加预算执行${BUDGET_EXECUTION_POINTS}分为${full.toString()}，满分不是100`,
            expected: '100',
            printed: full.toString(),
            lines: lines(...indicators.filter((i) => i.weight)),
          },
          `weights-${key}-L${total.line}`,
        );
      }
    }
  }
  if (total && grade) {
    const band = gradeFor(dec(total.v));
    if (band !== grade.v) {
      c.add(
        {
          severity: 'error',
          kind: 'sum',
          message: `${who}总分${total.v}应属“${band}”（优≥90，良80–90，中60–80，差<60），表中评为“${grade.v}”`,
          expected: band,
          printed: grade.v,
          lines: lines(grade, total),
        },
        `grade-${key}-L${grade.line}`,
      );
    }
  }
}

/** `value` rounded half-up to `places` decimals; a negative count rounds to tens, hundreds … */
function roundToPlaces(value: Decimal, places: number): Decimal {
  if (places >= 0) return roundHalfUp(value, places);
  const step = dec('10').pow(-places);
  return roundHalfUp(value.div(step), 0).times(step);
}

/**
 * Two printings of one figure agree at the coarser of their precisions, each taken from the
 * digits printed: "88.4" agrees with 88.43, "78.4" does not with "78.00". `placesA` is the first
 * figure's precision (a 万元 figure stated in 元 moves it four places: 19.50 万元 is to 100 元).
 */
function agreeAtCoarser(a: Decimal, placesA: number, printed: string): boolean {
  const places = Math.min(placesA, printedPlaces(printed));
  return roundToPlaces(a, places).equals(roundToPlaces(dec(printed), places));
}

/**
 * The precision of a table amount as printed, in `to`'s unit. Tables print 万元 to 0.01 and drop
 * trailing zeros ("19.5" is 19.50), so a 万元 figure counts at least two places.
 */
function tablePlaces(v: string, from: AmountUnit, to: AmountUnit): number {
  const places = from === '万元' ? Math.max(2, printedPlaces(v)) : printedPlaces(v);
  return convertPlaces(places, from, to);
}

/**
 * What the 实际完成情况 text says of the project's funds against its own 项目资金 table (the
 * 资金总额 row, else its one source row). Each stated figure is compared in the unit and at the
 * coarser of the two precisions: "实际使用经费88.4万元" agrees with 88.43, "250000元" with 25 万元.
 */
function checkStatedFunds(c: Collector, p: ProjectEvaluation, who: string): void {
  const said = p.statedFunds;
  // The 资金总额 row, or the one source row of a table without it; several sources without a
  // total are not the project's funds as a whole.
  const head = p.funds.total ?? (p.funds.rows.length === 1 ? p.funds.rows[0] : null);
  if (!said || !head) return;
  const amounts = [
    ['预算', '全年预算数', said.budget, head.fullYearBudget],
    ['使用', '全年执行数', said.executed, head.executed],
  ] as const;
  for (const [word, column, text, table] of amounts) {
    if (!text || !table) continue;
    const expected = convertAmount(table.v, p.unit, text.unit);
    if (agreeAtCoarser(expected, tablePlaces(table.v, p.unit, text.unit), text.v)) continue;
    c.add(
      {
        severity: 'warning',
        kind: 'narrative',
        message: `${who}的实际完成情况称${word}${text.v}${text.unit}，但资金表的${column}为${table.v}${p.unit}`,
        expected: `${expected.toFixed()}${text.unit}`,
        printed: `${text.v}${text.unit}`,
        lines: lines(text, table),
      },
      `outcome-${word === '预算' ? 'budget' : 'executed'}-${p.id}-L${text.line}`,
    );
  }
  const rate = head.executionRate;
  const full = said.fullyExecuted;
  if (full && rate && dec(rate.v).lt(100)) {
    c.add(
      {
        severity: 'warning',
        kind: 'narrative',
        message: `${who}的自评表称“${full.text}”，但资金表的执行率为${rate.v}%`,
        expected: rate.v,
        printed: full.text,
        lines: lines(full, rate),
      },
      `outcome-full-${p.id}-L${full.line}`,
    );
  }
  if (said.rate && rate && !agreeAtCoarser(dec(rate.v), printedPlaces(rate.v), said.rate.v)) {
    c.add(
      {
        severity: 'warning',
        kind: 'narrative',
        message: `${who}的实际完成情况称执行率${said.rate.v}%，但资金表的执行率为${rate.v}%`,
        expected: rate.v,
        printed: said.rate.v,
        lines: lines(said.rate, rate),
      },
      `outcome-rate-${p.id}-L${said.rate.line}`,
    );
  }
}

function checkProject(c: Collector, p: ProjectEvaluation): void {
  const who = `项目“${p.name}”`;
  checkBlock(c, p.funds, who, p.id);
  checkStatedFunds(c, p, who);
  const head = headlineFunds(p.funds);
  checkScores(c, who, p.id, p.indicators, head?.executionScore ?? null, p.totalScore, p.grade);
  for (const [i, n] of p.formatNotes.entries()) {
    c.add(
      {
        severity: 'warning',
        kind: 'format',
        message: `${who}第${n.line}行“${n.printed}”以逗号作小数点，按${n.value}读取：${n.note}`,
        expected: n.value,
        printed: n.printed,
        lines: [n.line],
      },
      `comma-${p.id}-L${n.line}-${i + 1}`,
    );
  }
}

function checkSummary(c: Collector, p: Performance): void {
  const s = p.projectSummary;
  if (s === null) return;
  const listed = p.projects.filter((x) => x.layout === 'summary-list');
  const budgets = listed.flatMap((x) =>
    x.funds.total?.fullYearBudget ? [x.funds.total.fullYearBudget] : [],
  );
  const paid = listed.flatMap((x) => (x.funds.total?.executed ? [x.funds.total.executed] : []));
  const b = s.statedBudget ?? s.tableBudget;
  const e = s.statedExecuted ?? s.tableExecuted;
  if (b && e && s.statedRate) {
    const rate = percent(e.v, b.v);
    const verdict = checkPercent(e.v, b.v, s.statedRate.v).verdict;
    if (rate !== null && (verdict === 'rounding' || verdict === 'mismatch')) {
      c.add(
        {
          severity: verdict === 'rounding' ? 'info' : 'error',
          kind: 'percent',
          message: `项目支出总体执行进度印为${s.statedRate.v}%，但支出金额${e.v}÷预算金额${b.v}=${shown(rate, s.statedRate.v)}%${verdict === 'rounding' ? ROUNDING_NOTE : ''}`,
          expected: shown(rate, s.statedRate.v),
          printed: s.statedRate.v,
          lines: lines(s.statedRate, b, e),
        },
        `summary-rate-L${s.statedRate.line}`,
      );
    }
  }
  const totals: [string, Fig | null, Fig[]][] = [
    ['预算指标', s.tableBudget, budgets],
    ['支付金额', s.tableExecuted, paid],
  ];
  for (const [what, total, parts] of totals) {
    if (!total || parts.length === 0) continue;
    const got = sum(parts.map((f) => f.v));
    if (got.minus(dec(total.v)).abs().gt(dec(TOLERANCE).times(parts.length))) {
      c.add(
        {
          severity: 'error',
          kind: 'sum',
          message: `项目清单${what}总计印为${total.v}，各项目之和为${got.toFixed(2)}`,
          expected: got.toFixed(2),
          printed: total.v,
          lines: lines(total, ...parts),
        },
        `summary-total-${what}-L${total.line}`,
      );
    }
  }
  const pairs: [string, Fig | null, Fig | null][] = [
    ['预算金额', s.statedBudget, s.tableBudget],
    ['支出金额', s.statedExecuted, s.tableExecuted],
  ];
  for (const [what, said, table] of pairs) {
    if (said && table && !dec(said.v).equals(dec(table.v))) {
      c.add(
        {
          severity: 'error',
          kind: 'sum',
          message: `报告正文${what}为${said.v}万元，项目清单总计为${table.v}万元`,
          expected: table.v,
          printed: said.v,
          lines: lines(said, table),
        },
        `summary-text-${what}-L${said.line}`,
      );
    }
  }
  if (s.statedCount && !dec(s.statedCount.v).equals(listed.length)) {
    c.add(
      {
        severity: 'warning',
        kind: 'sum',
        message: `报告称涉及${s.statedCount.v}个项目，清单列出${listed.length}个`,
        expected: String(listed.length),
        printed: s.statedCount.v,
        lines: [s.statedCount.line],
      },
      `summary-count-L${s.statedCount.line}`,
    );
  }
}

function checkDepartment(c: Collector, p: Performance): void {
  const d = p.department;
  if (d === null) return;
  const who = '部门整体';
  checkBlock(c, d.bySource, `${who}（按资金来源）`, 'dept-source');
  checkBlock(c, d.byDirection, `${who}（按资金方向）`, 'dept-direction');
  const dirTotal = d.byDirection.total;
  if (dirTotal && d.byDirection.rows.length > 0) {
    const keys = ['fullYearBudget', 'executed', 'balance'] as const;
    for (const k of keys) {
      const t = dirTotal[k];
      const parts = d.byDirection.rows.flatMap((r) => (r[k] ? [r[k]] : []));
      if (!t || parts.length === 0) continue;
      const got = sum(parts.map((f) => f.v));
      if (got.minus(dec(t.v)).abs().gt(dec(TOLERANCE).times(parts.length))) {
        c.add(
          {
            severity: 'error',
            kind: 'sum',
            message: `${who}按资金方向的合计${t.v}与基本支出、项目支出之和${got.toString()}不符`,
            expected: got.toString(),
            printed: t.v,
            lines: lines(t, ...parts),
          },
          `dept-direction-sum-${k}-L${t.line}`,
        );
      }
    }
  }
  const { staffActual: staff, staffOnEstablishment: on, staffOther: other } = d;
  if (staff && on && other) {
    const got = dec(on.v).plus(dec(other.v));
    if (!got.equals(dec(staff.v))) {
      c.add(
        {
          severity: 'warning',
          kind: 'sum',
          message: `${who}人员情况：实际在职人员总数印为${staff.v}人，其中在编人员${on.v}人、其他人员${other.v}人，合计${got.toString()}人`,
          expected: got.toString(),
          printed: staff.v,
          lines: lines(staff, on, other),
        },
        `dept-staff-L${staff.line}`,
      );
    }
  }
  const head = d.bySource.total ?? d.byDirection.total;
  const tableScore = head?.executionScore ?? null;
  if (
    d.statedExecutionScore &&
    tableScore &&
    !dec(d.statedExecutionScore.v).equals(dec(tableScore.v))
  ) {
    c.add(
      {
        severity: 'error',
        kind: 'sum',
        message: `${who}结论中的预算执行得分${d.statedExecutionScore.v}与预算执行表的得分${tableScore.v}不符`,
        expected: tableScore.v,
        printed: d.statedExecutionScore.v,
        lines: lines(d.statedExecutionScore, tableScore),
      },
      `dept-exec-score-L${d.statedExecutionScore.line}`,
    );
  }
  const scored = d.indicators.filter((i) => i.score);
  if (d.statedIndicatorScore && scored.length > 0) {
    const got = sum(scored.map((i) => i.score?.v ?? '0'));
    if (!sameAtPrinted(got, d.statedIndicatorScore.v)) {
      c.add(
        {
          severity: 'error',
          kind: 'sum',
          message: `${who}指标完成情况得分印为${d.statedIndicatorScore.v}，各指标得分之和为${got.toString()}`,
          expected: got.toString(),
          printed: d.statedIndicatorScore.v,
          lines: lines(d.statedIndicatorScore, ...scored),
        },
        `dept-indicator-score-L${d.statedIndicatorScore.line}`,
      );
    }
  }
  checkScores(
    c,
    who,
    'dept',
    d.indicators,
    d.statedExecutionScore ?? tableScore,
    d.totalScore,
    d.grade,
  );
}

function checkTargets(c: Collector, p: Performance): void {
  for (const t of p.targets) {
    const total = t.funds.total;
    if (!total) continue;
    for (const side of ['period', 'annual'] as const) {
      const tv = total[side];
      const parts = t.funds.rows.flatMap((r) => (r[side] ? [r[side]] : []));
      if (!tv || parts.length === 0) continue;
      const got = sum(parts.map((f) => f.v));
      if (got.minus(dec(tv.v)).abs().gt(TOLERANCE)) {
        c.add(
          {
            severity: 'error',
            kind: 'sum',
            message: `绩效目标“${t.name}”${side === 'period' ? '实施期' : '年度'}资金总额印为${tv.v}，各来源之和为${got.toString()}`,
            expected: got.toString(),
            printed: tv.v,
            lines: lines(tv, ...parts),
          },
          `target-funds-${t.id}-${side}-L${tv.line}`,
        );
      }
    }
  }
  const s = p.targetSummary;
  if (s === null) return;
  if (s.count && !dec(s.count.v).equals(p.targets.length)) {
    c.add(
      {
        severity: 'warning',
        kind: 'sum',
        message: `说明称纳入绩效目标管理的项目${s.count.v}个，公开的绩效目标表有${p.targets.length}张`,
        expected: String(p.targets.length),
        printed: s.count.v,
        lines: [s.count.line],
      },
      `target-count-L${s.count.line}`,
    );
  }
  const annual = p.targets.flatMap((t) => (t.funds.total?.annual ? [t.funds.total] : []));
  if (s.amount && annual.length > 0) {
    // The statement prints 万元; each target table its own unit (元 in Shanxi's budgets).
    const wan = sum(
      p.targets.flatMap((t) => {
        const f = t.funds.total?.annual;
        return f ? [figIn万元(t.unit, f).v] : [];
      }),
    );
    if (!sameAtPrinted(wan, s.amount.v)) {
      c.add(
        {
          severity: 'error',
          kind: 'sum',
          message: `说明称项目绩效目标共计${s.amount.v}万元，各目标表年度资金之和为${shown(wan, s.amount.v)}万元`,
          expected: shown(wan, s.amount.v),
          printed: s.amount.v,
          lines: lines(s.amount, ...annual),
        },
        `target-amount-L${s.amount.line}`,
      );
    }
  }
}

/** "20251204161540" → "2025-12-04". */
function printedDate(digits: string): string {
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}

/**
 * A 绩效目标表 is filled in while its year's budget is drawn up, before that year begins. A
 * 填报日期 inside (or after) the year a table sets targets for, in a document whose other tables
 * were filled before it, is most likely a mistyped year: 20261204 among 20251204s.
 */
function checkReportDates(c: Collector, p: Performance): void {
  const dated = p.targets.flatMap((t) =>
    t.reportDate !== null &&
    t.reportDate.length >= 8 &&
    t.reportDateLine !== undefined &&
    t.year !== null
      ? [
          {
            name: t.name,
            id: t.id,
            printed: t.reportDate,
            year: Number(t.reportDate.slice(0, 4)),
            line: t.reportDateLine,
            forYear: t.year,
          },
        ]
      : [],
  );
  const before = dated.filter((d) => d.year < d.forYear);
  if (before.length === 0) return;
  const dates = before.map((d) => printedDate(d.printed)).sort();
  const span = dates[0] === dates.at(-1) ? dates[0] : `${dates[0]}至${dates.at(-1)}`;
  for (const d of dated) {
    if (d.year < d.forYear) continue;
    c.add(
      {
        severity: 'info',
        kind: 'format',
        message: `绩效目标“${d.name}”的填报日期印为${printedDate(d.printed)}，已在它所设目标的${d.forYear}年度之内；本文件其他${before.length}张绩效目标表填于${span}，均在各自目标年度开始之前（可能是年份笔误）`,
        expected: `早于${d.forYear}-01-01`,
        printed: d.printed,
        lines: lines(d, ...before),
      },
      `target-date-${d.id}-L${d.line}`,
    );
  }
}

export function checkPerformance(p: Performance): Finding[] {
  const c = new Collector();
  for (const project of p.projects) checkProject(c, project);
  checkSummary(c, p);
  checkDepartment(c, p);
  checkTargets(c, p);
  checkReportDates(c, p);
  return c.findings;
}
