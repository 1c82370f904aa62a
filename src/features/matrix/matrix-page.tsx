/**
 * 对比矩阵 view: the compared documents (rows) × the measures of one group (columns), with a
 * 中位数 row, each figure's rank and distance from the median, and cells coloured by that
 * distance (blue below, orange above: safe for colour-blind readers; the figure is always
 * printed). Sorted by a column, grouped and added to the deck through the address
 * (`#/matrix?group=…&sort=…`). Derivation: ./matrix-data.ts.
 *
 * A table of its own rather than DataTable: the 中位数 row must stay first whatever the sort, and
 * the sort lives in the address (DataTable sorts internally and would sort the median away).
 */
import { useId } from 'react';
import { ADD_SLIDE_EVENT } from '@/components/add-slide-event';
import { ExportMenu } from '@/components/export-menu';
import { FigureValue, printedLink } from '@/components/figure-value';
import { CompareNotes, UnitStatusList, viewGate } from '@/components/view-states';
import { documentLabel, levelLabel } from '@/data/labels';
import type { Bundle } from '@/data/schema';
import type { Decimal } from '@/domain/money';
import type { ExportTable } from '@/lib/export-table';
import { formatAmount, formatPercent, NO_VALUE } from '@/lib/format';
import { useAppStore } from '@/store/app-store';
import { useComparedUnits } from '@/store/use-compared-units';
import { useSourceHref } from '@/store/use-source-href';
import type { DisplayUnit } from '@/store/types';
import {
  DEFAULT_GROUP,
  formatMatrixSort,
  isMatrixGroup,
  MATRIX_GROUPS,
  MATRIX_MEASURES,
  matrixCells,
  measureStandings,
  measuresOf,
  parseMatrixSort,
  rowMarks,
  sortedRowIndexes,
} from './matrix-data';
import type {
  Band,
  MatrixCell,
  MatrixGroupId,
  MatrixMeasure,
  MatrixRow,
  MatrixSort,
  MeasureStandings,
  RowMarks,
  Standing,
} from './matrix-data';
import './matrix.css';

// Per bundle, once: a selection change derives only the document added.
const cellCache = new WeakMap<Bundle, Record<string, MatrixCell>>();
function cellsOf(bundle: Bundle): Record<string, MatrixCell> {
  let cells = cellCache.get(bundle);
  if (cells === undefined) {
    cells = matrixCells(bundle);
    cellCache.set(bundle, cells);
  }
  return cells;
}

const groupLabel = (g: MatrixGroupId) => MATRIX_GROUPS.find((x) => x.id === g)?.label ?? g;
const measureById = (id: string) => MATRIX_MEASURES.find((m) => m.id === id);

/** The matrix's title names its group and sort: a slide shows the matrix its title describes. */
export function matrixTitle(group: MatrixGroupId, sort: MatrixSort | null): string {
  const by = sort === null ? undefined : measureById(sort.measure);
  return `对比矩阵：${groupLabel(group)}${
    by === undefined ? '' : `，按${by.label}${sort?.desc ? '从大到小' : '从小到大'}`
  }`;
}

/** The group and sort a slide's title names (the inverse of matrixTitle), or null. */
function fromTitle(title: string): { group: MatrixGroupId; sort: MatrixSort | null } | null {
  for (const g of MATRIX_GROUPS) {
    if (title === matrixTitle(g.id, null)) return { group: g.id, sort: null };
    for (const m of measuresOf(g.id))
      for (const desc of [true, false]) {
        const sort = { measure: m.id, desc };
        if (title === matrixTitle(g.id, sort)) return { group: g.id, sort };
      }
  }
  return null;
}

/** What the matrix shows: the address's group and sort, or on a slide the ones its title names. */
function useMatrixChoice(): { group: MatrixGroupId; sort: MatrixSort | null } {
  const groupParam = useAppStore((s) => s.matrixGroup);
  const sortParam = useAppStore((s) => s.matrixSort);
  const slideTitle = useAppStore((s) =>
    s.view === 'present' ? (s.deck[s.slide]?.chart ?? null) : null,
  );
  const fromSlide = slideTitle === null ? null : fromTitle(slideTitle);
  if (fromSlide !== null) return fromSlide;
  const group = groupParam !== null && isMatrixGroup(groupParam) ? groupParam : DEFAULT_GROUP;
  const sort = parseMatrixSort(sortParam);
  // A sort by a measure the group does not show would order rows by something unseen.
  const shown = sort !== null && measuresOf(group).some((m) => m.id === sort.measure);
  return { group, sort: shown ? sort : null };
}

