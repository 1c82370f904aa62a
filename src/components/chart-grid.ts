/**
 * Grid lines at a numeric axis' ticks, for recharts' <CartesianGrid>.
 *
 * recharts' default generators run the axis' full tick layout (getTicks with the default
 * interval 'preserveEnd'), which measures every tick label in the DOM to drop those that would
 * overlap. The grid has no labels: it needs only where the ticks fall. At 500 units that
 * measuring was a third of drawing a chart. These generators place a line at each
 * tick the axis was given (or its automatic "nice" ticks) and at both ends of the plot, as the
 * default does.
 */
import type { CartesianGridProps } from 'recharts';

type VerticalGenerator = NonNullable<CartesianGridProps['verticalCoordinatesGenerator']>;
type HorizontalGenerator = NonNullable<CartesianGridProps['horizontalCoordinatesGenerator']>;
type GridAxis = Parameters<VerticalGenerator>[0]['xAxis'];

/** Pixel positions of a numeric axis' ticks, plus the plot's two ends. */
export function tickLines(axis: GridAxis, start: number, end: number): number[] {
  const scale = axis?.scale;
  const values = axis?.ticks ?? axis?.niceTicks ?? [];
  const lines: number[] = [];
  if (scale && axis?.type === 'number') {
    for (const v of values) {
      const at = scale.map(v);
      if (typeof at === 'number' && Number.isFinite(at)) lines.push(at);
    }
  }
  if (!lines.includes(start)) lines.push(start);
  if (!lines.includes(end)) lines.push(end);
  return lines;
}

/** Vertical lines at the x axis' ticks. */
export const verticalAtTicks: VerticalGenerator = ({ xAxis, offset }) =>
  tickLines(xAxis, offset.left, offset.left + offset.width);

/** Horizontal lines at the y axis' ticks. */
export const horizontalAtTicks: HorizontalGenerator = ({ yAxis, offset }) =>
  tickLines(yAxis, offset.top, offset.top + offset.height);

/** For a grid drawn with horizontal={false} (or vertical={false}): compute nothing. */
export const noLines = (): number[] => [];
