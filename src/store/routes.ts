/**
 * Hash routes: `#/overview?units=a,b`, `#/source/<id>?line=N&q=42684.35&units=a,b`,
 * `#/tables?units=a&money=yuan&mode=share&doc=<id>&table=<id>`, `#/matrix?group=sangong&sort=sangong.desc`. Hash only, never the History
 * API: from file:// pushState throws and deep links miss (docs/offline.md).
 */
import {
  FLAG_THRESHOLDS,
  THRESHOLD_KEYS,
  changedThresholds,
  isFlagRule,
  isFlagSeverity,
  parseThreshold,
} from '@/data/flag-thresholds';
import type { FlagThresholds } from '@/data/flag-thresholds';
import { VIEW_NAMES } from './types';
import type { DisplayUnit, MeasureMode, Route, Slide, SourceTarget, ViewName } from './types';

const ID_RE = /^[a-z0-9-]+$/;
/** Longest `q` (a figure's printed text) or `table` id taken from an address; longer is ignored. */
const MAX_PARAM = 64;

/** 对比矩阵's `group` and `sort` (`expense.desc`): short ASCII words. */
const MATRIX_PARAM_RE = /^[A-Za-z][A-Za-z0-9.]{0,63}$/;

const MONEY_PARAM: Readonly<Record<string, DisplayUnit>> = { wan: '万元', yuan: '元' };
const MODE_PARAM: Readonly<Record<string, MeasureMode>> = { amount: 'absolute', share: 'share' };

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
  const notices: string[] = [];
  if (!isViewName(head))
    notices.push(`网址中的页面“${head.slice(0, MAX_PARAM)}”不存在，已打开总览`);
  const source =
    view === 'source' && segments[1] && ID_RE.test(segments[1])
      ? parseSourceTarget(segments[1], params)
      : null;
  const { slides: deck, unreadable } = parseDeck(params.get('deck'));
  if (unreadable > 0)
    notices.push(
      deck.length === 0
        ? '链接中的演示稿无法读取（可能不完整或被改动过）'
        : `链接中的演示稿有 ${unreadable} 页无法读取，已略过`,
    );
  const slideText = params.get('slide');
  const slide = slideText && /^\d+$/.test(slideText) ? Number(slideText) - 1 : 0;
  const route: Route =
    deck.length > 0
      ? { view, selectedIds, source, deck, slide: Math.min(Math.max(slide, 0), deck.length - 1) }
      : { view, selectedIds, source };
  if (notices.length > 0) route.notice = `${notices.join('；')}。`;
  // Options with a value the app does not know are left out, as if absent (the current one stays).
  const displayUnit = MONEY_PARAM[params.get('money') ?? ''];
  if (displayUnit !== undefined) route.displayUnit = displayUnit;
  const measureMode = MODE_PARAM[params.get('mode') ?? ''];
  if (measureMode !== undefined) route.measureMode = measureMode;
  if (view === 'tables') {
    const doc = params.get('doc');
    if (doc !== null && ID_RE.test(doc)) route.tableDoc = doc;
    const table = params.get('table');
    if (table !== null && table !== '' && table.length <= MAX_PARAM) route.tableId = table;
  }
  if (view === 'matrix') {
    // Which groups and measures exist is the view's business: it ignores names it does not know.
    const group = params.get('group');
    if (group !== null && MATRIX_PARAM_RE.test(group)) route.matrixGroup = group;
    const sort = params.get('sort');
    if (sort !== null && MATRIX_PARAM_RE.test(sort)) route.matrixSort = sort;
  }
  // The deck shows 疑点 under the thresholds it was prepared with: 演示 carries them too.
  if (view === 'flags' || view === 'present') parseFlagParams(params, route);
  return route;
}

/**
 * 疑点's filters and thresholds. `all` clears a filter (a link that shows everything); a value the
 * app does not know is left out, as if absent. Any threshold parameter makes the address carry
 * the whole set: the others are their defaults, and an invalid one is its default too.
 */
function parseFlagParams(params: URLSearchParams, route: Route): void {
  const unit = params.get('unit');
  if (unit === 'all') route.flagUnit = null;
  else if (unit !== null && ID_RE.test(unit)) route.flagUnit = unit;
  const rule = params.get('rule');
  if (rule === 'all') route.flagRule = null;
  else if (rule !== null && isFlagRule(rule)) route.flagRule = rule;
  const sev = params.get('sev');
  if (sev === 'all') route.flagSeverity = null;
  else if (sev !== null && isFlagSeverity(sev)) route.flagSeverity = sev;
  if (THRESHOLD_KEYS.some((k) => params.has(FLAG_THRESHOLDS[k].param))) {
    const thresholds: FlagThresholds = {};
    for (const k of THRESHOLD_KEYS) {
      const text = params.get(FLAG_THRESHOLDS[k].param);
      const v = text === null ? null : parseThreshold(k, text);
      if (v !== null) thresholds[k] = v;
    }
    route.flagThresholds = changedThresholds(thresholds);
  }
}

