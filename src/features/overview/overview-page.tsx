import { memo, useId, useMemo, useState } from 'react';
import { ErrorPanel } from '@/components/error-panel';
import { listGate } from '@/components/view-states';
import { comparisonNotes } from '@/data/compare-notes';
import { evaluateFlags } from '@/data/flag-rules';
import { thresholdValues } from '@/data/flag-thresholds';
import { entryMatches } from '@/data/labels';
import { useAppStore, useAppStoreShallow } from '@/store/app-store';
import { selectBundleStatus, selectEntries, selectFiscalYears } from '@/store/selectors';
import { useRequestBundles } from '@/store/use-request-bundles';
import type { ManifestEntry } from '@/data/load';
import { DocumentCard } from './document-card';

/** Why cards must not be added: a 部门 already contains its units (scope: 部门 vs 单位). */
const SCOPE_NOTE = '部门决算合并了其所属单位，单位决算、单位预算只含本单位。';

/**
 * Cards per page. A province has thousands of documents; a page of cards is what a reader takes
 * in at once, and only these cards' bundles are loaded.
 */
export const OVERVIEW_PAGE_SIZE = 24;

const Card = memo(DocumentCard);

/** 总览: one card per document with its headline totals, filtered and paged. */
export function OverviewPage() {
  const status = useAppStore((s) => s.status);
  const manifestError = useAppStore((s) => s.manifestError);
  const entries = useAppStore(selectEntries);
  const years = useAppStoreShallow(selectFiscalYears);
  const selectedIds = useAppStore((s) => s.selectedIds);
  const loadErrors = useAppStore((s) => s.loadErrors);
  const bundles = useAppStore((s) => s.bundles);
  const requestedIds = useAppStore((s) => s.requestedIds);
  const toggleSelected = useAppStore((s) => s.toggleSelected);
  const userEntries = useAppStore((s) => s.userEntries);
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const searchId = useId();

  const matching = useMemo(() => entries.filter((e) => entryMatches(e, query)), [entries, query]);
  const pageCount = Math.max(1, Math.ceil(matching.length / OVERVIEW_PAGE_SIZE));
  const current = Math.min(page, pageCount - 1);
  const shown = matching.slice(current * OVERVIEW_PAGE_SIZE, (current + 1) * OVERVIEW_PAGE_SIZE);
  // The cards' figures come from the manifest; their bundles only add the 疑点 counts.
  useRequestBundles(
    shown.map((e) => e.id),
    { afterPaint: true },
  );
  const paged = entries.length > OVERVIEW_PAGE_SIZE;
  const flagCounts = useFlagCounts(shown);

  const gate = listGate(
    status,
    manifestError?.message ?? null,
    entries.length,
    '数据清单中没有任何文件。请先运行导入生成数据。',
  );
  if (gate) return gate;

  const loadState = { bundles, loadErrors, requestedIds };
  const userIds = new Set(userEntries.map((u) => u.id));
  const goTo = (p: number) => setPage(Math.max(0, Math.min(pageCount - 1, p)));
  const first = current * OVERVIEW_PAGE_SIZE + 1;
  const last = current * OVERVIEW_PAGE_SIZE + shown.length;

  return (
    <section className="overview" aria-labelledby="overview-title">
      <h2 id="overview-title">总览</h2>
      <aside className="scope-note" role="note">
        <strong>口径与年度不同，数字不可相加：</strong>
        {SCOPE_NOTE}
        {comparisonNotes(shown)
          .filter((n) => n.includes('已包含'))
          .join('')}
        {`各文件年度为 ${years.map((y) => `${y}年`).join('、')}，每个数字都属于其文件的年度。`}
        请勿把各卡片的金额相加；跨口径、跨年度比较时请注意差异。
      </aside>
      <p className="view-intro">
        卡片上的占比：原文印有的照原文（点击查看所在行）；原文未印的带“※”，是本看板按原文金额算出的计算值，悬停可见算式与所依据的行。
      </p>
      {manifestError ? (
        <ErrorPanel title="数据清单加载失败" messages={[manifestError.message]} />
      ) : null}
      {paged ? (
        <div className="overview-tools">
          <label htmlFor={searchId}>筛选文件</label>
          <input
            id={searchId}
            type="search"
            value={query}
            placeholder="名称、级次、年度或类型，如：大同 2024 决算"
            onChange={(e) => {
              setQuery(e.target.value);
              setPage(0);
            }}
          />
          <nav className="pager" aria-label="总览分页">
            <button type="button" onClick={() => goTo(current - 1)} disabled={current === 0}>
              上一页
            </button>
            <span role="status">
              {matching.length === 0
                ? `没有与“${query.trim()}”匹配的文件（共 ${entries.length} 份）`
                : `第 ${current + 1} / ${pageCount} 页：第 ${first}–${last} 份，共 ${matching.length} 份${
                    matching.length < entries.length ? `（全部 ${entries.length} 份）` : ''
                  }`}
            </span>
            <button
              type="button"
              onClick={() => goTo(current + 1)}
              disabled={current >= pageCount - 1}
            >
              下一页
            </button>
          </nav>
        </div>
      ) : null}
      <div className="card-grid">
        {shown.map((entry) => (
          <Card
            key={entry.id}
            entry={entry}
            bundleStatus={selectBundleStatus(entry.id)(loadState)}
            loadError={loadErrors[entry.id]?.message ?? null}
            selected={selectedIds.includes(entry.id)}
            selectedIds={selectedIds}
            onToggle={toggleSelected}
            bundle={bundles[entry.id]}
            userLoaded={userIds.has(entry.id)}
            flagCount={flagCounts.get(entry.id)}
          />
        ))}
      </div>
    </section>
  );
}

/** 疑点 per shown document under the current thresholds (the card links to them). */
function useFlagCounts(shown: readonly ManifestEntry[]): ReadonlyMap<string, number> {
  const bundles = useAppStore((s) => s.bundles);
  const flagThresholds = useAppStore((s) => s.flagThresholds);
  const entries = useAppStore(selectEntries);
  return useMemo(() => {
    const t = thresholdValues(flagThresholds);
    // Other loaded documents give a unit's prior year (structure rule), as on the 疑点 view.
    const loaded = entries.flatMap((entry) => {
      const bundle = bundles[entry.id];
      return bundle ? [{ entry, bundle }] : [];
    });
    const today = new Date();
    const counts = new Map<string, number>();
    for (const entry of shown) {
      const bundle = bundles[entry.id];
      if (bundle === undefined) continue;
      counts.set(
        entry.id,
        evaluateFlags({ entry, bundle }, t, { today, others: loaded }).flags.length,
      );
    }
    return counts;
  }, [shown, bundles, flagThresholds, entries]);
}
