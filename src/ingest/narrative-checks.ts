/**
 * Consistency checks over the narrative's own figures: every stated percentage against the one
 * its amounts give, parts against their totals, repeated figures against each other.
 * Reports only; never changes a figure. Percentages are compared at the precision printed
 * ("17.3" against the exact ratio rounded half-up to 1 place), amounts within 0.01 per summed part.
 */
import type { Finding } from '../data/schema';
import type { Fig } from '../data/schema-common';
import { isClassKey, isItemKey, type Breakdown, type Narrative } from '../data/schema-narrative';
import { checkPercent } from '../domain/consistency';
import { dec, printedPlaces, sum, type Decimal } from '../domain/money';
import { readAmount } from './source-doc';

type Severity = Finding['severity'];
type Kind = Finding['kind'];

function fmt(d: Decimal, p: number): string {
  return d.toFixed(p);
}

class Findings {
  readonly list: Finding[] = [];
  private readonly ids = new Map<string, number>();

  add(
    slug: string,
    severity: Severity,
    kind: Kind,
    message: string,
    expected: string,
    printed: string,
    lines: number[],
  ): void {
    // The printed figure's line first (as given), the others after; the id keeps the lowest.
    const ls = [...new Set(lines)];
    const base = `narr-${kind}-${slug}-${ls.length > 0 ? Math.min(...ls) : 0}`;
    const n = (this.ids.get(base) ?? 0) + 1;
    this.ids.set(base, n);
    this.list.push({
      id: n === 1 ? base : `${base}-${n}`,
      severity,
      kind,
      message,
      expected,
      printed,
      lines: ls.length > 0 ? ls : [1],
    });
  }
}

/** Compare a stated percent with part ÷ whole; adds a finding when they disagree. */
function checkPct(
  f: Findings,
  slug: string,
  what: string,
  stated: Fig,
  part: Fig,
  whole: { v: string; lines: number[] },
): void {
  const { verdict, computed } = checkPercent(part.v, whole.v, stated.v);
  const lines = [stated.line, part.line, ...whole.lines];
  if (computed === null) {
    // A rate printed against a base of 0 (完成年初预算的95.89% where 年初预算 is 0) was computed
    // against another base (全年预算): the sentence says something its own figures cannot.
    const stray = !dec(stated.v).isZero();
    f.add(
      slug,
      stray ? 'warning' : 'info',
      'percent',
      stray
        ? `${what}：所述基数为0，百分比无从计算，文中却写${stated.v}%：这个比例不是按所述基数算出的（可能按全年预算等其他基数计算），请核对原文。`
        : `${what}：分母为0，百分比无从计算（应显示为“—”），文中写${stated.v}%。`,
      '—',
      `${stated.v}%`,
      lines,
    );
    return;
  }
  if (verdict === 'rounding' || verdict === 'mismatch') {
    f.add(
      slug,
      // Within the amounts' own rounding (尾数误差) it is a hint.
      verdict === 'rounding' ? 'info' : 'warning',
      'percent',
      `${what}：文中写${stated.v}%，按其金额 ${part.v} ÷ ${whole.v} 计算应为${fmt(computed, printedPlaces(stated.v))}%${verdict === 'rounding' ? '（差异在金额尾数误差范围内，属提示）' : ''}。`,
      `${fmt(computed, printedPlaces(stated.v))}%`,
      `${stated.v}%`,
      lines,
    );
  }
}

/** Parts against a total: error beyond 0.01 per part, info for a rounding-level difference. */
function checkSum(
  f: Findings,
  slug: string,
  what: string,
  total: Fig,
  parts: readonly Fig[],
  strict: boolean,
): void {
  if (parts.length === 0) return;
  const s = sum(parts.map((p) => p.v));
  const diff = s.minus(dec(total.v)).abs();
  if (diff.isZero()) return;
  if (!strict && s.lt(dec(total.v))) return; // a "主要包括" list may leave parts out
  const tol = dec('0.01').times(parts.length);
  const lines = [total.line, ...parts.map((p) => p.line)];
  const p = Math.max(printedPlaces(total.v), ...parts.map((x) => printedPlaces(x.v)));
  if (diff.gt(tol)) {
    f.add(
      slug,
      'warning',
      'narrative',
      `${what}：各分项之和${fmt(s, p)}万元与所述合计${total.v}万元相差${fmt(diff, p)}万元。`,
      fmt(s, p),
      total.v,
      lines,
    );
  } else {
    f.add(
      slug,
      'info',
      'narrative',
      `${what}：各分项之和${fmt(s, p)}万元与所述合计${total.v}万元有${fmt(diff, p)}万元尾数差（在允许范围内）。`,
      fmt(s, p),
      total.v,
      lines,
    );
  }
}

