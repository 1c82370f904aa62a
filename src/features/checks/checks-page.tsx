import { useId, useMemo, useState } from 'react';
import { ClearFiltersButton } from '@/components/clear-filters';
import { listGate } from '@/components/view-states';
import { documentLabel } from '@/data/labels';
import type { ManifestEntry } from '@/data/load';
import { useAppStore, useAppStoreShallow } from '@/store/app-store';
import { selectComparedEntries } from '@/store/selectors';
import { useRequestBundles } from '@/store/use-request-bundles';
import { useSourceHref } from '@/store/use-source-href';
import {
  KINDS,
  KIND_LABEL,
  NO_FILTER,
  SEVERITIES,
  SEVERITY_ICON,
  SEVERITY_LABEL,
  SEVERITY_MEANING,
  addCounts,
  collectFindings,
  countBySeverity,
  filterFindings,
  isFindingKind,
  isSeverity,
} from './checks-data';
import type { CheckedDocument, FindingFilter, SeverityCounts } from './checks-data';
import { FindingsTable } from './findings-table';
import { SeverityBadge } from './severity-badge';
import './checks.css';

/** 数据校验: every consistency finding of the compared documents, filterable, linked to its lines. */
export function ChecksPage() {
  const status = useAppStore((s) => s.status);
  const manifestError = useAppStore((s) => s.manifestError);
  const entries = useAppStoreShallow(selectComparedEntries);
  useRequestBundles(entries.map((e) => e.id));
  const bundles = useAppStore((s) => s.bundles);
  const loadErrors = useAppStore((s) => s.loadErrors);
  const sourceHref = useSourceHref();
  const [filter, setFilter] = useState<FindingFilter>(NO_FILTER);

  const docs = useMemo<CheckedDocument[]>(
    () =>
      entries.flatMap((e) => {
        const b = bundles[e.id];
        return b ? [{ id: e.id, label: documentLabel(e), findings: b.findings }] : [];
      }),
    [entries, bundles],
  );
  const all = useMemo(() => collectFindings(docs), [docs]);
  // A unit filter for a document no longer compared falls back to all compared documents.
  const docId = entries.some((e) => e.id === filter.docId) ? filter.docId : 'all';
  const effective = useMemo<FindingFilter>(
    () => ({ docId, severity: filter.severity, kind: filter.kind }),
    [docId, filter.severity, filter.kind],
  );
  const shown = useMemo(() => filterFindings(all, effective), [all, effective]);

  let body = listGate(
    status,
    manifestError?.message ?? null,
    entries.length,
    '没有可校验的文件：数据清单为空，或所选单位不在清单中。',
  );
  if (body === null) {
    body = (
      <>
        <SeverityLegend />
        <CountsTable
          entries={entries}
          docs={docs}
          loadErrors={loadErrors}
          onPick={(docId, severity) => setFilter({ docId, severity, kind: 'all' })}
        />
        <Filters entries={entries} filter={effective} onChange={setFilter} />
        <p className="checks-status" role="status" aria-live="polite">
          显示 {shown.length} 条，共 {all.length} 条。
        </p>
        {all.length === 0 ? (
          <p className="state-message">
            {docs.length === 0 ? '所选文件的明细仍在加载中。' : '所选文件没有任何校验发现。'}
          </p>
        ) : shown.length === 0 ? (
          <p className="state-message">没有符合筛选条件的校验结果，请放宽筛选。</p>
        ) : (
          <FindingsTable rows={shown} total={all.length} sourceHref={sourceHref} />
        )}
      </>
    );
  }

  return (
    <section className="checks-page" aria-labelledby="checks-title">
      <h2 id="checks-title">数据校验</h2>
      {body}
    </section>
  );
}

/** What each severity means; 提示 is a rounding difference the documents themselves allow. */
function SeverityLegend() {
  return (
    <dl className="severity-legend" aria-label="严重程度说明">
      {SEVERITIES.map((s) => (
        <div key={s}>
          <dt>
            <SeverityBadge severity={s} />
          </dt>
          <dd>{SEVERITY_MEANING[s]}</dd>
        </div>
      ))}
    </dl>
  );
}

