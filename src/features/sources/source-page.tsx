import { Fragment, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import { ErrorPanel } from '@/components/error-panel';
import { documentLabel } from '@/data/labels';
import { splitLines } from '@/data/source-lines';
import { useAppStore } from '@/store/app-store';
import { sourceHref, viewHref } from '@/store/routes';
import { selectEntries, selectEntry } from '@/store/selectors';
import type { SourceReturn, SourceTarget } from '@/store/types';
import { displayWidth, findFigures, pagePlaces, placedRuns, shownLineParam } from './source-data';
import './sources.css';

/**
 * 原文: the list of documents, or one document's text with the target line highlighted and the
 * figure followed marked inside it.
 */
export function SourcePage() {
  const target = useAppStore((s) => s.source);
  return target ? <SourceViewer target={target} /> : <SourceIndex />;
}

function SourceIndex() {
  const entries = useAppStore(selectEntries);
  const selectedIds = useAppStore((s) => s.selectedIds);
  return (
    <section aria-labelledby="source-index-title">
      <h2 id="source-index-title">原文</h2>
      {entries.length === 0 ? (
        <p className="state-message">数据清单尚未加载，暂无可查看的原文。</p>
      ) : (
        <ul className="source-index">
          {entries.map((e) => (
            <li key={e.id}>
              <a href={sourceHref(e.id, null, selectedIds)}>{documentLabel(e)}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SourceViewer({ target }: { target: SourceTarget }) {
  const entry = useAppStore(selectEntry(target.id));
  const state = useAppStore((s) => s.sources[target.id]);
  const loadSource = useAppStore((s) => s.loadSource);
  const selectedIds = useAppStore((s) => s.selectedIds);
  const sourceReturn = useAppStore((s) => s.sourceReturn);
  const targetRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void loadSource(target.id);
  }, [loadSource, target.id]);

  const lines = useMemo(() => (state?.status === 'ready' ? splitLines(state.text) : null), [state]);
  // A PDF's text: its pages, separated by form feeds, are shown apart and each line by its page.
  const places = useMemo(() => (lines ? pagePlaces(lines) : null), [lines]);

  useLayoutEffect(() => {
    const line = targetRef.current;
    // jsdom has no scrollIntoView; browsers do.
    line?.scrollIntoView?.({ block: 'center' });
    // The figure link that opened this view is gone with its view: focus the line it points to,
    // so the keyboard continues from there (and a screen reader reads it), unless the user has
    // since focused something else.
    if (line && (document.activeElement === null || document.activeElement === document.body))
      line.focus({ preventScroll: true });
  }, [lines, target.line]);

  const title = entry ? documentLabel(entry) : target.id;
  const back = sourceReturn ? (
    <a className="back-link" href={sourceReturn.hash} onClick={(e) => goBack(e, sourceReturn)}>
      ← 返回
    </a>
  ) : (
    // Opened from a pasted or reloaded address: nowhere to go back to but the start.
    <a className="back-link" href={viewHref('overview', selectedIds)}>
      ← 返回总览
    </a>
  );
  const targetText = target.text;
  const marks =
    lines && target.line !== null && targetText !== undefined
      ? findFigures(printed(lines[target.line - 1] ?? ''), targetText)
      : [];
  const targetPlace = target.line !== null ? places?.[target.line - 1] : undefined;
  // The line asked for, when it is not a line of this text (0, -1, "abc", past the end).
  const missingLine =
    target.badLine !== undefined
      ? shownLineParam(target.badLine)
      : lines && target.line !== null && target.line > lines.length
        ? String(target.line)
        : null;

  return (
    <section className="source-viewer" aria-labelledby="source-title">
      {back}
      <h2 id="source-title">原文：{title}</h2>
      {target.line !== null && missingLine === null ? (
        <p className="source-target">
          {targetPlace
            ? `定位到第 ${targetPlace.page} 页第 ${targetPlace.line} 行（全文第 ${target.line} 行）`
            : `定位到第 ${target.line} 行`}
          {lines && targetText !== undefined
            ? marks.length === 1
              ? `，已标出 ${targetText}`
              : marks.length > 1
                ? `，本行有 ${marks.length} 处 ${targetText}，均已标出（请按表头确认是哪一栏）`
                : `；该行中未找到“${targetText}”，已标出整行`
            : null}
        </p>
      ) : null}
      {!state || state.status === 'loading' ? (
        <p className="state-message" role="status">
          正在加载原文…
        </p>
      ) : state.status === 'error' ? (
        <ErrorPanel title={state.final ? '没有原文' : '无法加载原文'} messages={[state.message]}>
          {state.final ? null : (
            <button type="button" onClick={() => void loadSource(target.id, { retry: true })}>
              重试
            </button>
          )}
        </ErrorPanel>
      ) : lines ? (
        <>
          {missingLine !== null ? (
            <p role="alert">
              第 {missingLine} 行不存在：本文共 {lines.length} 行。
            </p>
          ) : null}
          <div
            className={places ? 'source-text source-text-paged' : 'source-text'}
            role="region"
            aria-label="原文文本"
            tabIndex={0}
          >
            {lines.map((raw, i) => {
              const n = i + 1;
              const isTarget = n === target.line;
              const text = printed(raw);
              const place = places?.[i];
              const pageBreak =
                place !== undefined && place.line === 1 ? (
                  <div
                    className="source-page-break"
                    role="separator"
                    aria-label={`第 ${place.page} 页`}
                  >
                    — 第 {place.page} 页 —
                  </div>
                ) : null;
              return (
                <Fragment key={n}>
                  {pageBreak}
                  <div
                    id={`L${n}`}
                    className={isTarget ? 'source-line source-line-target' : 'source-line'}
                    aria-current={isTarget ? 'location' : undefined}
                    ref={isTarget ? targetRef : undefined}
                    tabIndex={isTarget ? -1 : undefined}
                  >
                    <span className="ln" aria-hidden="true">
                      {n}
                    </span>
                    {places ? (
                      <PlacedText text={text} marks={isTarget ? marks : NO_MARKS} />
                    ) : (
                      <span className="lt">
                        <Marked text={text} start={0} marks={isTarget ? marks : NO_MARKS} />
                      </span>
                    )}
                  </div>
                </Fragment>
              );
            })}
          </div>
        </>
      ) : null}
    </section>
  );
}

/**
 * A line of a PDF's layout text, its runs placed where the page prints them. The text puts each
 * run at its column (one column ≈ one digit, half an em) but counts a Chinese character as one
 * column while it is two wide on screen, so drawn as plain text every column after a Chinese
 * label would drift right. Each run starts at `start`ch instead; the mark keeps its offsets.
 */
function PlacedText({ text, marks }: { text: string; marks: readonly Mark[] }) {
  const runs = placedRuns(text);
  const width = runs.reduce((w, r) => Math.max(w, r.start + displayWidth(r.text)), 0);
  return (
    <span className="lt lt-placed" style={{ minWidth: `${width}ch` }}>
      {runs.map((r) => (
        <span key={r.start} className="lt-run" style={{ left: `${r.start}ch` }}>
          <Marked text={r.text} start={r.start} marks={marks} />
        </span>
      ))}
    </span>
  );
}

/** [start, end) offsets of a figure in its line. */
type Mark = readonly [number, number];

const NO_MARKS: readonly Mark[] = [];

/** `text`, which starts at offset `start` of its line, with the parts inside `marks` in <mark>. */
function Marked({ text, start, marks }: { text: string; start: number; marks: readonly Mark[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [from, to] of marks) {
    const a = Math.max(from - start, at);
    const b = Math.min(to - start, text.length);
    if (a >= b) continue;
    if (a > at) parts.push(text.slice(at, a));
    parts.push(<mark key={a}>{text.slice(a, b)}</mark>);
    at = b;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/** A line as printed: the form feed that opens a PDF page is shown as a separator instead. */
function printed(line: string): string {
  return line.replaceAll('\f', '');
}

/**
 * 返回: the view the viewer was opened from is the previous history entry, so go back to it (the
 * hash sync then scrolls to the figure). A click that opens a new tab keeps the link's own target.
 */
function goBack(e: MouseEvent<HTMLAnchorElement>, back: SourceReturn): void {
  if (!back.viaHistory || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey)
    return;
  e.preventDefault();
  window.history.back();
}