function checkBreakdown(f: Findings, b: Breakdown): void {
  const total = b.total;
  if (total === null || b.parts.length === 0) return;
  if (b.key !== 'generalBudgetOfExpense') {
    checkSum(
      f,
      `sum-${b.key}`,
      b.label,
      total,
      b.parts.map((p) => p.amount),
      b.complete,
    );
  }
  for (const p of b.parts) {
    if (p.pct === null) continue;
    checkPct(f, `share-${b.key}-${p.key}`, `${p.label}占${b.label}的比例`, p.pct, p.amount, {
      v: total.v,
      lines: [total.line],
    });
  }
  const pcts = b.parts.map((p) => p.pct).filter((p): p is Fig => p !== null);
  if (b.complete && pcts.length === b.parts.length && pcts.length > 1) {
    const s = sum(pcts.map((p) => p.v));
    const p = Math.max(...pcts.map((x) => printedPlaces(x.v)));
    // Each share rounds by at most half a unit of its last place.
    const tol = dec('10').pow(-p).times('0.5').times(pcts.length);
    if (s.minus(100).abs().gt(tol)) {
      f.add(
        `sharesum-${b.key}`,
        'warning',
        'percent',
        `${b.label}：各项占比之和为${fmt(s, p)}%，不等于100%。`,
        '100',
        fmt(s, p),
        pcts.map((x) => x.line),
      );
    }
  }
}

const SIGN = { 增加: 1, 减少: -1, 持平: 0 } as const;

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** "（一）、（二）" or "（一）至（五）": the items of a list of `n`. */
function listed(n: number): string {
  const last = `（${CHINESE_NUMERALS[n - 1] ?? n}）`;
  return n === 2 ? `（一）、${last}` : `（一）至${last}`;
}

/** One item of a reason listed as （一）（二）…: what it is about and its signed change. */
export interface ReasonItem {
  subject: string;
  change: Decimal;
}

/**
 * The changes a reason lists as （一）（二）…, each item opening with its own change ("（一）基本支出较
 * 上年度减少87.51万元。…"); null unless there are two or more and every one opens so.
 */
export function reasonItemChanges(text: string): ReasonItem[] | null {
  const items = text.split(/（[一二三四五六七八九十]+）/).slice(1);
  if (items.length < 2) return null;
  const out: ReasonItem[] = [];
  for (const item of items) {
    const first = item.split('。')[0] ?? '';
    const m =
      /(?:(?:较|比)上年度?|与上年相比)[^。；，]*?(增加|减少)\s*(\d[\d,]*(?:\.\d+)?)\s*万元/.exec(
        first,
      );
    const amount = m?.[2] === undefined ? null : readAmount(m[2]);
    if (!m || amount === null) return null;
    const v = dec(amount);
    out.push({ subject: first.slice(0, m.index), change: m[1] === '增加' ? v : v.negated() });
  }
  return out;
}

/**
 * Items that split a total by how it was spent or carried (基本支出, 项目支出, 结转和结余 …): such a
 * list is the whole change. A list of 类 or projects may name only the main ones.
 */
function splitsTheWhole(items: readonly ReasonItem[]): boolean {
  return items.every((i) => /基本支出|项目支出|结转|结余|经营支出|上缴|附属单位/.test(i.subject));
}

/**
 * Check a narrative against itself. Findings are deterministic (ids from kind, subject and line)
 * and in Chinese; see src/data/format-narrative.md for the list of checks.
 */
