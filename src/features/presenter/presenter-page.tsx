/**
 * 演示 presenter mode: the deck (charts added from the views, kept in the URL) and a full-screen
 * show of one chart per slide, driven by keyboard or a clicker (←/→, Space, PageUp/PageDown,
 * Home/End; B or . blacks the screen out, W or , whites it, any key brings it back; Esc leaves).
 * Slides render the real view with the slide's units and show only the
 * chart they name, so a slide is always the live, traceable chart, never a stale picture.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { ChartDensityContext } from '@/components/chart-density';
import { useAppStore, useAppStoreShallow } from '@/store/app-store';
import { comparedEntries, selectEntries } from '@/store/selectors';
import { loadsComparedDocuments, VIEW_LABELS } from '@/store/types';
import { useRequestBundles } from '@/store/use-request-bundles';
import type { MeasureMode, Slide, ViewName } from '@/store/types';
import type { ReactNode } from 'react';
import { fitSlide, newSlideFitMemo } from './slide-fit';
import type { SlideFitMemo } from './slide-fit';

export type Theme = 'standard' | 'hc-light' | 'hc-dark';
type DeckAction = 'up' | 'down' | 'start' | 'remove';
const THEME_KEY = 'budget-compare.presenter-theme';
const THEMES: readonly { value: Theme; label: string }[] = [
  { value: 'standard', label: '标准' },
  { value: 'hc-light', label: '高对比·浅色（投影）' },
  { value: 'hc-dark', label: '高对比·深色（投影）' },
];

function readTheme(): Theme {
  try {
    const t = window.localStorage.getItem(THEME_KEY);
    return t === 'hc-light' || t === 'hc-dark' || t === 'standard' ? t : 'hc-light';
  } catch {
    return 'hc-light';
  }
}

export interface PresenterPageProps {
  /** Renders a view page (the app shell passes its view switch, so this feature imports no other feature). */
  renderView: (view: ViewName) => ReactNode;
}

