/**
 * Hash routes: `#/overview?units=a,b`, `#/source/<id>?line=N&units=a,b`. Hash only, never the
 * History API: from file:// pushState throws and deep links miss (shared/OFFLINE.md).
 */
import { VIEW_NAMES } from './types';
import type { Route, Slide, ViewName } from './types';

const ID_RE = /^[a-z0-9-]+$/;

function isViewName(s: string): s is ViewName {
  return (VIEW_NAMES as readonly string[]).includes(s);
}

/** Parse a location.hash ('' and unknown routes fall back to the overview). */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const pathPart = q === -1 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q === -1 ? '' : raw.slice(q + 1));
  const segments = pathPart.split('/').filter(Boolean).map(safeDecode);
  const selectedIds = [
    ...new Set(
      (params.get('units') ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => ID_RE.test(s)),
    ),
  ];
  const head = segments[0] ?? 'overview';
  const view: ViewName = isViewName(head) ? head : 'overview';
  let source: Route['source'] = null;
  if (view === 'source' && segments[1] && ID_RE.test(segments[1])) {
    const lineText = params.get('line');
    const line = lineText && /^\d+$/.test(lineText) ? Number(lineText) : null;
    source = { id: segments[1], line: line !== null && line >= 1 ? line : null };
  }
  const deck = parseDeck(params.get('deck'));
  const slideText = params.get('slide');
  const slide = slideText && /^\d+$/.test(slideText) ? Number(slideText) - 1 : 0;
  return deck.length > 0
    ? { view, selectedIds, source, deck, slide: Math.min(Math.max(slide, 0), deck.length - 1) }
    : { view, selectedIds, source };
}

/** Slides as "view~chart~unit.unit[~share]", separated by "|" (chart URI-encoded). */
function parseDeck(text: string | null): Slide[] {
  if (!text) return [];
  return text.split('|').flatMap((part) => {
    const [view = '', chart = '', units = '', mode = ''] = part.split('~');
    if (!isViewName(view) || view === 'present' || view === 'source' || view === 'data') return [];
    const title = safeDecode(chart);
    if (title === '') return [];
    const ids = units.split('.').filter((u) => ID_RE.test(u));
    return [
      mode === 'share'
        ? { view, chart: title, units: ids, mode }
        : { view, chart: title, units: ids },
    ];
  });
}

function formatDeck(deck: readonly Slide[]): string {
  return deck
    .map(
      (s) =>
        `${s.view}~${encodeURIComponent(s.chart)}~${s.units.join('.')}${s.mode ? `~${s.mode}` : ''}`,
    )
    .join('|');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The hash for a route, with a leading '#'. Commas in `units` stay readable. */
export function formatHash(route: Route): string {
  let path = `#/${route.view}`;
  const params: string[] = [];
  if (route.view === 'source' && route.source) {
    path += `/${route.source.id}`;
    if (route.source.line !== null) params.push(`line=${route.source.line}`);
  }
  if (route.selectedIds.length > 0) params.push(`units=${route.selectedIds.join(',')}`);
  if (route.deck !== undefined && route.deck.length > 0) {
    params.push(`deck=${formatDeck(route.deck)}`);
    if (route.view === 'present') params.push(`slide=${(route.slide ?? 0) + 1}`);
  }
  return params.length > 0 ? `${path}?${params.join('&')}` : path;
}

/**
 * sourceHref for one document and selection, as a function of the line: the parts other than the
 * line are made once (a long table links each row it paints to its line). Checked against
 * formatHash by tests/store/routes.test.ts.
 */
export function sourceHrefFor(
  id: string,
  selectedIds: readonly string[] = [],
): (line: number) => string {
  const path = `#/source/${id}?line=`;
  const units = selectedIds.length > 0 ? `&units=${selectedIds.join(',')}` : '';
  return (line) => `${path}${line}${units}`;
}

/** Link to a line of a document in the source viewer. */
export function sourceHref(
  id: string,
  line: number | null,
  selectedIds: readonly string[] = [],
): string {
  return formatHash({ view: 'source', source: { id, line }, selectedIds: [...selectedIds] });
}

/** Link to a view, keeping the current selection. */
export function viewHref(view: ViewName, selectedIds: readonly string[] = []): string {
  return formatHash({ view, source: null, selectedIds: [...selectedIds] });
}
