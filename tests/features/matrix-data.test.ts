/**
 * 对比矩阵 data from the five real documents. Expected figures are typed from the source texts
 * (public/data/sources/*.txt, the published texts), not read back from the bundles.
 */
import { describe, expect, it } from 'vitest';
import {
  bandOf,
  MATRIX_MEASURES,
  matrixCells,
  measureStandings,
  parseMatrixSort,
  rowMarks,
  sortedRowIndexes,
} from '@/features/matrix/matrix-data';
import type { MatrixRow } from '@/features/matrix/matrix-data';
import { dec } from '@/domain/money';
import { IDS, realBundle, realManifest } from './real-data';

const ORDER = [IDS.province, IDS.cityDept, IDS.cityBudget, IDS.center, IDS.district] as const;
const entryOf = (id: string) => {
  const e = realManifest().bundles.find((b) => b.id === id);
  if (!e) throw new Error(id);
  return e;
};
const rows: MatrixRow[] = ORDER.map((id) => ({
  entry: entryOf(id),
  cells: matrixCells(realBundle(id)),
}));
const measure = (id: string) => {
  const m = MATRIX_MEASURES.find((x) => x.id === id);
  if (!m) throw new Error(id);
  return m;
};
const value = (row: number, id: string) => rows[row]?.cells?.[id]?.fig?.v ?? null;
const why = (row: number, id: string) => rows[row]?.cells?.[id]?.why ?? null;

