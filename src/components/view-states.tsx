/**
 * What a comparison view shows before and around its figures: loading, manifest error, no
 * documents, which units are compared, and the scope/year/kind notes (comparisonNotes).
 * Props mirror `useComparedUnits()` (src/store) so views pass its result straight in.
 */
import type { ReactNode } from 'react';
import { comparisonNotes } from '@/data/compare-notes';
import { documentLabel } from '@/data/labels';
import type { ManifestEntry } from '@/data/load';
import { ErrorPanel } from './error-panel';
import { NoteList } from './note-list';

export interface ComparedUnit {
  entry: ManifestEntry;
  bundle: unknown;
  /** Why the bundle could not be loaded; null while loading or when loaded. */
  error: string | null;
}

export interface ComparedUnits {
  status: 'idle' | 'loading' | 'ready' | 'error';
  manifestError: string | null;
  selected: boolean;
  units: readonly ComparedUnit[];
  /** Compared documents still loading before the view first showed them (see useComparedUnits). */
  waiting: number;
}

/** The manifest is still being read (aria-busy: a slide waits for it, presenter-page.tsx). */
function loadingData(): ReactNode {
  return (
    <p className="state-message" role="status" aria-busy="true">
      正在加载数据…
    </p>
  );
}

/** No manifest could be read. */
function manifestFailed(manifestError: string | null): ReactNode {
  return <ErrorPanel title="无法加载数据" messages={[manifestError ?? '未知错误']} />;
}

/** An early-return element for loading / error / empty, or null when there is data to show. */
export function viewGate({ status, manifestError, units, waiting }: ComparedUnits): ReactNode {
  if (status === 'idle' || (status === 'loading' && units.length === 0)) {
    return loadingData();
  }
  if (status === 'error') {
    return manifestFailed(manifestError);
  }
  if (units.length === 0) {
    return (
      <p className="state-message" role="status">
        没有可对比的文件：请在上方“对比单位”中选择至少一个单位（数据清单中没有文件时，请先运行导入）。
      </p>
    );
  }
  if (waiting > 0) {
    return (
      <p className="state-message" role="status" aria-busy="true">
        正在加载所选的 {units.length} 份文件（还有 {waiting} 份）…
      </p>
    );
  }
  return null;
}

/**
 * The same states for a view that lists documents rather than comparing them (总览, 明细表, 数据校验,
 * 疑点): an error panel only when no document can be shown at all, and the view's own words when
 * none is chosen. Null when there are documents to list.
 */
export function listGate(
  status: ComparedUnits['status'],
  manifestError: string | null,
  count: number,
  emptyMessage: string,
): ReactNode {
  if (status === 'idle' || (status === 'loading' && count === 0)) {
    return loadingData();
  }
  if (status === 'error' && count === 0) {
    return manifestFailed(manifestError);
  }
  if (count === 0) {
    return (
      <p className="state-message" role="status">
        {emptyMessage}
      </p>
    );
  }
  return null;
}

/**
 * Which units are shown, and what must be said about comparing them: one line (how many files,
 * how many notes, never added up) that opens to the list (a <details>, keyboard-operable).
 */
export function CompareNotes({ selected, units }: Pick<ComparedUnits, 'selected' | 'units'>) {
  const notes = comparisonNotes(units.map((u) => u.entry));
  return (
    <aside className="scope-note" role="note" aria-label="对比说明">
      <details className="notes-fold">
        <summary>
          <span className="notes-fold-count">
            {selected
              ? `已选 ${units.length} 个文件`
              : `未选择对比单位，显示全部 ${units.length} 个文件`}
            {notes.length > 0 ? `，${notes.length} 条口径说明` : ''}
            ；各单位、各年度的数字分别列示，不相加。
          </span>
        </summary>
        <p className="scope-note-line">{units.map((u) => documentLabel(u.entry)).join('；')}。</p>
        {notes.length > 0 ? (
          <ul className="scope-note-list">
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        ) : null}
      </details>
    </aside>
  );
}

/** Units whose bundle is still loading or failed: said in words, never a blank panel. */
export function UnitStatusList({ units }: { units: readonly ComparedUnit[] }) {
  const pending = units.filter((u) => u.bundle === null);
  if (pending.length === 0) return null;
  return (
    <ul className="unit-status" aria-label="未能显示的文件">
      {pending.map((u) => (
        <li key={u.entry.id} className={u.error ? 'bundle-error' : 'state-message'}>
          {documentLabel(u.entry)}：{u.error ? `加载失败——${u.error}` : '正在加载…'}
        </li>
      ))}
    </ul>
  );
}

/**
 * Why some compared units show nothing in this view (a budget has no execution figures, …), in
 * words, and a panel for each unit whose data failed to load. `what` names the view's subject.
 */
export function UnitProblems({
  label,
  what,
  messages,
  errors,
}: {
  /** Accessible name of the list of messages. */
  label: string;
  what: string;
  messages: readonly string[];
  errors: readonly { entry: ManifestEntry; message: string }[];
}) {
  return (
    <>
      <NoteList role="status" label={label} className="unit-messages" items={messages} />
      {errors.map(({ entry, message }) => (
        <ErrorPanel
          key={entry.id}
          title={`${documentLabel(entry)}：数据加载失败`}
          messages={[`无法显示该单位的${what}。${message}`]}
        />
      ))}
    </>
  );
}
