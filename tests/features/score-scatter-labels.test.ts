import { describe, expect, it } from 'vitest';
import { isOutlier, placeLabels } from '@/features/performance/score-scatter';
import type { ScatterPoint } from '@/features/performance/performance-data';

/** A point with only what placement reads (name, execution rate x, score y). */
function point(name: string, x: number, y: number): ScatterPoint {
  return { name, x, y } as ScatterPoint;
}

describe('score scatter labels', () => {
  it.each([
    // QT其他养人2: 执行率 34.24%, 得分 90.42 优 — an outlier on the rate axis only.
    [34.24, 90.42, true],
    // 营商环境评估费: 得分 39.8 差.
    [100, 39.8, true],
    [97.56, 95, false],
  ])('rate %f, score %f: outlier %s', (x, y, out) => {
    expect(isOutlier(point('p', x, y))).toBe(out);
  });

  it('places crowded labels apart, each next to its point', () => {
    const pts = [
      point('政务云服务费用', 60, 92),
      point('Z大厅硬件设备升级改造', 66, 93),
      point('政务信息系统迁移', 55, 92),
      point('QT其他养人2', 34.24, 90.42),
    ];
    const spots = placeLabels(pts, 1400, 100);
    expect(spots.size).toBe(4);
    expect(spots.get(pts[3] as ScatterPoint)?.text).toBe('QT其他养人2');
  });
});