describe('matrixCells: each document’s figures', () => {
  it.each([
    // [measure, province, city 部门, 2026 budget, service center, district]
    // 公开01 / 预算01 本年收入合计 and 本年支出合计.
    ['income', '42684.35', '3540.62', '1564.72', '1126.93', '1322.38'],
    ['expense', '42240.10', '3540.42', '1564.72', '1127.00', '1322.38'],
    // "完成年初预算的1838.93%" (line 474), 109.76% (505), 146.32% (480), 82.36% (district).
    ['executionRate', '1838.93', '109.76', null, '146.32', '82.36'],
    // 公开03 合计: 846.28 ÷ 42240.10, 1520.09 ÷ 3540.42, 973.99 ÷ 1564.72, 204.37 ÷ 1127.00, 607.16 ÷ 1322.38.
    ['basicShare', '2.00', '42.94', '62.25', '18.13', '45.91'],
    ['projectShare', '98.00', '57.06', '37.75', '81.87', '54.09'],
    // 公开06 人员经费合计 ÷ 公开05 基本支出: 711.62 ÷ 845.59, 1387.14 ÷ 1519.77, 预算06 875.35 ÷ 973.99 …
    ['personnelShare', '84.16', '91.27', '89.87', '92.38', '94.26'],
    // 三公 决算数 3.57 (公开09), 1.01; the budget "本单位无“三公”经费预算" (0); centre and district 0.
    ['sangong', '3.57', '1.01', '0', '0', '0'],
    ['sangong.vehicleRunning', '3.20', '1.01', '0', '0', '0'],
    ['sangong.reception', '0.38', '0', '0', '0', '0'],
    // 机关运行经费 133.97 (province), 132.63, 预算 98.64, 15.57, 25.28.
    ['operatingCosts', '133.97', '132.63', '98.64', '15.57', '25.28'],
    ['procurement', '41643.12', '1157.85', '307.25', '640.57', '25.08'],
    ['smeShare', '1.81', '48.74', null, '88.10', '0'],
    // 车辆数合计 3 (公开10 line 405), 2 (446); budget "实有0辆"; centre 1; district 0.
    ['vehicles', '3', '2', '0', '1', '0'],
    // Province 6 projects (优3 中2 差1), centre 11 (优9 良2), district 12 (优9 良2 中1).
    ['excellentShare', '50.00', null, null, '81.82', '75.00'],
    // The service center states "财政拨款事业编制17名" → 1127.00 ÷ 17; the city 部门's 部门整体自评
    // "核定人员编制数： 102" (line 634): 3540.42 ÷ 102, 1387.14 ÷ 102, 132.63 ÷ 102.
    ['expensePerHead', null, '34.71', null, '66.29', null],
    ['personnelPerHead', null, '13.60', null, '11.10', null],
    ['publicPerHead', null, '1.30', null, '0.92', null],
    // 公务用车运行维护费 ÷ 使用财政拨款负担的公务用车保有量: province 3.20 ÷ 3 (line 520), city
    // 部门 1.01 ÷ 1 (line 551: its 2 vehicles are 机要通信用车, one financed); the centre and the
    // district state 保有量共0辆; the budget states none.
    ['runningPerVehicle', '1.07', '1.01', null, null, null],
  ])('%s', (id, ...expected) => {
    expect(ORDER.map((_, i) => value(i, id))).toEqual(expected);
  });

  it('links printed figures to their lines and marks computed ones as derived', () => {
    // "完成年初预算的1838.93%" is printed on line 474 of the province's text.
    expect(rows[0]?.cells?.['executionRate']?.fig).toEqual({ v: '1838.93', line: 474 });
    // "基本支出846.28万元，占比2.00%" (line 440): the printed share, not a computed one.
    expect(rows[0]?.cells?.['basicShare']?.fig).toEqual({ v: '2.00', line: 440 });
    // 人员经费 is not given a share in the text: 711.62 ÷ 845.59, computed (计算值).
    const share = rows[0]?.cells?.['personnelShare']?.fig;
    expect(share && 'derived' in share ? share.derived : null).toMatchObject({
      formula: expect.stringContaining('711.62 ÷ 845.59') as unknown,
      computed: true,
    });
    // The budget's statement "本单位无“三公”经费预算" (line 439) is a stated zero, shown as 无.
    expect(rows[2]?.cells?.['sangong']).toMatchObject({ fig: { v: '0', line: 439 }, none: true });
  });

  it('says why a figure is missing', () => {
    expect(why(2, 'executionRate')).toBe('预算文件，没有执行数');
    expect(why(0, 'expensePerHead')).toBe('原文未载明编制或在职人数');
    expect(why(4, 'runningPerVehicle')).toBe('财政拨款负担的公务用车保有量为 0，没有车均');
    expect(why(3, 'runningPerVehicle')).toBe('财政拨款负担的公务用车保有量为 0，没有车均');
    expect(why(2, 'runningPerVehicle')).toBe('原文未说明财政拨款负担的公务用车保有量');
    // The city 部门 has only a 部门整体 self-evaluation (98.92 分), no project scores.
    expect(why(1, 'meanScore')).toContain('部门整体自评');
    expect(rows[3]?.cells?.['expensePerHead']?.detail).toBe('按编制 17 人');
  });

  it('uses 在职人数 when a document states it and no 编制', () => {
    // The service center's text with its "编制17名" replaced by a stated 在职人数 of 20.
    const center = realBundle(IDS.center);
    const bundle = {
      ...center,
      narrative: {
        ...center.narrative,
        overview: [
          { key: 'staffActual', label: '实有人数', value: { v: '20', line: 64 }, unit: '人' },
        ],
      },
    };
    const cell = matrixCells(bundle)['expensePerHead'];
    // 1127.00 ÷ 20 = 56.35.
    expect(cell?.fig?.v).toBe('56.35');
    expect(cell?.detail).toBe('按在职人数 20 人');
  });

  it('averages the project scores (province: 6 projects)', () => {
    // Province 总分 (lines 588–761): 39.8 差, 79.71 中, 98.33 优, 93.04 优, 94.43 优, 79.51 中
    // → 484.82 ÷ 6 = 80.803….
    const mean = rows[0]?.cells?.['meanScore']?.fig;
    expect(mean?.v).toBe('80.80');
    expect(rows[0]?.cells?.['excellentShare']?.detail).toBe('优3 良0 中2 差1');
  });
});