const UNIT_SUFFIX: Record<MatrixMeasure['kind'], string> = {
  amount: '',
  percent: '%',
  count: '',
  score: '分',
};

function headerUnit(m: MatrixMeasure, unit: DisplayUnit): string {
  if (m.kind === 'amount') return `（${unit}${m.per ? `/${m.per}` : ''}）`;
  if (m.kind === 'count') return '';
  return `（${UNIT_SUFFIX[m.kind]}）`;
}

/** A median or a distance written like the measure's figures. */
function valueText(m: MatrixMeasure, v: Decimal, unit: DisplayUnit): string {
  if (m.kind === 'amount') return formatAmount(v, unit);
  if (m.kind === 'percent') return formatPercent(v);
  if (m.kind === 'count') return v.isInteger() ? v.toFixed(0) : v.toFixed(2);
  return v.toFixed(2);
}

function distanceText(m: MatrixMeasure, st: Standing, unit: DisplayUnit): string {
  if (st.diff === null) return '';
  if (st.diff.isZero()) return '＝中位数';
  const sign = st.diff.isPositive() ? '+' : '−';
  const abs = st.diff.abs();
  if (m.kind === 'percent') return `${sign}${formatPercent(abs).slice(0, -1)} 个百分点`;
  const text = valueText(m, abs, unit);
  const rel = st.relative === null ? '' : `（${sign}${st.relative.abs().toFixed(2)}%）`;
  return `${sign}${text}${m.kind === 'score' ? ' 分' : ''}${rel}`;
}

const ARROW: Record<Band, string> = {
  low2: '▼▼',
  low1: '▼',
  mid: '≈',
  high1: '▲',
  high2: '▲▲',
};

const BAND_LABEL: Record<Band, string> = {
  low2: '远低于中位数',
  low1: '低于中位数',
  mid: '接近中位数',
  high1: '高于中位数',
  high2: '远高于中位数',
};

const BAND_RULE: Record<Band, string> = {
  low2: '低 50% 以上；占比、比率低 20 个百分点以上',
  low1: '低 10%–50%；占比、比率低 5–20 个百分点',
  mid: '相差不到 10%；占比、比率相差不到 5 个百分点',
  high1: '高 10%–50%；占比、比率高 5–20 个百分点',
  high2: '高 50% 以上；占比、比率高 20 个百分点以上',
};

/** The figure cell's own text (for exports): the value, 无, or —. */
function cellValueText(m: MatrixMeasure, cell: MatrixCell | undefined, unit: DisplayUnit): string {
  if (cell?.fig == null) return NO_VALUE;
  if (cell.none) return '无';
  const text =
    m.kind === 'amount'
      ? formatAmount(cell.fig.v, unit)
      : m.kind === 'percent'
        ? formatPercent(cell.fig.v)
        : cell.fig.v;
  return `${text}${'derived' in cell.fig ? ' ※' : ''}`;
}

