/**
 * Category-axis labels that fit the axis' width: a long label wraps onto a second line (at a
 * space or before a bracket when it can), and one that still does not fit is shortened with "…";
 * the full text is the label's SVG <title> (the browser's tooltip). Widths are estimated, not
 * measured (src/lib/text-width.ts).
 */

import { wrapLabel } from '@/lib/text-width';

interface WrappedTickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}

/**
 * A recharts `tick` for a vertical chart's category axis of `width` px (the axis' own width
 * less its tick line and gap): the label right-aligned, wrapped to fit, full text as its title.
 */
export function wrappedTick({
  width,
  fontSize,
  fill,
  format = (v) => String(v ?? ''),
}: {
  width: number;
  fontSize: number;
  fill: string;
  format?: (value: unknown) => string;
}) {
  return function WrappedTick({ x = 0, y = 0, payload }: WrappedTickProps) {
    const text = format(payload?.value);
    const lines = wrapLabel(text, width, fontSize);
    const first = -((lines.length - 1) * 1.2) / 2;
    return (
      <g className="wrapped-tick">
        <title>{text}</title>
        <text x={x} y={y} textAnchor="end" fontSize={fontSize} fill={fill}>
          {lines.map((line, i) => (
            <tspan key={i} x={x} dy={`${i === 0 ? first + 0.35 : 1.2}em`}>
              {line}
            </tspan>
          ))}
        </text>
      </g>
    );
  };
}