export function checkNarrative(n: Narrative): Finding[] {
  const f = new Findings();

  // Year-over-year: stated percent against change ÷ derived prior; direction words agree.
  for (const y of n.yoy) {
    if (y.change === null || y.pct === null) continue;
    const what = `${y.label}${y.basis}${y.direction}${y.change.v}万元、${y.pctDirection ?? ''}${y.pct.v}%`;
    if ((y.direction === '增加') !== (y.pctDirection === '增长')) {
      f.add(
        `yoydir-${y.key}`,
        'warning',
        'narrative',
        `${what}：增减方向前后矛盾。`,
        y.direction,
        y.pctDirection ?? '',
        [y.change.line, y.pct.line],
      );
    }
    if (dec(y.prior.v).lte(0)) {
      f.add(
        `yoyprior-${y.key}`,
        dec(y.prior.v).isZero() ? 'info' : 'warning',
        'narrative',
        `${what}：推算上年数为${y.prior.v}万元，增长率无从计算。`,
        '—',
        `${y.pct.v}%`,
        [y.current.line, y.change.line, y.pct.line],
      );
      continue;
    }
    checkPct(
      f,
      `yoy-${y.key}`,
      `${y.label}${y.pctDirection ?? ''}率（上年数${y.prior.v}万元为推算值）`,
      y.pct,
      y.change,
      {
        v: y.prior.v,
        lines: y.prior.derived.lines,
      },
    );
  }

  // A reason listed as （一）（二）… whose items each open with their own change adds up to the
  // change it explains. Statements sharing one reason (收入总计 and 支出总计) are reported once.
  for (const y of n.yoy) {
    if (!y.reason || y.change === null || y.direction === '持平') continue;
    const items = reasonItemChanges(y.reason.text);
    if (items === null) continue;
    const got = sum(items.map((i) => i.change));
    const stated = dec(y.change.v).times(SIGN[y.direction]);
    if (got.minus(stated).abs().lte(dec('0.01').times(items.length))) continue;
    const { line } = y.reason;
    const change = y.change.v;
    const same = n.yoy.filter(
      (z) => z.reason?.line === line && z.change?.v === change && z.direction === y.direction,
    );
    if (same[0] !== y) continue;
    // A split by 基本支出/项目支出/结转结余 must add up; a list of 类 may leave some out: 提示.
    const whole = splitsTheWhole(items);
    f.add(
      `reasonsum-${y.key}`,
      whole ? 'warning' : 'info',
      'narrative',
      `${same.map((z) => z.label).join('、')}较上年${y.direction}${change}万元，所列原因${listed(items.length)}的增减额合计${got.toFixed(2)}万元，相差${got.minus(stated).abs().toFixed(2)}万元${whole ? '' : '（所列若非全部原因，差额可能来自未列部分）'}。`,
      got.toFixed(2),
      change,
      [y.change.line, line],
    );
  }

  // Per-类 changes add up to the change of the general-budget total.
  const totalYoy = n.yoy.find((y) => y.key === 'generalBudgetExpense' && y.change !== null);
  // A 类 stated twice (江苏: under 支出预算总计, again under 财政拨款支出) counts once, as its first
  // statement, the one 同比变化 shows.
  const classYoy = n.yoy.filter(
    (y, i) =>
      isClassKey(y.key) && y.change !== null && n.yoy.findIndex((z) => z.key === y.key) === i,
  );
  // Only when the 类 stated make up the total this year: a 类 printed as one of its 项 (江苏:
  // "人大事务行政运行（项）支出…") leaves its change out of the sum.
  const classesWhole =
    totalYoy !== undefined &&
    sum(classYoy.map((y) => y.current.v))
      .minus(dec(totalYoy.current.v))
      .abs()
      .lte(dec('0.01').times(classYoy.length));
  if (totalYoy?.change != null && classYoy.length > 0 && classesWhole) {
    const signed = (y: (typeof classYoy)[number]) =>
      dec(y.change?.v ?? '0').times(SIGN[y.direction]);
    const s = classYoy.reduce((acc, y) => acc.plus(signed(y)), dec('0'));
    const t = signed(totalYoy);
    if (s.minus(t).abs().gt(dec('0.01').times(classYoy.length))) {
      f.add(
        'yoysum-generalBudgetExpense',
        'warning',
        'narrative',
        `各类级科目较上年增减额合计${s.toFixed(2)}万元，与一般公共预算财政拨款支出较上年增减额${t.toFixed(2)}万元不一致（上年有、本年无的科目不在说明中时也会如此）。`,
        t.toFixed(2),
        s.toFixed(2),
        [totalYoy.change.line, ...classYoy.map((y) => y.change?.line ?? y.current.line)],
      );
    }
  }

  // Execution rates, and 类 budgets/actuals against the total.
  for (const e of n.executions) {
    if (e.rate === null || e.budget === null) continue;
    checkPct(f, `exec-${e.key}`, `${e.label}完成${e.basis}的比例`, e.rate, e.actual, {
      v: e.budget.v,
      lines: [e.budget.line],
    });
  }
  const execTotal = n.executions.find((e) => e.key === 'total');
  const execClasses = n.executions.filter((e) => isClassKey(e.key));
  if (execTotal !== undefined && execClasses.length > 0) {
    const budgets = execClasses.map((e) => e.budget).filter((b): b is Fig => b !== null);
    if (execTotal.budget !== null && budgets.length === execClasses.length) {
      checkSum(
        f,
        'execsum-budget',
        '一般公共预算财政拨款年初预算（各类级科目）',
        execTotal.budget,
        budgets,
        true,
      );
    }
    checkSum(
      f,
      'execsum-actual',
      '一般公共预算财政拨款支出决算（各类级科目）',
      execTotal.actual,
      execClasses.map((e) => e.actual),
      true,
    );
  }

  // The national template's 项 statements list every 项 of the total: they add up to it, against
  // the same budget (年初预算 or 全年预算).
  for (const basis of ['年初预算', '全年预算'] as const) {
    const items = n.executions.filter((e) => e.basis === basis && isItemKey(e.key));
    const total = n.executions.find((e) => e.key === 'total' && e.basis === basis);
    if (total === undefined || items.length === 0) continue;
    const budgets = items.map((e) => e.budget).filter((b): b is Fig => b !== null);
    if (total.budget !== null && budgets.length === items.length) {
      checkSum(
        f,
        'execsum-items-budget',
        `一般公共预算财政拨款${basis}（各项级科目）`,
        total.budget,
        budgets,
        true,
      );
    }
    checkSum(
      f,
      'execsum-items-actual',
      `一般公共预算财政拨款支出决算（各项级科目，${basis}口径）`,
      total.actual,
      items.map((e) => e.actual),
      true,
    );
  }

  // Shares and structures.
  for (const b of n.breakdowns) checkBreakdown(f, b);

  // A figure stated twice must agree.
  const firstTotal = new Map<string, Fig>();
  for (const t of n.totals) {
    const prev = firstTotal.get(t.key);
    if (prev === undefined) firstTotal.set(t.key, t.value);
    else if (!dec(prev.v).eq(dec(t.value.v))) {
      f.add(
        `repeat-${t.key}`,
        'warning',
        'narrative',
        `${t.label}前后两处数字不一致：${prev.v}万元与${t.value.v}万元。`,
        prev.v,
        t.value.v,
        [t.value.line, prev.line],
      );
    }
  }

  // 三公.
  const sg = n.sangong;
  if (sg !== null) {
    const isTop = sangongItemsAddingUp(sg.parts.map((p) => p.key));
    const top = sg.parts.filter((p) => isTop(p.key));
    const amounts = top.map((p) => p.amount).filter((a): a is Fig => a !== null);
    if (sg.actual !== null && amounts.length > 0) {
      checkSum(f, 'sum-sangong', '“三公”经费支出决算', sg.actual, amounts, true);
    } else if (sg.actual === null && sg.budget !== null && allItems(top.map((p) => p.key))) {
      checkSum(f, 'sum-sangong-budget', '“三公”经费预算', sg.budget, amounts, true);
    }
    for (const p of sg.parts) {
      if (
        p.amount !== null &&
        p.detailAmount !== null &&
        !dec(p.amount.v).eq(dec(p.detailAmount.v))
      ) {
        f.add(
          `repeat-${p.key}`,
          'warning',
          'narrative',
          `${p.label}在总体情况与具体情况中不一致：${p.amount.v}万元与${p.detailAmount.v}万元。`,
          p.amount.v,
          p.detailAmount.v,
          [p.detailAmount.line, p.amount.line],
        );
      }
    }
    const reception = sg.parts.find((p) => p.key === 'sangong.reception')?.amount;
    const recParts = ['sangong.reception.domestic', 'sangong.reception.abroad']
      .map((k) => sg.parts.find((p) => p.key === k)?.amount)
      .filter((a): a is Fig => a !== null && a !== undefined);
    if (reception != null && recParts.length === 2) {
      checkSum(
        f,
        'sum-sangong.reception',
        '公务接待费（国内＋国（境）外）',
        reception,
        recParts,
        true,
      );
    }
    const seen = new Map<string, Fig>();
    for (const c of sg.counts) {
      const prev = seen.get(c.key);
      if (prev === undefined) seen.set(c.key, c.value);
      else if (!dec(prev.v).eq(dec(c.value.v))) {
        f.add(
          `repeat-${c.key}`,
          'warning',
          'narrative',
          `${c.label}前后两处不一致：${prev.v}与${c.value.v}。`,
          prev.v,
          c.value.v,
          [c.value.line, prev.line],
        );
      }
    }
    const totalYoy3 = n.yoy.find((y) => y.key === 'sangong' && y.change !== null);
    // The changes stated: 购置 and 运行 count when the two together state none.
    const isTopYoy = sangongItemsAddingUp(n.yoy.map((y) => y.key));
    const partYoy = n.yoy.filter((y) => y.key.startsWith('sangong.') && isTopYoy(y.key));
    if (totalYoy3?.change != null && partYoy.length > 0) {
      const s = partYoy.reduce(
        (acc, y) => acc.plus(dec(y.change?.v ?? '0').times(SIGN[y.direction])),
        dec('0'),
      );
      const t = dec(totalYoy3.change.v).times(SIGN[totalYoy3.direction]);
      if (s.minus(t).abs().gt(dec('0.01').times(partYoy.length))) {
        f.add(
          'yoysum-sangong',
          'warning',
          'narrative',
          `“三公”经费各项较上年增减额合计${s.toFixed(2)}万元，与总额增减${t.toFixed(2)}万元不一致。`,
          t.toFixed(2),
          s.toFixed(2),
          [totalYoy3.change.line, ...partYoy.map((y) => y.current.line)],
        );
      }
    }
  }

  // 政府采购.
  const pr = n.procurement;
  if (pr !== null) {
    const parts = [pr.goods, pr.works, pr.services].filter((x): x is Fig => x !== null);
    if (parts.length === 3)
      checkSum(f, 'sum-procurement', '政府采购（货物＋工程＋服务）', pr.total, parts, true);
    const whole = { v: pr.total.v, lines: [pr.total.line] };
    if (pr.sme?.pct)
      checkPct(
        f,
        'share-procurement-sme',
        '授予中小企业合同金额占政府采购总额的比例',
        pr.sme.pct,
        pr.sme.amount,
        whole,
      );
    if (pr.smallMicro?.pct) {
      checkPct(
        f,
        'share-procurement-smallMicro',
        '授予小微企业合同金额占政府采购总额的比例',
        pr.smallMicro.pct,
        pr.smallMicro.amount,
        whole,
      );
    }
    if (
      pr.sme !== null &&
      pr.smallMicro !== null &&
      dec(pr.smallMicro.amount.v).gt(dec(pr.sme.amount.v))
    ) {
      f.add(
        'procurement-smallMicro',
        'warning',
        'narrative',
        `授予小微企业合同金额${pr.smallMicro.amount.v}万元大于授予中小企业合同金额${pr.sme.amount.v}万元。`,
        `≤${pr.sme.amount.v}`,
        pr.smallMicro.amount.v,
        [pr.smallMicro.amount.line, pr.sme.amount.line],
      );
    }
  }

  // 车辆.
  const as = n.assets;
  if (as !== null && as.vehicles !== null && as.vehiclesByType.length > 0) {
    const s = sum(as.vehiclesByType.map((v) => v.count.v));
    if (!s.eq(dec(as.vehicles.v))) {
      f.add(
        'sum-vehicles',
        'warning',
        'narrative',
        `车辆分类数之和${s.toString()}辆与共有车辆${as.vehicles.v}辆不一致。`,
        as.vehicles.v,
        s.toString(),
        [as.vehicles.line, ...as.vehiclesByType.map((v) => v.count.line)],
      );
    }
  }

  // 绩效.
  const pf = n.performance;
  if (pf !== null) {
    if (pf.selfEvalProjects !== null && pf.grades.length > 0) {
      const s = sum(pf.grades.map((g) => g.count.v));
      if (!s.eq(dec(pf.selfEvalProjects.v))) {
        f.add(
          'sum-grades',
          'warning',
          'narrative',
          `各自评等级项目数之和${s.toString()}个与绩效自评项目数${pf.selfEvalProjects.v}个不一致。`,
          pf.selfEvalProjects.v,
          s.toString(),
          [pf.selfEvalProjects.line, ...pf.grades.map((g) => g.count.line)],
        );
      }
    }
    if (pf.targetAmount !== null && pf.targetsByType.length > 0) {
      checkSum(
        f,
        'sum-targets',
        '纳入绩效目标管理的项目金额',
        pf.targetAmount,
        pf.targetsByType.map((t) => t.amount),
        true,
      );
    }
    const project = n.breakdowns
      .find((b) => b.key === 'expense')
      ?.parts.find((p) => p.key === 'project');
    if (pf.published?.pct != null && project !== undefined) {
      checkPct(
        f,
        'share-published',
        '公开绩效目标的项目金额占项目支出的比例',
        pf.published.pct,
        pf.published.amount,
        {
          v: project.amount.v,
          lines: [project.amount.line],
        },
      );
    }
  }

  // 机关运行经费 is the 公用经费 of 行政/参公 units: a 部门 with other 事业单位 may differ, so info only.
  const pub = firstTotal.get('publicOperating');
  if (n.operatingCosts !== null && pub !== undefined && !dec(pub.v).eq(dec(n.operatingCosts.v))) {
    f.add(
      'opcost-vs-public',
      'info',
      'narrative',
      `机关运行经费${n.operatingCosts.v}万元与财政拨款基本支出中的公用经费${pub.v}万元不同（含非参公事业单位时可能如此）。`,
      pub.v,
      n.operatingCosts.v,
      [n.operatingCosts.line, pub.line],
    );
  }
  // 三公 vehicle fleet (financed by appropriations) against all vehicles held: info only.
  const fleet = sg?.counts.find((c) => c.key === 'sangong.vehicleRunning.fleet');
  if (
    fleet !== undefined &&
    as !== null &&
    as.vehicles !== null &&
    !dec(fleet.value.v).eq(dec(as.vehicles.v))
  ) {
    f.add(
      'fleet-vs-vehicles',
      'info',
      'narrative',
      `财政拨款负担的公务用车保有量${fleet.value.v}辆，与国有资产占用情况中的共有车辆${as.vehicles.v}辆不同。`,
      as.vehicles.v,
      fleet.value.v,
      [fleet.value.line, as.vehicles.line],
    );
  }

  // How figures were printed.
  for (const fi of n.formatIssues) {
    if (fi.kind === 'missingUnit') {
      f.add(
        'unit',
        'warning',
        'format',
        `金额缺少单位“万元”：“${fi.text}”，按万元读取。`,
        '万元',
        fi.text,
        [fi.line],
      );
    } else if (fi.kind === 'missingDirection') {
      f.add(
        'direction',
        'warning',
        'format',
        `增减变动缺少“增加/减少”字样：“${fi.text}”，按“增长/下降”推定方向。`,
        '增加/减少',
        fi.text,
        [fi.line],
      );
    } else {
      f.add(
        'numeral',
        'info',
        'format',
        `数量用汉字书写：“${fi.text}”，已按数字读取。`,
        '阿拉伯数字',
        fi.text,
        [fi.line],
      );
    }
  }

  return f.list;
}

/**
 * Which 三公 items add up to the total: the items (two-part keys), where 公务用车购置及运行维护费
 * stated together stands for its 购置 and 运行维护 parts, which are then not counted again.
 */
function sangongItemsAddingUp(keys: readonly string[]): (key: string) => boolean {
  const together = keys.includes('sangong.vehicle');
  return (key) =>
    key.split('.').length === 2 &&
    !(together && (key === 'sangong.vehiclePurchase' || key === 'sangong.vehicleRunning'));
}

/** Every 三公 item is stated (公务用车 together or as its two parts): a sum over them can be checked. */
function allItems(keys: readonly string[]): boolean {
  const has = (k: string) => keys.includes(`sangong.${k}`);
  return (
    has('abroad') &&
    has('reception') &&
    (has('vehicle') || (has('vehiclePurchase') && has('vehicleRunning')))
  );
}