describe('measureStandings: median, rank, distance', () => {
  it('基本支出占比: median 42.94 (the city 部门), ranks and 百分点 distances', () => {
    const st = measureStandings(rows, measure('basicShare'));
    expect(st.median?.toFixed(2)).toBe('42.94');
    expect(st.count).toBe(5);
    expect(st.byRow.map((s) => s.rank)).toEqual([5, 3, 1, 4, 2]);
    expect(st.byRow.map((s) => s.diff?.toFixed(2))).toEqual([
      '-40.94',
      '0.00',
      '19.31',
      '-24.81',
      '2.97',
    ]);
    expect(st.byRow.map((s) => s.band)).toEqual(['low2', 'mid', 'high1', 'low2', 'mid']);
  });

  it('执行率: the budget has none, so the median is of the four 决算', () => {
    const st = measureStandings(rows, measure('executionRate'));
    expect(st.count).toBe(4);
    // (109.76 + 146.32) ÷ 2.
    expect(st.median?.toFixed(2)).toBe('128.04');
    expect(st.byRow.map((s) => s.rank)).toEqual([1, 3, null, 2, 4]);
    expect(st.byRow[2]?.band).toBeNull();
  });

  it('本年支出合计: bands by distance relative to the median (1,564.72)', () => {
    const st = measureStandings(rows, measure('expense'));
    expect(st.median?.toFixed(2)).toBe('1564.72');
    // 42240.10 is 2,599.53% above; 1127.00 is 27.97% below; 1322.38 is 15.49% below.
    expect(st.byRow.map((s) => s.relative?.toFixed(2))).toEqual([
      '2599.53',
      '126.27',
      '0.00',
      '-27.97',
      '-15.49',
    ]);
    expect(st.byRow.map((s) => s.band)).toEqual(['high2', 'high2', 'mid', 'low1', 'low1']);
  });
});

describe('bandOf', () => {
  it.each([
    ['percent', '4.99', null, 'mid'],
    ['percent', '5', null, 'high1'],
    ['percent', '-20', null, 'low2'],
    ['amount', '1', '9.99', 'mid'],
    ['amount', '1', '10', 'high1'],
    ['amount', '-1', '-50', 'low2'],
    // A median of 0 (no relative distance): any other value is far from it.
    ['amount', '3.57', null, 'high2'],
    ['amount', '0', null, 'mid'],
  ] as const)('%s %s (%s%%) → %s', (kind, diff, rel, band) => {
    expect(bandOf(kind, dec(diff), rel === null ? null : dec(rel))).toBe(band);
  });
});

describe('sorting and marks', () => {
  it('sorts by a measure, documents without a figure last either way', () => {
    const desc = parseMatrixSort('executionRate.desc');
    expect(sortedRowIndexes(rows, desc)).toEqual([0, 3, 1, 4, 2]);
    expect(sortedRowIndexes(rows, parseMatrixSort('executionRate.asc'))).toEqual([4, 1, 3, 0, 2]);
    expect(sortedRowIndexes(rows, null)).toEqual([0, 1, 2, 3, 4]);
  });

  it('ignores a sort by a measure that does not exist', () => {
    expect(parseMatrixSort('nothing.desc')).toBeNull();
    expect(parseMatrixSort('expense.sideways')).toBeNull();
    expect(parseMatrixSort(null)).toBeNull();
  });

  it('marks scope, year and kind that differ from most documents, and containment', () => {
    const marks = rowMarks(rows.map((r) => r.entry));
    // Province 单位, city 部门, budget 单位, centre 单位, district 部门: 单位 is the most common.
    expect(marks.map((m) => m.scopeDiffers)).toEqual([false, true, false, false, true]);
    // 2024 is the most common year: the 2026 budget and the 2023 district differ.
    expect(marks.map((m) => m.yearDiffers)).toEqual([false, false, true, false, true]);
    expect(marks.map((m) => m.kindDiffers)).toEqual([false, false, true, false, false]);
    // The city 部门 2024 决算 already includes the service center's 2024 决算.
    expect(marks[3]?.containedIn).toEqual(['大同市行政审批服务管理局[部门]']);
    expect(marks[2]?.containedIn).toEqual([]);
  });

  it('marks every document when no scope, year or kind is shared by most', () => {
    // The city 部门 2024 决算 and the 2026 单位预算: one of each, so both are marked.
    const marks = rowMarks([entryOf(IDS.cityDept), entryOf(IDS.cityBudget)]);
    expect(marks.map((m) => [m.scopeDiffers, m.yearDiffers, m.kindDiffers])).toEqual([
      [true, true, true],
      [true, true, true],
    ]);
    // The same year and kind: only the scopes differ (and the 部门 does not contain a budget).
    const same = rowMarks([entryOf(IDS.cityDept), entryOf(IDS.center)]);
    expect(same.map((m) => [m.scopeDiffers, m.yearDiffers, m.kindDiffers])).toEqual([
      [true, false, false],
      [true, false, false],
    ]);
    expect(same[1]?.containedIn).toEqual(['大同市行政审批服务管理局[部门]']);
    // One document alone is compared with nothing.
    expect(rowMarks([entryOf(IDS.province)])[0]).toMatchObject({
      scopeDiffers: false,
      yearDiffers: false,
      kindDiffers: false,
    });
  });
});
