import { Money } from '@/components/money';
import { SourceLink } from '@/components/source-link';
import { documentKindLabel, documentLabel, HEADLINE_FIELDS, levelLabel } from '@/data/labels';
import type { ManifestEntry } from '@/data/load';
import type { Bundle } from '@/data/schema';
import { flagsHref, sourceHref } from '@/store/routes';
import { CardMeasures } from './card-measures';
import type { BundleStatus } from '@/store/selectors';

interface DocumentCardProps {
  entry: ManifestEntry;
  bundleStatus: BundleStatus;
  loadError: string | null;
  selected: boolean;
  selectedIds: readonly string[];
  onToggle: (id: string) => void;
  /** The full bundle once loaded: the card then shows its detailed measures. */
  bundle?: Bundle | undefined;
  /** Loaded by the user from disk (数据文件), not shipped with the app. */
  userLoaded?: boolean;
  /** 疑点 under the current thresholds, once the bundle is loaded (links to the 疑点 view). */
  flagCount?: number | undefined;
}

/** One disclosure document: who, what kind, which year, and its headline totals in 万元. */
export function DocumentCard({
  entry,
  bundleStatus,
  loadError,
  selected,
  selectedIds,
  onToggle,
  bundle,
  userLoaded = false,
  flagCount,
}: DocumentCardProps) {
  const headingId = `card-${entry.id}`;
  const doc = documentLabel(entry);
  const { findings } = entry.headline;
  return (
    <article className="doc-card" aria-labelledby={headingId}>
      <header className="doc-card-head">
        <h3 id={headingId}>{entry.unit.name}</h3>
        <p className="doc-card-kind">{documentKindLabel(entry)}</p>
        <ul className="tags" aria-label="文件属性">
          <li title="级次">{levelLabel(entry.unit)}</li>
          <li title="口径">{entry.unit.scope}</li>
          <li title="类型">{entry.kind}</li>
          <li title="年度">{entry.fiscalYear}年</li>
          {userLoaded ? <li title="由用户从本机导入，不是看板自带的数据">用户导入</li> : null}
        </ul>
      </header>
      <dl className="headline">
        {HEADLINE_FIELDS.map(({ key, label }) => {
          const fig = entry.headline[key];
          return (
            <div key={key} className="headline-row">
              <dt>{label}</dt>
              <dd>
                {fig ? (
                  <SourceLink
                    href={sourceHref(entry.id, fig.line, selectedIds, fig.printedAs ?? fig.v)}
                    document={doc}
                    line={fig.line}
                  >
                    <Money value={fig.v} />
                  </SourceLink>
                ) : (
                  <span title="原文未列出此项">
                    <Money value={null} />
                  </span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      <p className="unit-note">单位：万元</p>
      {bundle !== undefined ? (
        <CardMeasures
          bundle={bundle}
          document={doc}
          hrefFor={(line, text) => sourceHref(entry.id, line, selectedIds, text)}
        />
      ) : null}
      <footer className="doc-card-foot">
        <label className="select-toggle">
          <input type="checkbox" checked={selected} onChange={() => onToggle(entry.id)} />
          加入对比
        </label>
        <span className="findings" title="导入时发现的问题（错误 / 警告 / 提示）">
          校验：错误 {findings.error} · 警告 {findings.warning} · 提示 {findings.info}
        </span>
        {flagCount !== undefined ? (
          <a
            className="flag-count-link"
            href={flagsHref(entry.id, selectedIds)}
            title="按当前阈值筛出的需要提问的项目（点击查看本文件的疑点）"
          >
            疑点 {flagCount} 条
          </a>
        ) : null}
        {bundleStatus === 'loading' || bundleStatus === 'idle' ? (
          <span className="bundle-status">明细加载中…</span>
        ) : null}
        {loadError ? (
          <p className="bundle-error" role="alert">
            {loadError}
          </p>
        ) : null}
      </footer>
    </article>
  );
}