export function PresenterPage({ renderView }: PresenterPageProps) {
  const deck = useAppStoreShallow((s) => s.deck);
  const slide = useAppStore((s) => s.slide);
  const setSlide = useAppStore((s) => s.setSlide);
  const removeSlide = useAppStore((s) => s.removeSlide);
  const moveSlide = useAppStore((s) => s.moveSlide);
  const setSelectedIds = useAppStore((s) => s.setSelectedIds);
  const setMeasureMode = useAppStore((s) => s.setMeasureMode);
  const entries = useAppStoreShallow(selectEntries);
  const [presenting, setPresenting] = useState(false);
  const [theme, setTheme] = useState<Theme>(readTheme);
  const savedSelection = useRef<{ ids: string[]; mode: MeasureMode } | null>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  // A screen blanked by the clicker's blank key (black or white); any key brings the slide back.
  const [blank, setBlank] = useState<'black' | 'white' | null>(null);
  // Where keyboard focus goes when the editor is drawn again: the button that started the show
  // (-1: 开始演示, else the row's 从此页开始), or a deck row's button after it moved or was removed.
  const editorRef = useRef<HTMLElement>(null);
  const focusAfter = useRef<{ row: number; action: DeckAction } | null>(null);

  const chooseTheme = (t: Theme) => {
    setTheme(t);
    try {
      window.localStorage.setItem(THEME_KEY, t);
    } catch {
      // Storage may be unavailable (private mode): the choice then lasts for this page only.
    }
  };

  const current: Slide | undefined = deck[slide];

  // The slides' documents load once the deck list is on screen: a show starts on a click, and
  // until then they would only delay the list and its 开始演示 button.
  const slideIds = [
    ...new Set(
      deck.flatMap((s) =>
        loadsComparedDocuments(s.view) ? comparedEntries(entries, s.units).map((e) => e.id) : [],
      ),
    ),
  ];
  useRequestBundles(slideIds, { afterPaint: true });

  // While presenting, the store's selection and 显示 choice follow the slide, so the view renders
  // its units and the chart it names (the 执行率 chart exists only under 占比 / 比率).
  useEffect(() => {
    if (presenting && current !== undefined) {
      setSelectedIds(current.units);
      setMeasureMode(current.mode ?? 'absolute');
    }
  }, [presenting, current, setSelectedIds, setMeasureMode]);

  const stop = useCallback(() => {
    setPresenting(false);
    setBlank(null);
    if (savedSelection.current !== null) {
      setSelectedIds(savedSelection.current.ids);
      setMeasureMode(savedSelection.current.mode);
    }
    savedSelection.current = null;
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }, [setSelectedIds, setMeasureMode]);

  /** Starts the show at slide `at` (the first unless one is chosen in the deck list). */
  const start = (at = 0, from: number = -1) => {
    if (deck.length === 0) return;
    focusAfter.current = { row: from, action: 'start' };
    const { selectedIds, measureMode } = useAppStore.getState();
    savedSelection.current = { ids: selectedIds, mode: measureMode };
    // The store keeps the slide last shown (Esc on the last one): a new show starts where asked.
    setSlide(at);
    setPresenting(true);
  };

  // Full screen once the stage exists; without the API the stage still covers the window (CSS).
  useEffect(() => {
    if (!presenting) return;
    const el = stageRef.current;
    if (el?.requestFullscreen) void el.requestFullscreen().catch(() => undefined);
    el?.focus();
  }, [presenting]);

  // Leaving full screen with the browser's own Esc ends the show too.
  useEffect(() => {
    if (!presenting) return;
    const onChange = () => {
      if (!document.fullscreenElement) stop();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [presenting, stop]);

  // After the show, a move or a removal, focus returns to the button the user was on (or the one
  // that took its place), not to the page: keyboard users keep their place in the deck list.
  useLayoutEffect(() => {
    const target = focusAfter.current;
    const editor = editorRef.current;
    if (presenting || target === null || editor === null) return;
    focusAfter.current = null;
    const rows = editor.querySelectorAll<HTMLElement>('.deck-list > li');
    const row = target.row >= 0 ? rows[Math.min(target.row, rows.length - 1)] : undefined;
    const buttons = row ? [...row.querySelectorAll<HTMLButtonElement>('button')] : [];
    const button =
      buttons.find((b) => b.dataset['action'] === target.action && !b.disabled) ??
      buttons.find((b) => !b.disabled) ??
      editor.querySelector<HTMLElement>('.primary-button') ??
      editor.querySelector<HTMLElement>('h2');
    button?.focus();
  }, [presenting, deck]);

  useEffect(() => {
    if (!presenting) return;
    const onKey = (e: KeyboardEvent) => {
      const last = deck.length - 1;
      if (blank !== null) setBlank(null);
      else if (['b', 'B', '.'].includes(e.key)) setBlank('black');
      else if (['w', 'W', ','].includes(e.key)) setBlank('white');
      else if (['ArrowRight', 'PageDown', ' ', 'Spacebar', 'Enter'].includes(e.key))
        setSlide(slide + 1);
      else if (['ArrowLeft', 'PageUp', 'Backspace'].includes(e.key)) setSlide(slide - 1);
      else if (e.key === 'Home') setSlide(0);
      else if (e.key === 'End') setSlide(last);
      else if (e.key === 'Escape') stop();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenting, deck.length, slide, setSlide, stop, blank]);

  if (presenting && current !== undefined) {
    return (
      <div
        ref={stageRef}
        className={`presenter-stage theme-${theme}`}
        tabIndex={-1}
        role="region"
        aria-roledescription="演示"
        aria-label={`演示：第 ${slide + 1} 页，共 ${deck.length} 页`}
      >
        <div className="slide-frame">
          <SlideView chart={current.chart}>{renderView(current.view)}</SlideView>
        </div>
        <div className="slide-bar">
          <button type="button" onClick={() => setSlide(slide - 1)} disabled={slide === 0}>
            ← 上一页
          </button>
          <span className="slide-number" aria-live="polite">
            {slide + 1} / {deck.length}
          </span>
          <button
            type="button"
            onClick={() => setSlide(slide + 1)}
            disabled={slide === deck.length - 1}
          >
            下一页 →
          </button>
          <button type="button" onClick={stop}>
            退出演示（Esc）
          </button>
        </div>
        {blank !== null ? (
          <div
            className={`slide-blank slide-blank-${blank}`}
            role="status"
            aria-label={`${blank === 'black' ? '黑屏' : '白屏'}：按任意键回到第 ${slide + 1} 页`}
            onClick={() => setBlank(null)}
          />
        ) : null}
      </div>
    );
  }

  const unitNames = (ids: readonly string[]) =>
    ids.length === 0
      ? '全部单位'
      : ids.map((id) => entries.find((e) => e.id === id)?.unit.name ?? id).join('、');

  return (
    <section aria-labelledby="present-title" className="presenter-editor" ref={editorRef}>
      <h2 id="present-title" tabIndex={-1}>
        演示
      </h2>
      <p>
        在任一视图的图表标题旁点“加入演示”，图表连同当时选择的单位会加入下面的演示稿。演示稿保存在网址中，可收藏或发给同事，离线也能打开。
      </p>
      <fieldset className="theme-picker">
        <legend>投影主题（会被记住）</legend>
        {THEMES.map((t) => (
          <label key={t.value}>
            <input
              type="radio"
              name="presenter-theme"
              checked={theme === t.value}
              onChange={() => chooseTheme(t.value)}
            />{' '}
            {t.label}
          </label>
        ))}
      </fieldset>
      {deck.length === 0 ? (
        <p className="state-message" role="status">
          演示稿还是空的：请先到“预算执行”“同比变化”“三公经费”等视图，把图表加入演示。
        </p>
      ) : (
        <>
          <ol className="deck-list" aria-label="演示稿">
            {deck.map((s, i) => (
              <li key={`${i}-${s.view}-${s.chart}`}>
                <span className="deck-item">
                  第 {i + 1} 页：{VIEW_LABELS[s.view]} · {s.chart}
                  {s.mode === 'share' ? '（占比 / 比率）' : ''} · {unitNames(s.units)}
                </span>
                <button
                  type="button"
                  data-action="up"
                  onClick={() => {
                    focusAfter.current = { row: i - 1, action: 'up' };
                    moveSlide(i, -1);
                  }}
                  disabled={i === 0}
                  aria-label={`第 ${i + 1} 页上移`}
                >
                  上移
                </button>
                <button
                  type="button"
                  data-action="down"
                  onClick={() => {
                    focusAfter.current = { row: i + 1, action: 'down' };
                    moveSlide(i, 1);
                  }}
                  disabled={i === deck.length - 1}
                  aria-label={`第 ${i + 1} 页下移`}
                >
                  下移
                </button>
                <button
                  type="button"
                  data-action="start"
                  onClick={() => start(i, i)}
                  aria-label={`从第 ${i + 1} 页开始演示`}
                >
                  从此页开始
                </button>
                <button
                  type="button"
                  data-action="remove"
                  onClick={() => {
                    focusAfter.current = { row: i, action: 'remove' };
                    removeSlide(i);
                  }}
                  aria-label={`删除第 ${i + 1} 页`}
                >
                  删除
                </button>
              </li>
            ))}
          </ol>
          <button type="button" className="primary-button" onClick={() => start()}>
            开始演示（全屏）
          </button>
          <p className="hint">
            演示中：→ / 空格 / PageDown 下一页，← / PageUp 上一页，Home / End 首末页，B 或 . 黑屏、W
            或 , 白屏（任意键恢复），Esc 退出。
          </p>
        </>
      )}
    </section>
  );
}

/**
 * Shows the view but only the chart named `chart`; says so when the chart is not there, or, while
 * the view is still loading or drawing (something in it is aria-busy: its files, its script, a
 * block not yet drawn), that it is loading. The view is laid out on the slide canvas, its charts
 * packed and the canvas zoomed to the frame (fitSlide), so every size of screen shows the whole
 * chart, at the largest type that fits.
 */
function SlideView({ chart, children }: { chart: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [found, setFound] = useState<'yes' | 'loading' | 'no'>('yes');
  const [density, setDensity] = useState(1);
  // What the fitting remembers (the density asked for, earlier measurements), read by the
  // observers between renders.
  const memo = useRef<SlideFitMemo>(newSlideFitMemo());
  // From an observer the charts are redrawn at once (flushSync), before the frame is painted:
  // otherwise one frame would show them at the old density, cut off by the slide.
  const fit = useCallback((root: HTMLElement, fromObserver: boolean) => {
    const next = fitSlide(root, memo.current);
    if (next === memo.current.density) return;
    memo.current.density = next;
    if (fromObserver) flushSync(() => setDensity(next));
    else setDensity(next);
  }, []);
  useLayoutEffect(() => {
    const root = ref.current;
    const frame = root?.parentElement;
    if (!root || !frame || typeof ResizeObserver === 'undefined') return;
    // The frame (window resized, full screen entered) and the view (a chart drawn or redrawn).
    const observer = new ResizeObserver(() => fit(root, true));
    observer.observe(frame);
    observer.observe(root);
    return () => observer.disconnect();
  }, [fit]);
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    // Another slide: its charts are drawn at the density the last one left (this render's), and
    // measured afresh from there.
    memo.current = { ...newSlideFitMemo(), density: memo.current.density };
    const mark = (fromObserver: boolean) => {
      let hit = false;
      root.querySelectorAll<HTMLElement>('figure.chart-frame').forEach((f) => {
        const match = f.dataset['chartTitle'] === chart;
        f.classList.toggle('slide-target', match);
        hit ||= match;
      });
      setFound(hit ? 'yes' : root.querySelector('[aria-busy="true"]') ? 'loading' : 'no');
      fit(root, fromObserver);
    };
    mark(false);
    // Views render their charts once their bundles arrive: re-mark (and re-fit) on DOM changes.
    const observer = new MutationObserver(() => mark(true));
    observer.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['aria-busy'],
    });
    return () => observer.disconnect();
  }, [chart, fit]);
  return (
    <div ref={ref} className="slide-view">
      <ChartDensityContext value={density}>{children}</ChartDensityContext>
      {found === 'loading' ? (
        <p className="slide-missing" role="status">
          正在加载图表“{chart}”…
        </p>
      ) : null}
      {found === 'no' ? (
        <p className="slide-missing" role="alert">
          找不到图表“{chart}”（所选单位可能没有这项数据）。
        </p>
      ) : null}
    </div>
  );
}
