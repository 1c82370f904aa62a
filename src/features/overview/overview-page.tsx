import { ErrorPanel } from '@/components/error-panel';
import { useAppStore, useAppStoreShallow } from '@/store/app-store';
import { selectEntries, selectFiscalYears } from '@/store/selectors';
import type { BundleStatus } from '@/store/selectors';
import { comparisonNotes } from '@/data/compare-notes';
import { DocumentCard } from './document-card';

/** Why cards must not be added: a 部门 already contains its units (DOMAIN.md, "Scope matters"). */
const SCOPE_NOTE = '部门决算合并了其所属单位，单位决算、单位预算只含本单位。';

/** 总览: one card per document with its headline totals (issue #2). */
export function OverviewPage() {
  const status = useAppStore((s) => s.status);
  const manifestError = useAppStore((s) => s.manifestError);
  const entries = useAppStore(selectEntries);
  const years = useAppStoreShallow(selectFiscalYears);
  const selectedIds = useAppStore((s) => s.selectedIds);
  const loadErrors = useAppStore((s) => s.loadErrors);
  const bundles = useAppStore((s) => s.bundles);
  const toggleSelected = useAppStore((s) => s.toggleSelected);
  const userEntries = useAppStore((s) => s.userEntries);

  if (status === 'idle' || (status === 'loading' && entries.length === 0)) {
    return (
      <p className="state-message" role="status">
        正在加载数据…
      </p>
    );
  }
  if (status === 'error' || (manifestError && entries.length === 0)) {
    return <ErrorPanel title="无法加载数据" messages={[manifestError?.message ?? '未知错误']} />;
  }
  if (entries.length === 0) {
    return (
      <p className="state-message" role="status">
        数据清单中没有任何文件。请先运行导入生成数据。
      </p>
    );
  }

  const statusOf = (id: string): BundleStatus =>
    bundles[id] ? 'loaded' : loadErrors[id] ? 'error' : 'loading';

  return (
    <section className="overview" aria-labelledby="overview-title">
      <h2 id="overview-title">总览</h2>
      <aside className="scope-note" role="note">
        <strong>口径与年度不同，数字不可相加：</strong>
        {SCOPE_NOTE}
        {comparisonNotes(entries)
          .filter((n) => n.includes('已包含'))
          .join('')}
        {`各文件年度为 ${years.map((y) => `${y}年`).join('、')}，每个数字都属于其文件的年度。`}
        请勿把各卡片的金额相加；跨口径、跨年度比较时请注意差异。
      </aside>
      {manifestError ? (
        <ErrorPanel title="重新加载数据清单失败" messages={[manifestError.message]} />
      ) : null}
      <div className="card-grid">
        {entries.map((entry) => (
          <DocumentCard
            key={entry.id}
            entry={entry}
            bundleStatus={statusOf(entry.id)}
            loadError={loadErrors[entry.id]?.message ?? null}
            selected={selectedIds.includes(entry.id)}
            selectedIds={selectedIds}
            onToggle={toggleSelected}
            bundle={bundles[entry.id]}
            userLoaded={userEntries.some((u) => u.id === entry.id)}
          />
        ))}
      </div>
    </section>
  );
}