export function MatrixPage() {
  const compared = useComparedUnits();
  const displayUnit = useAppStore((s) => s.displayUnit);
  const setGroup = useAppStore((s) => s.setMatrixGroup);
  const setSort = useAppStore((s) => s.setMatrixSort);
  const hrefFor = useSourceHref();
  const { group, sort } = useMatrixChoice();
  const gate = viewGate(compared);
  const titleId = useId();

  const loaded = compared.units.filter((u) => u.bundle !== null);
  const rows: MatrixRow[] = loaded.map((u) => ({
    entry: u.entry,
    cells: u.bundle ? cellsOf(u.bundle) : null,
  }));
  const measures = measuresOf(group);
  // At most 20 documents × 22 measures: cheap enough to derive on every render.
  const standings = measures.map((m) => measureStandings(rows, m));
  const marks = rowMarks(rows.map((r) => r.entry));
  const order = sortedRowIndexes(rows, sort);
  const title = matrixTitle(group, sort);

  const toggleSort = (m: MatrixMeasure) => {
    // First click: largest first (rank 1 on top); again: smallest first; a third: compared order.
    const next: MatrixSort | null =
      sort?.measure !== m.id
        ? { measure: m.id, desc: true }
        : sort.desc
          ? { measure: m.id, desc: false }
          : null;
    setSort(formatMatrixSort(next));
  };

  const exportTable = (): ExportTable => {
    const columns = ['单位', '口径', '年度', '类型'];
    for (const m of measures)
      columns.push(
        `${m.label}${headerUnit(m, displayUnit)}`,
        `${m.label} 排名`,
        `${m.label} 距中位数`,
      );
    const medianRow = ['中位数', '', '', ''];
    measures.forEach((m, j) => {
      const med = standings[j]?.median ?? null;
      medianRow.push(med === null ? NO_VALUE : valueText(m, med, displayUnit), '', '');
    });
    const body = order.map((i) => {
      const r = rows[i] as MatrixRow;
      const out = [r.entry.unit.name, r.entry.unit.scope, String(r.entry.fiscalYear), r.entry.kind];
      measures.forEach((m, j) => {
        const cell = r.cells?.[m.id];
        const st = standings[j]?.byRow[i];
        const count = standings[j]?.count ?? 0;
        out.push(
          cellValueText(m, cell, displayUnit),
          st?.rank == null ? '' : `${st.rank}/${count}`,
          st?.rank == null ? (cell?.why ?? '') : distanceText(m, st, displayUnit),
        );
      });
      return out;
    });
    return {
      title: `${title}（${unitCaption(displayUnit)}）`,
      columns,
      rows: [medianRow, ...body],
    };
  };

  return (
    <section aria-labelledby="matrix-title" className="matrix-view">
      <h2 id="matrix-title">对比矩阵</h2>
      {gate ?? (
        <>
          <CompareNotes selected={compared.selected} units={compared.units} />
          <UnitStatusList units={compared.units} />
          <fieldset className="matrix-groups">
            <legend>指标组</legend>
            {MATRIX_GROUPS.map((g) => (
              <label key={g.id}>
                <input
                  type="radio"
                  name="matrix-group"
                  checked={group === g.id}
                  onChange={() => {
                    setGroup(g.id === DEFAULT_GROUP ? null : g.id);
                    setSort(null);
                  }}
                />{' '}
                {g.label}
              </label>
            ))}
          </fieldset>
          {rows.length === 0 ? null : (
            <figure
              className="chart-frame matrix-frame"
              aria-labelledby={titleId}
              data-chart-title={title}
            >
              <h3 id={titleId} className="chart-title">
                {title}
              </h3>
              <button
                type="button"
                className="add-slide-button"
                onClick={() =>
                  window.dispatchEvent(
                    new CustomEvent(ADD_SLIDE_EVENT, { detail: { chart: title } }),
                  )
                }
                title="把这张矩阵（连同当前选择的单位、指标组和排序）加入演示稿"
              >
                ＋ 加入演示
              </button>
              <ExportMenu name={title} label={title} getTable={exportTable} />
              <div className="matrix-scroll">
                <table className="data-table matrix-table">
                  <caption>
                    {unitCaption(displayUnit)}
                    ；每格：数字（点击查看原文，※ 为看板计算），排名（第几 /
                    共几个有数字的文件，大者为第 1），距中位数。各文件分别列示，不相加。
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">单位（级别 · 口径 · 年度 · 类型）</th>
                      {measures.map((m) => {
                        const active = sort?.measure === m.id;
                        return (
                          <th
                            key={m.id}
                            scope="col"
                            aria-sort={
                              active ? (sort.desc ? 'descending' : 'ascending') : undefined
                            }
                          >
                            <button
                              type="button"
                              className="matrix-sort"
                              onClick={() => toggleSort(m)}
                            >
                              {m.label}
                              {headerUnit(m, displayUnit)}
                              <span aria-hidden="true" className="matrix-sort-mark">
                                {active ? (sort.desc ? ' ▼' : ' ▲') : ' ⇅'}
                              </span>
                            </button>
                          </th>
                        );
                      })}
                    </tr>
                  </thead>
                  <tbody>
                    <tr className="matrix-median">
                      <th scope="row">中位数（所比文件的中间值，不是合计）</th>
                      {measures.map((m, j) => (
                        <MedianCell key={m.id} m={m} st={standings[j]} unit={displayUnit} />
                      ))}
                    </tr>
                    {order.map((i) => {
                      const r = rows[i] as MatrixRow;
                      const doc = documentLabel(r.entry);
                      return (
                        <tr key={r.entry.id}>
                          <UnitHeader row={r} marks={marks[i]} />
                          {measures.map((m, j) => (
                            <ValueCell
                              key={m.id}
                              m={m}
                              cell={r.cells?.[m.id]}
                              st={standings[j]?.byRow[i]}
                              count={standings[j]?.count ?? 0}
                              unit={displayUnit}
                              document={doc}
                              hrefFor={hrefFor(r.entry.id)}
                            />
                          ))}
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <figcaption className="chart-caption">
                年度：
                {[...new Set(rows.map((r) => r.entry.fiscalYear))]
                  .sort((a, b) => a - b)
                  .map((y) => `${y}年`)
                  .join('、')}
                （每行标明年度）；口径：
                {[...new Set(rows.map((r) => r.entry.unit.scope))].join('、')}
                。决算文件是实际数，预算文件是计划数；标 ≠ 的口径、年度或类型与所比多数文件不同。
              </figcaption>
              <BandLegend />
              <ul className="matrix-basis" aria-label="指标来源">
                {measures.map((m) => (
                  <li key={m.id}>
                    <strong>{m.label}</strong>：{m.basis}
                  </li>
                ))}
              </ul>
            </figure>
          )}
        </>
      )}
    </section>
  );
}

function unitCaption(unit: DisplayUnit): string {
  return `金额单位：${unit}`;
}

function BandLegend() {
  return (
    <>
      <dl className="matrix-legend" aria-label="颜色说明">
        {(Object.keys(BAND_LABEL) as Band[]).map((b) => (
          <div key={b}>
            <dt>
              <span className={`matrix-swatch band-${b}`} aria-hidden="true">
                {ARROW[b]}
              </span>{' '}
              {BAND_LABEL[b]}
            </dt>
            <dd>{BAND_RULE[b]}</dd>
          </div>
        ))}
      </dl>
      <p className="matrix-legend-note">
        颜色（蓝低、橙高，色盲可辨）和箭头只表示离中位数的远近，不表示好坏；数字始终印出。
      </p>
    </>
  );
}

function UnitHeader({ row, marks }: { row: MatrixRow; marks: RowMarks | undefined }) {
  const e = row.entry;
  const tag = (text: string, differs: boolean | undefined) =>
    differs ? (
      <mark className="matrix-differs" title="与所比多数文件不同">
        ≠{text}
      </mark>
    ) : (
      <span>{text}</span>
    );
  return (
    <th scope="row" className="matrix-unit">
      <span className="matrix-unit-name">{e.unit.name}</span>
      <span className="matrix-unit-tags">
        {levelLabel(e.unit)} · {tag(e.unit.scope, marks?.scopeDiffers)} ·{' '}
        {tag(`${e.fiscalYear}年`, marks?.yearDiffers)} · {tag(e.kind, marks?.kindDiffers)}
      </span>
      {marks && marks.containedIn.length > 0 ? (
        <span className="matrix-contained">
          已含在{marks.containedIn.join('、')}的数字中，不可相加
        </span>
      ) : null}
    </th>
  );
}

function MedianCell({
  m,
  st,
  unit,
}: {
  m: MatrixMeasure;
  st: MeasureStandings | undefined;
  unit: DisplayUnit;
}) {
  if (!st || st.median === null) return <td className="figure-empty">{NO_VALUE}</td>;
  return (
    <td title={`${st.count} 个有数字的文件的中位数（看板计算）`}>
      <span className="matrix-value">
        {valueText(m, st.median, unit)}
        <sup aria-label="计算值">※</sup>
      </span>
      <span className="matrix-standing">{st.count} 个文件</span>
    </td>
  );
}

function ValueCell({
  m,
  cell,
  st,
  count,
  unit,
  document,
  hrefFor,
}: {
  m: MatrixMeasure;
  cell: MatrixCell | undefined;
  st: Standing | undefined;
  count: number;
  unit: DisplayUnit;
  document: string;
  hrefFor: (line: number, text?: string) => string;
}) {
  if (cell?.fig == null)
    return (
      <td className="matrix-cell matrix-missing">
        <span className="figure-empty">{NO_VALUE}</span>
        <span className="matrix-why">{cell?.why ?? '没有数据'}</span>
      </td>
    );
  const band = st?.band ?? null;
  let value;
  if (cell.none && 'line' in cell.fig) {
    const link = printedLink(cell.fig.line, document, hrefFor);
    value = (
      <a className="source-link" href={link.href} title={`${link.title}：原文说明没有此项支出`}>
        无
      </a>
    );
  } else {
    value = (
      <FigureValue
        fig={cell.fig}
        document={document}
        hrefFor={hrefFor}
        kind={m.kind === 'amount' ? 'amount' : m.kind === 'percent' ? 'percent' : 'count'}
        unit={unit}
      />
    );
  }
  return (
    <td className={`matrix-cell${band ? ` band-${band}` : ''}`}>
      <span className="matrix-value">
        {value}
        {cell.detail ? <span className="matrix-detail">（{cell.detail}）</span> : null}
      </span>
      {st && st.rank !== null ? (
        <span className="matrix-standing">
          第 {st.rank}/{count}
          {' · '}
          <span aria-hidden="true">{band ? ARROW[band] : ''} </span>
          {distanceText(m, st, unit)}
        </span>
      ) : null}
    </td>
  );
}