interface CountsTableProps {
  entries: readonly ManifestEntry[];
  docs: readonly CheckedDocument[];
  loadErrors: Record<string, { message: string }>;
  onPick: (docId: string, severity: FindingFilter['severity']) => void;
}

/** Findings per document × severity; a non-zero count is a button that filters the list to it. */
function CountsTable({ entries, docs, loadErrors, onPick }: CountsTableProps) {
  const counts = new Map(docs.map((d) => [d.id, countBySeverity(d.findings)]));
  const total = addCounts([...counts.values()]);
  const cell = (docId: string, label: string, c: SeverityCounts, s: FindingFilter['severity']) => {
    const n = s === 'all' ? c.total : c[s];
    if (n === 0) return <span className="count-zero">0</span>;
    const what = s === 'all' ? '全部' : SEVERITY_LABEL[s];
    return (
      <button
        type="button"
        className="count-button"
        onClick={() => onPick(docId, s)}
        aria-label={`${label}：${what} ${n} 条（点击筛选）`}
      >
        {n}
      </button>
    );
  };
  return (
    <div className="counts-wrap">
      <table className="counts-table">
        <caption>各文件校验结果数（点击数字筛选下方列表）</caption>
        <thead>
          <tr>
            <th scope="col">文件</th>
            {SEVERITIES.map((s) => (
              <th key={s} scope="col">
                <SeverityBadge severity={s} />
              </th>
            ))}
            <th scope="col">合计</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const label = documentLabel(e);
            const c = counts.get(e.id);
            return (
              <tr key={e.id}>
                <th scope="row">{label}</th>
                {c ? (
                  <>
                    {SEVERITIES.map((s) => (
                      <td key={s}>{cell(e.id, label, c, s)}</td>
                    ))}
                    <td>{cell(e.id, label, c, 'all')}</td>
                  </>
                ) : (
                  <td colSpan={SEVERITIES.length + 1} className="count-pending">
                    {loadErrors[e.id] ? `加载失败：${loadErrors[e.id]?.message ?? ''}` : '加载中…'}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
        {entries.length > 1 ? (
          <tfoot>
            <tr>
              <th scope="row">合计（{docs.length} 个文件）</th>
              {SEVERITIES.map((s) => (
                <td key={s}>{total[s]}</td>
              ))}
              <td>{total.total}</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

interface FiltersProps {
  entries: readonly ManifestEntry[];
  filter: FindingFilter;
  onChange: (f: FindingFilter) => void;
}

/** The three filters as real form controls (select), plus a reset. */
function Filters({ entries, filter, onChange }: FiltersProps) {
  const ids = { doc: useId(), severity: useId(), kind: useId() };
  const filtered = filter.docId !== 'all' || filter.severity !== 'all' || filter.kind !== 'all';
  return (
    <form
      className="checks-filters"
      role="search"
      aria-label="筛选校验结果"
      onSubmit={(e) => e.preventDefault()}
    >
      <div>
        <label htmlFor={ids.doc}>单位</label>
        <select
          id={ids.doc}
          value={filter.docId}
          onChange={(e) => onChange({ ...filter, docId: e.target.value })}
        >
          <option value="all">全部（{entries.length} 个文件）</option>
          {entries.map((e) => (
            <option key={e.id} value={e.id}>
              {documentLabel(e)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={ids.severity}>严重程度</label>
        <select
          id={ids.severity}
          value={filter.severity}
          onChange={(e) => {
            const v = e.target.value;
            onChange({ ...filter, severity: isSeverity(v) ? v : 'all' });
          }}
        >
          <option value="all">全部</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_ICON[s]} {SEVERITY_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={ids.kind}>类型</label>
        <select
          id={ids.kind}
          value={filter.kind}
          onChange={(e) => {
            const v = e.target.value;
            onChange({ ...filter, kind: isFindingKind(v) ? v : 'all' });
          }}
        >
          <option value="all">全部</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </div>
      <ClearFiltersButton filtered={filtered} onClear={() => onChange(NO_FILTER)} />
    </form>
  );
}