/**
 * `line` is a line number from 1; anything else that is written there (0, -1, "abc", 400 digits)
 * is kept as `badLine` for the viewer to name. `q` is the figure's printed text.
 */
function parseSourceTarget(id: string, params: URLSearchParams): SourceTarget {
  const target: SourceTarget = { id, line: null };
  const lineText = (params.get('line') ?? '').trim();
  if (lineText !== '') {
    const n = /^\d+$/.test(lineText) ? Number(lineText) : NaN;
    if (Number.isSafeInteger(n) && n >= 1) target.line = n;
    else target.badLine = lineText;
  }
  const text = params.get('q');
  if (text !== null && text.trim() !== '' && text.length <= MAX_PARAM) target.text = text;
  return target;
}

/**
 * Slides as "view~chart~unit.unit[~share]", separated by "|" (chart URI-encoded), and how many
 * parts were not a slide (said on screen).
 */
function parseDeck(text: string | null): { slides: Slide[]; unreadable: number } {
  if (!text) return { slides: [], unreadable: 0 };
  const parts = text.split('|');
  const slides = parts.flatMap((part): Slide[] => {
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
  return { slides, unreadable: parts.length - slides.length };
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
    const { id, line, badLine, text } = route.source;
    path += `/${id}`;
    if (line !== null) params.push(`line=${line}`);
    else if (badLine !== undefined) params.push(`line=${encodeURIComponent(badLine)}`);
    if (text !== undefined) params.push(`q=${encodeURIComponent(text)}`);
  }
  if (route.selectedIds.length > 0) params.push(`units=${route.selectedIds.join(',')}`);
  // Defaults are not written: a plain link and a default view have the same address.
  if (route.displayUnit === '元') params.push('money=yuan');
  if (route.measureMode === 'share') params.push('mode=share');
  if (route.view === 'tables') {
    if (route.tableDoc) params.push(`doc=${route.tableDoc}`);
    if (route.tableId) params.push(`table=${encodeURIComponent(route.tableId)}`);
  }
  if (route.view === 'matrix') {
    if (route.matrixGroup) params.push(`group=${route.matrixGroup}`);
    if (route.matrixSort) params.push(`sort=${route.matrixSort}`);
  }
  if (route.view === 'flags' || route.view === 'present') {
    if (route.flagUnit) params.push(`unit=${route.flagUnit}`);
    if (route.flagRule) params.push(`rule=${route.flagRule}`);
    if (route.flagSeverity) params.push(`sev=${route.flagSeverity}`);
    const changed = changedThresholds(route.flagThresholds ?? {});
    for (const k of THRESHOLD_KEYS) {
      const v = changed[k];
      if (v !== undefined) params.push(`${FLAG_THRESHOLDS[k].param}=${v}`);
    }
  }
  if (route.deck !== undefined && route.deck.length > 0) {
    params.push(`deck=${formatDeck(route.deck)}`);
    if (route.view === 'present') params.push(`slide=${(route.slide ?? 0) + 1}`);
  }
  return params.length > 0 ? `${path}?${params.join('&')}` : path;
}

/**
 * sourceHref for one document and selection, as a function of the line and the figure's printed
 * text: the other parts are made once (a long table links each figure it paints to its line).
 * Checked against formatHash by tests/store/routes.test.ts.
 */
export function sourceHrefFor(
  id: string,
  selectedIds: readonly string[] = [],
): (line: number, text?: string) => string {
  const path = `#/source/${id}?line=`;
  const units = selectedIds.length > 0 ? `&units=${selectedIds.join(',')}` : '';
  return (line, text) =>
    text === undefined
      ? `${path}${line}${units}`
      : `${path}${line}&q=${encodeURIComponent(text)}${units}`;
}

/** Link to a line of a document in the source viewer (`text`: the figure to mark in it). */
export function sourceHref(
  id: string,
  line: number | null,
  selectedIds: readonly string[] = [],
  text?: string,
): string {
  const source: SourceTarget = text === undefined ? { id, line } : { id, line, text };
  return formatHash({ view: 'source', source, selectedIds: [...selectedIds] });
}

/** Link to a view, keeping the current selection. */
export function viewHref(view: ViewName, selectedIds: readonly string[] = []): string {
  return formatHash({ view, source: null, selectedIds: [...selectedIds] });
}

/**
 * Link to one document's 疑点 (a 总览 card's count): the unit filter set, the rule and severity
 * filters cleared (`all`), the thresholds and the selection kept.
 */
export function flagsHref(id: string, selectedIds: readonly string[] = []): string {
  const base = formatHash({
    view: 'flags',
    source: null,
    selectedIds: [...selectedIds],
    flagUnit: id,
  });
  return `${base}&rule=all&sev=all`;
}
