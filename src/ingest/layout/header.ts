/**
 * Stacked table headers (2–6 lines) → column headings with positions, and the order-keeping
 * alignment of a row's figures to those columns.
 *
 * A heading printed over several lines ("对附属单位补" / "助支出") is one stack: segments on
 * consecutive lines that overlap horizontally, joined bottom-up until they read as a heading. A segment that spans two or more segments of a lower
 * line is a group heading ("财政拨款“三公”经费", "公务用车购置及运行维护费", "预算数" over six
 * columns); groups are kept apart and attached to the columns below them.
 */
import type { Cell } from './layout-lines';
import { cellCenter, cellsOf } from './layout-lines';

export interface HeaderStack {
  /** Texts top to bottom, joined without spaces. */
  text: string;
  start: number;
  end: number;
  center: number;
  /** For each header line above this stack that has group headings: the nearest group's text. */
  groups: string[];
}

export interface Header {
  stacks: HeaderStack[];
  /** Group headings with their positions. */
  groupSegments: { text: string; center: number }[];
  /** Segments of a line made only of 预算数/决算数 tokens (the pair layout), left to right. */
  phases: { phase: 'budget' | 'actual'; center: number; start: number }[];
}

/**
 * Two headings a single space apart ("公务用车购置 公务用车运行") are two cells; a spaced-out
 * word ("项 目") is one.
 */
function splitHeadings(c: Cell): Cell[] {
  const out: Cell[] = [];
  const re = /(?<=[\u4e00-\u9fff）)]{2}) (?=[\u4e00-\u9fff（(]{2})/g;
  let from = 0;
  for (let m = re.exec(c.text); m !== null; m = re.exec(c.text)) {
    out.push({ text: c.text.slice(from, m.index), start: c.start + from, end: c.start + m.index });
    from = m.index + 1;
  }
  out.push({ text: c.text.slice(from), start: c.start + from, end: c.end });
  return out;
}

const overlaps = (a: Cell, b: Cell) => a.start < b.end && b.start < a.end;
const PHASE = /^(预算|决算)数?$/;

/**
 * `isHeading` tells a complete column heading ("购置费") from a fragment ("公务用车", "（境）费"):
 * two complete headings on different lines are never one stack, even when a narrow rendering
 * makes a group heading overlap only one of the columns it spans.
 */
export function readHeader(
  lines: readonly string[],
  isHeading: (text: string) => boolean = () => false,
): Header {
  const rows = lines.map((l) =>
    cellsOf(l)
      .flatMap(splitHeadings)
      .map((c) => ({ ...c, text: c.text.replace(/\s+/g, '') })),
  );
  const phases: Header['phases'] = [];
  const isGroup = rows.map((row, i) =>
    row.map((seg) =>
      rows.slice(i + 1).some((lower) => lower.filter((s) => overlaps(s, seg)).length >= 2),
    ),
  );
  // The pair layout's bottom line: 预算数 决算数 预算数 … under each item.
  rows.forEach((row, i) => {
    if (row.length >= 2 && row.every((s) => PHASE.test(s.text))) {
      row.forEach((s, k) => {
        if (isGroup[i]?.[k] === true) return;
        phases.push({
          phase: s.text.startsWith('预算') ? 'budget' : 'actual',
          center: cellCenter(s),
          start: s.start,
        });
      });
    }
  });
  const phaseSegs = new Set(phases.map((p) => p.center));
  // Stacks are built bottom-up: a segment joins the one incomplete stack right below it; a stack
  // that already reads as a complete heading takes nothing more from above.
  interface Build {
    members: { row: number; cell: Cell }[];
    start: number;
    end: number;
  }
  const builds: Build[] = [];
  for (let i = rows.length - 1; i >= 0; i--) {
    (rows[i] ?? []).forEach((cell, k) => {
      if (isGroup[i]?.[k] === true) return;
      if (PHASE.test(cell.text) && phaseSegs.has(cellCenter(cell))) return;
      const below = builds.filter(
        (b) =>
          b.start < cell.end &&
          cell.start < b.end &&
          !isHeading(b.members.map((m) => m.cell.text).join('')),
      );
      const target = below.length === 1 ? below[0] : undefined;
      if (target === undefined) {
        builds.push({ members: [{ row: i, cell }], start: cell.start, end: cell.end });
      } else {
        target.members.unshift({ row: i, cell });
        target.start = Math.min(target.start, cell.start);
        target.end = Math.max(target.end, cell.end);
      }
    });
  }
  const stacks: HeaderStack[] = builds.map(({ members, start, end }) => {
    const center = (start + end) / 2;
    const top = members[0]?.row ?? 0;
    const groups: string[] = [];
    rows.forEach((row, i) => {
      if (i >= top) return;
      let best: Cell | null = null;
      row.forEach((seg, k) => {
        if (isGroup[i]?.[k] !== true) return;
        if (
          best === null ||
          Math.abs(cellCenter(seg) - center) < Math.abs(cellCenter(best) - center)
        ) {
          best = seg;
        }
      });
      if (best !== null) groups.push((best as Cell).text);
    });
    return { text: members.map((m) => m.cell.text).join(''), start, end, center, groups };
  });
  stacks.sort((a, b) => a.center - b.center);
  const joined = joinSpacedWords(stacks);
  const groupSegments = rows.flatMap((row, i) =>
    row
      .filter((_, k) => isGroup[i]?.[k] === true)
      .map((seg) => ({ text: seg.text, center: cellCenter(seg) })),
  );
  return { stacks: joined, groupSegments, phases };
}

