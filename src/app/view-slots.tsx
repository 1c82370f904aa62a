/**
 * The views under the navigation: the current one, and the comparison views kept drawn but hidden.
 *
 * Why keep views (view switch ≤ 100 ms at 500 units): a newly mounted recharts chart is
 * drawn in two passes, its shell and then, in a task of its own, its bars (registered by effects).
 * Measured at 500 units, a first visit to 预算执行 took 175 ms, 60–90 ms of it in recharts'
 * second pass, whatever the chart's size. A view that is already drawn is shown with a style
 * change and a layout.
 *
 * - A comparison view (and the overview), once drawn, stays mounted when the user leaves it:
 *   hidden (`data-parked`: not rendered, out of the flow, inert, not printed) and parked
 *   (src/store/parked-view.ts): it reads a snapshot of the store and catches up in idle time.
 * - Views the user has not opened yet are drawn hidden in idle time after the data is ready, one
 *   per idle period (src/components/idle-queue.ts), in navigation order. `?prerender=0` in the
 *   address turns this off (the benchmark measures first visits with it).
 * - Source, data files and presenter views are not kept: each reads its own state on mount
 *   (target line, file list, full screen). They unmount after the next paint (useLingering).
 *
 * Off in tests unless a test turns it on: views then mount and unmount as they always did.
 */
import { memo, startTransition, useEffect, useLayoutEffect, useState } from 'react';
import { deferredPending } from '@/components/deferred';
import { whenIdleInTurn } from '@/components/idle-queue';
import { useLingering } from '@/components/linger';
import { ChecksPage } from '@/features/checks/checks-page';
import { DataFilesPage } from '@/features/data-files/data-files-page';
import { ExecutionPage } from '@/features/execution/execution-page';
import { MatrixPage } from '@/features/matrix/matrix-page';
import { FlagsPage } from '@/features/flags/flags-page';
import { OverviewPage } from '@/features/overview/overview-page';
import { PerformancePage } from '@/features/performance/performance-page';
import { PresenterPage } from '@/features/presenter/presenter-page';
import { SangongPage } from '@/features/sangong/sangong-page';
import { TablesPage } from '@/features/tables/tables-page';
import { YoyPage } from '@/features/yoy/yoy-page';
import { SourcePage } from '@/features/sources/source-page';
import { useAppStore } from '@/store/app-store';
import { ParkedView, ParkedViewContext } from '@/store/parked-view';
import { COMPARISON_VIEWS, VIEW_NAMES } from '@/store/types';
import type { ViewName } from '@/store/types';
import { ErrorBoundary } from './error-boundary';

/** Kept drawn once shown; the comparison views are also drawn ahead, in navigation order. */
const KEPT_VIEWS: ReadonlySet<ViewName> = new Set<ViewName>(['overview', ...COMPARISON_VIEWS]);

let parkingOn = false;

/** The browser entry turns keeping views on; tests may too (and off again). */
export function setViewParking(on: boolean): void {
  parkingOn = on;
}

function prerenderAllowed(): boolean {
  return (
    typeof window === 'undefined' ||
    new URLSearchParams(window.location.search).get('prerender') !== '0'
  );
}

type SlotMode = 'current' | 'parked' | 'leaving';

export function ViewSlots({ view }: { view: ViewName }) {
  const parking = parkingOn;
  const keep = parking && KEPT_VIEWS.has(view);
  const [kept, setKept] = useState<readonly ViewName[]>(() => (keep ? [view] : []));
  let keptNow = kept;
  if (keep && !kept.includes(view)) {
    keptNow = [...kept, view];
    // Derived state, set while rendering: React renders again at once, before committing.
    setKept(keptNow);
  }
  const [gates] = useState(
    () => new Map([...KEPT_VIEWS].map((v) => [v, new ParkedView(useAppStore, whenIdleInTurn)])),
  );
  const gateOf = (v: ViewName): ParkedView | null => (parking ? (gates.get(v) ?? null) : null);
  const lingering = useLingering(keep ? [] : [view], String);
  const leaving = new Set(lingering.filter((l) => l.leaving).map((l) => l.item));
  usePrerender(parking, keptNow, setKept);

  return VIEW_NAMES.map((v) => {
    const mode: SlotMode | null =
      v === view ? 'current' : keptNow.includes(v) ? 'parked' : leaving.has(v) ? 'leaving' : null;
    return mode === null ? null : <Slot key={v} view={v} mode={mode} gate={gateOf(v)} />;
  });
}

