import { horizontalAtTicks, noLines, tickLines, verticalAtTicks } from '@/components/chart-grid';

/** A numeric axis as recharts hands it to a grid generator: a linear scale over [0, max]. */
function numberAxis(max: number, from: number, to: number, ticks?: number[], niceTicks?: number[]) {
  return {
    type: 'number' as const,
    ...(ticks ? { ticks } : {}),
    ...(niceTicks ? { niceTicks } : {}),
    scale: { map: (v: unknown) => from + ((v as number) / max) * (to - from) },
  } as unknown as Parameters<typeof tickLines>[0];
}

const offset = { top: 8, left: 200, width: 400, height: 300, right: 24, bottom: 8, brushBottom: 8 };

describe('grid lines at the axis ticks (no label measuring)', () => {
  it('draws a vertical line at each tick given, the plot edges included once', () => {
    // The rate chart's axis: 0–125 %, ticks every 25.
    const lines = verticalAtTicks(
      {
        xAxis: numberAxis(125, 200, 600, [0, 25, 50, 75, 100, 125]),
        width: 800,
        height: 316,
        offset,
      },
      false,
    );
    expect(lines).toEqual([200, 280, 360, 440, 520, 600]);
  });

  it("uses the axis' automatic ticks when none were given, and adds the missing edge", () => {
    const lines = horizontalAtTicks(
      { yAxis: numberAxis(100, 8, 308, undefined, [0, 50]), width: 800, height: 316, offset },
      false,
    );
    expect(lines).toEqual([8, 158, 308]);
  });

  it('draws only the edges for a category axis or no axis, and nothing for noLines', () => {
    const category = {
      type: 'category',
      ticks: ['a'],
      scale: { map: () => 50 },
    } as unknown as Parameters<typeof tickLines>[0];
    expect(tickLines(category, 8, 308)).toEqual([8, 308]);
    expect(tickLines(undefined, 8, 308)).toEqual([8, 308]);
    expect(noLines()).toEqual([]);
  });
});