/** Headings a table spreads across its column ("合     计", "金    额"): read as one word. */
const SPACED_WORDS = new Set(['合计', '小计', '总计', '金额']);

/** Two neighbouring one-character stacks that spell one of SPACED_WORDS become one stack. */
function joinSpacedWords(stacks: readonly HeaderStack[]): HeaderStack[] {
  const out: HeaderStack[] = [];
  for (const s of stacks) {
    const prev = out[out.length - 1];
    if (prev !== undefined && SPACED_WORDS.has(prev.text + s.text) && s.text.length === 1) {
      const start = Math.min(prev.start, s.start);
      const end = Math.max(prev.end, s.end);
      out[out.length - 1] = {
        ...prev,
        text: prev.text + s.text,
        start,
        end,
        center: (start + end) / 2,
      };
    } else out.push(s);
  }
  return out;
}

/**
 * Assign figures to columns, both left to right, keeping order and minimising the distance
 * between centres; blank cells leave columns out. Figures are right-aligned while headings are
 * centred, so a row with blanks is also tried with the headings shifted by up to 45% of a column
 * gap, and the best fit wins (ties: the smaller shift). Returns, for each figure, its column
 * index, or null when there are more figures than columns.
 */
export function alignInOrder(
  values: readonly number[],
  columns: readonly number[],
): (number | null)[] | null {
  const n = values.length;
  const m = columns.length;
  if (n > m) return null;
  if (n === m) return values.map((_, i) => i);
  const gaps = columns
    .slice(1)
    .map((c, i) => c - (columns[i] ?? 0))
    .sort((a, b) => a - b);
  const maxShift = 0.45 * (gaps[Math.floor(gaps.length / 2)] ?? 0);
  let best: { cost: number; shift: number; slots: number[] } | null = null;
  for (let k = 0; k * 0.5 <= maxShift; k++) {
    for (const shift of k === 0 ? [0] : [k * 0.5, -k * 0.5]) {
      const fit = alignShifted(values, columns, shift);
      if (best === null || fit.cost < best.cost - 1e-9) best = { ...fit, shift };
    }
  }
  return best?.slots ?? null;
}

function alignShifted(
  values: readonly number[],
  columns: readonly number[],
  shift: number,
): { cost: number; slots: number[] } {
  const n = values.length;
  const m = columns.length;
  // cost[i][j]: best cost placing the first i figures into the first j columns.
  const INF = Number.POSITIVE_INFINITY;
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(INF));
  const take: boolean[][] = Array.from({ length: n + 1 }, () =>
    new Array<boolean>(m + 1).fill(false),
  );
  for (let j = 0; j <= m; j++) (cost[0] as number[])[j] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = i; j <= m; j++) {
      const skip = cost[i]?.[j - 1] ?? INF;
      const d = Math.abs((values[i - 1] ?? 0) - (columns[j - 1] ?? 0) - shift);
      const use = (cost[i - 1]?.[j - 1] ?? INF) + d;
      (cost[i] as number[])[j] = Math.min(skip, use);
      (take[i] as boolean[])[j] = use <= skip;
    }
  }
  const slots = new Array<number>(n).fill(0);
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    if (take[i]?.[j] === true) {
      slots[i - 1] = j - 1;
      i--;
    }
    j--;
  }
  return { cost: cost[n]?.[m] ?? INF, slots };
}
