import { useId, useMemo } from 'react';
import { ErrorPanel } from '@/components/error-panel';
import { listGate } from '@/components/view-states';
import { documentLabel } from '@/data/labels';
import { useAppStore, useAppStoreShallow } from '@/store/app-store';
import { selectComparedEntries } from '@/store/selectors';
import { useRequestBundles } from '@/store/use-request-bundles';
import { useSourceHref } from '@/store/use-source-href';
import { DocumentNotes } from './document-notes';
import { TableTabs, tabDomId } from './table-tabs';
import { TableView } from './table-view';
import { tableTabs } from './tables-data';
import './tables.css';

/** 明细表: every standard table of one chosen document, as printed, each figure linked to its line. */
export function TablesPage() {
  const status = useAppStore((s) => s.status);
  const manifestError = useAppStore((s) => s.manifestError);
  const entries = useAppStoreShallow(selectComparedEntries);
  const bundles = useAppStore((s) => s.bundles);
  const loadErrors = useAppStore((s) => s.loadErrors);
  const displayUnit = useAppStore((s) => s.displayUnit);
  const sourceHref = useSourceHref();
  // The choice lives in the store, so the address carries it (#/tables?doc=…&table=…).
  const chosenDoc = useAppStore((s) => s.tableDoc);
  const chosenTable = useAppStore((s) => s.tableId);
  const chooseTableDoc = useAppStore((s) => s.chooseTableDoc);
  const chooseTable = useAppStore((s) => s.chooseTable);
  const selectId = useId();
  const panelId = useId();

  // The chosen document while it is compared, else the first compared one.
  const entry = entries.find((e) => e.id === chosenDoc) ?? entries[0];
  const bundle = entry ? bundles[entry.id] : undefined;
  // Only the document on screen: the others load when chosen.
  useRequestBundles(entry ? [entry.id] : []);
  const tabs = useMemo(() => (bundle ? tableTabs(bundle) : []), [bundle]);
  const hrefFor = useMemo(() => (entry ? sourceHref(entry.id) : null), [entry, sourceHref]);

  let body;
  const gate = listGate(
    status,
    manifestError?.message ?? null,
    entries.length,
    '没有可显示的文件：数据清单为空，或所选单位不在清单中。',
  );
  // Past the gate there is a compared document, so `entry` (and its link builder) is set.
  if (gate || !entry || !hrefFor) {
    body = gate;
  } else {
    const doc = documentLabel(entry);
    const loadError = loadErrors[entry.id];
    const tab = tabs.find((t) => t.id === chosenTable) ?? tabs.find((t) => t.present) ?? tabs[0];
    const table = bundle && tab ? bundle.tables.find((t) => t.id === tab.id) : undefined;
    body = (
      <>
        <div className="tables-controls">
          <label htmlFor={selectId}>文件</label>
          <select id={selectId} value={entry.id} onChange={(e) => chooseTableDoc(e.target.value)}>
            {entries.map((e) => (
              <option key={e.id} value={e.id}>
                {documentLabel(e)}
              </option>
            ))}
          </select>
          <span className="tables-controls-note">
            可在上方“对比单位”中选择单位；每次显示一个文件的全部明细表。
          </span>
        </div>
        {bundle === undefined ? (
          loadError ? (
            <ErrorPanel title={`无法加载 ${doc} 的明细`} messages={[loadError.message]} />
          ) : (
            <p className="state-message" role="status">
              正在加载 {doc} 的明细…
            </p>
          )
        ) : tabs.length === 0 || !tab ? (
          <p className="state-message" role="status">
            {doc} 中没有可显示的明细表。
          </p>
        ) : (
          <div className="tables-layout">
            <TableTabs tabs={tabs} selectedId={tab.id} onSelect={chooseTable} panelId={panelId} />
            <div
              role="tabpanel"
              id={panelId}
              aria-labelledby={tabDomId(tab.id)}
              className="tables-panel"
            >
              {table ? (
                <TableView
                  key={`${entry.id}/${table.id}`}
                  table={table}
                  document={doc}
                  scope={entry.unit.scope}
                  displayUnit={displayUnit}
                  hrefFor={hrefFor}
                />
              ) : (
                <p className="no-data-fact" role="note">
                  {doc} 中没有找到表 {tab.id}：导入时未在原文中识别出此表。
                </p>
              )}
              <DocumentNotes bundle={bundle} document={doc} hrefFor={hrefFor} />
            </div>
          </div>
        )}
      </>
    );
  }

  return (
    <section className="tables-page" aria-labelledby="tables-title">
      <h2 id="tables-title">明细表</h2>
      {body}
    </section>
  );
}
