/**
 * Fills that tell stacked parts apart without colour (a projector washes colours out, and some
 * readers cannot tell them apart): each fill is a colour with a white texture over it, used by
 * the bars and by their legend swatches alike.
 */
import { useId } from 'react';

export type TextureName = 'solid' | 'diagonal' | 'dots' | 'cross' | 'horizontal';

export interface FillStyle {
  /** Dark enough for white text, from a colour-blind-safe set. */
  color: string;
  texture: TextureName;
}

function Texture({ texture }: { texture: TextureName }) {
  const stroke = { stroke: '#fff', strokeWidth: 2 };
  switch (texture) {
    case 'solid':
      return null;
    case 'diagonal':
      return <path d="M-2,2 l4,-4 M0,10 l10,-10 M8,12 l4,-4" {...stroke} />;
    case 'dots':
      return <circle cx="5" cy="5" r="2" fill="#fff" />;
    case 'cross':
      return <path d="M0,0 l10,10 M10,0 l-10,10" {...stroke} strokeWidth={1.5} />;
    case 'horizontal':
      return <path d="M0,5 h10" {...stroke} />;
  }
}

/**
 * One chart's prefix for its pattern ids: SVG ids are document-wide (a second chart, or a hidden
 * one, would otherwise supply the pattern) and may not contain the colons of React's useId.
 */
export function usePatternPrefix(name: string): string {
  return `${name}${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

/** `url(#…)` of the fill `id` defined by <FillPatterns> with the same prefix. */
export function patternFill(prefix: string, id: string): string {
  return `url(#${prefix}-${id})`;
}

/** The chart's fill patterns, once per chart, each with the id `${prefix}-${id}`. */
export function FillPatterns({
  prefix,
  fills,
}: {
  prefix: string;
  fills: readonly { id: string; style: FillStyle }[];
}) {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" className="fill-patterns">
      <defs>
        {fills.map(({ id, style }) => (
          <pattern
            key={id}
            id={`${prefix}-${id}`}
            patternUnits="userSpaceOnUse"
            width="10"
            height="10"
          >
            <rect width="10" height="10" fill={style.color} />
            <Texture texture={style.texture} />
          </pattern>
        ))}
      </defs>
    </svg>
  );
}