/**
 * Once the data is ready, no bundle is loading and the page is idle, draws the next view not yet
 * drawn, hidden.
 */
function usePrerender(
  parking: boolean,
  kept: readonly ViewName[],
  setKept: (update: (k: readonly ViewName[]) => readonly ViewName[]) => void,
): void {
  // Ready, and no bundle on its way: drawing ahead must not hold up the overview's own cards (and
  // the views it draws then find the bundles they compare already loaded).
  const ready = useAppStore(
    (s) =>
      s.status === 'ready' &&
      Object.keys(s.requestedIds).every((id) => id in s.bundles || id in s.loadErrors),
  );
  const next = COMPARISON_VIEWS.find((v) => !kept.includes(v));
  useEffect(() => {
    if (!parking || !ready || next === undefined || !prerenderAllowed()) return;
    let cancel = () => {};
    const attempt = () => {
      // A view is still drawing its blocks: wait until it is done.
      if (deferredPending()) {
        cancel = whenIdleInTurn(attempt);
        return;
      }
      startTransition(() => setKept((k) => (k.includes(next) ? k : [...k, next])));
    };
    cancel = whenIdleInTurn(attempt);
    return () => cancel();
  }, [parking, ready, next, setKept]);
}

function Slot({ view, mode, gate }: { view: ViewName; mode: SlotMode; gate: ParkedView | null }) {
  // Before the frame is painted: a view shown again catches up with the store in this commit.
  useLayoutEffect(() => {
    if (gate === null) return;
    if (mode === 'parked') gate.park();
    else gate.unpark();
  }, [gate, mode]);
  // An error panel clears when the user leaves the view or comes back (the view mounts afresh).
  const content = (
    <ErrorBoundary resetKey={mode}>
      <CurrentView view={view} />
    </ErrorBoundary>
  );
  return (
    <div
      className="view-slot"
      inert={mode !== 'current'}
      aria-hidden={mode !== 'current' || undefined}
      data-leaving={mode === 'leaving' || undefined}
      data-parked={mode === 'parked' || undefined}
    >
      {gate === null ? (
        content
      ) : (
        <ParkedViewContext.Provider value={gate}>{content}</ParkedViewContext.Provider>
      )}
    </div>
  );
}

/** Memoised: a hidden or leaving view is not rendered again when its slot changes. */
export const CurrentView = memo(function CurrentView({ view }: { view: ViewName }) {
  switch (view) {
    case 'overview':
      return <OverviewPage />;
    case 'source':
      return <SourcePage />;
    case 'execution':
      return <ExecutionPage />;
    case 'yoy':
      return <YoyPage />;
    case 'sangong':
      return <SangongPage />;
    case 'performance':
      return <PerformancePage />;
    case 'tables':
      return <TablesPage />;
    case 'checks':
      return <ChecksPage />;
    case 'matrix':
      return <MatrixPage />;
    case 'flags':
      return <FlagsPage />;
    case 'data':
      return <DataFilesPage />;
    case 'present':
      return <PresenterPage renderView={renderSlideView} />;
  }
});

/** A slide shows a view page; the presenter gets it from here so features never import each other. */
function renderSlideView(view: ViewName) {
  return view === 'present' || view === 'data' ? null : <CurrentView view={view} />;
}
