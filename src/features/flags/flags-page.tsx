/**
 * 疑点: every item of the compared documents that one of the rules picks out for a question, with
 * the figures that trip it (each linked to its line), filterable by rule, unit and severity. The
 * thresholds are editable here and kept in the address (src/store/routes.ts).
 */
import { ClearFiltersButton } from '@/components/clear-filters';
import { useId, useMemo, useState } from 'react';
import { listGate } from '@/components/view-states';
import { NoteList } from '@/components/note-list';
import { RULE_INFO, SEVERITY_INFO } from '@/data/flag-rules';
import type { FlagDocument } from '@/data/flag-rules';
import {
  FLAG_RULES,
  FLAG_SEVERITIES,
  FLAG_THRESHOLDS,
  THRESHOLD_KEYS,
  isFlagRule,
  isFlagSeverity,
  thresholdValues,
} from '@/data/flag-thresholds';
import type { ThresholdValues } from '@/data/flag-thresholds';
import { documentLabel } from '@/data/labels';
import type { ManifestEntry } from '@/data/load';
import { useAppStore, useAppStoreShallow } from '@/store/app-store';
import { viewHref } from '@/store/routes';
import { selectComparedEntries, selectEntries } from '@/store/selectors';
import { useRequestBundles } from '@/store/use-request-bundles';
import { useSourceHref } from '@/store/use-source-href';
import { collectFlags, countBy, filterFlags } from './flags-data';
import type { FlagDocInput, FlagFilter } from './flags-data';
import { FlagsOverview } from './flags-overview';
import { FlagsTable } from './flags-table';
import { RulesPanel } from './rules-panel';
import { FLAG_SEVERITY_ICON, FlagSeverityBadge } from './severity';
import './flags.css';

/** The thresholds in force as one line (captions, exports). */
export function thresholdSummary(t: ThresholdValues): string {
  return THRESHOLD_KEYS.map((k) => {
    const s = FLAG_THRESHOLDS[k];
    return `${s.label}${t[k]}${s.unit}`;
  }).join('；');
}

/** The same unit's documents one year before the compared ones (prior-year shares). */
function priorEntries(
  compared: readonly ManifestEntry[],
  all: readonly ManifestEntry[],
): ManifestEntry[] {
  return all.filter(
    (e) =>
      !compared.includes(e) &&
      compared.some(
        (c) =>
          c.unit.name === e.unit.name &&
          c.unit.scope === e.unit.scope &&
          c.kind === e.kind &&
          c.fiscalYear - 1 === e.fiscalYear,
      ),
  );
}

export function FlagsPage() {
  const status = useAppStore((s) => s.status);
  const manifestError = useAppStore((s) => s.manifestError);
  const compared = useAppStoreShallow(selectComparedEntries);
  const all = useAppStoreShallow(selectEntries);
  const flagUnit = useAppStore((s) => s.flagUnit);
  const flagRule = useAppStore((s) => s.flagRule);
  const flagSeverity = useAppStore((s) => s.flagSeverity);
  const flagThresholds = useAppStore((s) => s.flagThresholds);
  const setFlagView = useAppStore((s) => s.setFlagView);
  const displayUnit = useAppStore((s) => s.displayUnit);
  const selectedIds = useAppStore((s) => s.selectedIds);
  const bundles = useAppStore((s) => s.bundles);
  const loadErrors = useAppStore((s) => s.loadErrors);
  const hrefFor = useSourceHref();
  const [today] = useState(() => new Date());

  // A unit asked for by a link (a 总览 card's count) is listed even when not among the compared.
  const asked = flagUnit === null ? undefined : all.find((e) => e.id === flagUnit);
  const entries = useMemo(
    () => (asked === undefined || compared.includes(asked) ? compared : [...compared, asked]),
    [compared, asked],
  );
  const priors = useMemo(() => priorEntries(entries, all), [entries, all]);
  useRequestBundles([...entries, ...priors].map((e) => e.id));

  const thresholds = useMemo(() => thresholdValues(flagThresholds), [flagThresholds]);
  const docs = useMemo<FlagDocInput[]>(
    () =>
      entries.flatMap((entry) => {
        const bundle = bundles[entry.id];
        return bundle ? [{ entry, bundle }] : [];
      }),
    [entries, bundles],
  );
  const priorDocs = useMemo<FlagDocument[]>(
    () =>
      priors.flatMap((entry) => {
        const bundle = bundles[entry.id];
        return bundle ? [{ entry, bundle }] : [];
      }),
    [priors, bundles],
  );
  const list = useMemo(
    () => collectFlags(docs, thresholds, { today }, priorDocs),
    [docs, thresholds, today, priorDocs],
  );
  const filter: FlagFilter = {
    unit: asked === undefined ? null : asked.id,
    rule: flagRule,
    severity: flagSeverity,
  };
  const shown = filterFlags(list.rows, filter);
  const ruleCounts = useMemo(() => countBy(list.rows, (r) => r.rule), [list.rows]);
  const pending = entries.filter((e) => bundles[e.id] === undefined);

  let body = listGate(
    status,
    manifestError?.message ?? null,
    entries.length,
    '没有可筛查的文件：数据清单为空，或所选单位不在清单中。',
  );
  if (body === null) {
    const filterWords = [
      flagRule === null ? null : `规则：${RULE_INFO[flagRule].name}`,
      flagSeverity === null ? null : `严重程度：${SEVERITY_INFO[flagSeverity].label}`,
    ].filter(Boolean);
    const caption = `${new Set(shown.map((r) => r.docId)).size} 个文件${
      filterWords.length > 0 ? `（${filterWords.join('，')}）` : ''
    } · 阈值：${thresholdSummary(thresholds)}`;
    body = (
      <>
        <p className="flags-intro">
          按下列规则，在所选单位（未选择时为全部文件）中找出需要提问的项目。每条疑点列出触发它的原文数字（点击查看原文）；疑点不是结论，文件里的“数据校验”问题仍在“数据校验”中列出。
        </p>
        <SeverityLegend />
        <Filters
          entries={entries}
          filter={filter}
          onChange={(f) =>
            setFlagView({ flagUnit: f.unit, flagRule: f.rule, flagSeverity: f.severity })
          }
        />
        <p className="flags-status" role="status" aria-live="polite">
          显示 {shown.length} 条，共 {list.rows.length} 条（阈值：{thresholdSummary(thresholds)}）。
          {pending.length > 0
            ? ` ${pending
                .map((e) =>
                  loadErrors[e.id]
                    ? `${documentLabel(e)}加载失败：${loadErrors[e.id]?.message ?? ''}`
                    : `${documentLabel(e)}加载中…`,
                )
                .join('；')}`
            : ''}
        </p>
        {list.rows.length === 0 ? (
          <p className="state-message">
            {docs.length === 0 ? '所选文件的明细仍在加载中。' : '按当前阈值，所选文件没有疑点。'}
          </p>
        ) : shown.length === 0 ? (
          <p className="state-message">没有符合筛选条件的疑点，请放宽筛选。</p>
        ) : (
          <>
            <FlagsOverview rows={shown} caption={caption} />
            <FlagsTable
              rows={shown}
              total={list.rows.length}
              hrefFor={hrefFor}
              displayUnit={displayUnit}
              checksHref={viewHref('checks', selectedIds)}
            />
          </>
        )}
        <NoteList
          role="note"
          label="未能核对的规则"
          className="scope-notes"
          items={list.gaps
            .filter((g) => filter.unit === null || g.docId === filter.unit)
            .filter((g) => filter.rule === null || g.rule === filter.rule)
            .map((g) => `${g.docLabel}：${RULE_INFO[g.rule].name}——${g.text}`)}
        />
        <RulesPanel
          thresholds={flagThresholds}
          counts={ruleCounts}
          onChange={(t) => setFlagView({ flagThresholds: t })}
        />
      </>
    );
  }

  return (
    <section className="flags-page" aria-labelledby="flags-title">
      <h2 id="flags-title">疑点</h2>
      {body}
    </section>
  );
}

function SeverityLegend() {
  return (
    <dl className="flag-severity-legend" aria-label="严重程度说明">
      {FLAG_SEVERITIES.map((s) => (
        <div key={s}>
          <dt>
            <FlagSeverityBadge severity={s} />
          </dt>
          <dd>{SEVERITY_INFO[s].meaning}</dd>
        </div>
      ))}
    </dl>
  );
}

/** In-page jump without touching the hash (the hash is the route). */
function jumpToRules() {
  const target = document.getElementById('flag-rules-title');
  target?.scrollIntoView({ block: 'start' });
  target
    ?.closest('section')
    ?.querySelector<HTMLInputElement>('input')
    ?.focus({ preventScroll: true });
}

interface FiltersProps {
  entries: readonly ManifestEntry[];
  filter: FlagFilter;
  onChange: (f: FlagFilter) => void;
}

/** Rule, unit and severity as real form controls, plus a reset. */
function Filters({ entries, filter, onChange }: FiltersProps) {
  const ids = { unit: useId(), rule: useId(), severity: useId() };
  const filtered = filter.unit !== null || filter.rule !== null || filter.severity !== null;
  return (
    <form
      className="flags-filters"
      role="search"
      aria-label="筛选疑点"
      onSubmit={(e) => e.preventDefault()}
    >
      <div>
        <label htmlFor={ids.rule}>规则</label>
        <select
          id={ids.rule}
          value={filter.rule ?? 'all'}
          onChange={(e) => {
            const v = e.target.value;
            onChange({ ...filter, rule: isFlagRule(v) ? v : null });
          }}
        >
          <option value="all">全部规则</option>
          {FLAG_RULES.map((r) => (
            <option key={r} value={r}>
              {RULE_INFO[r].name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={ids.unit}>单位</label>
        <select
          id={ids.unit}
          value={filter.unit ?? 'all'}
          onChange={(e) => {
            const v = e.target.value;
            onChange({ ...filter, unit: entries.some((x) => x.id === v) ? v : null });
          }}
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
          value={filter.severity ?? 'all'}
          onChange={(e) => {
            const v = e.target.value;
            onChange({ ...filter, severity: isFlagSeverity(v) ? v : null });
          }}
        >
          <option value="all">全部</option>
          {FLAG_SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {FLAG_SEVERITY_ICON[s]} {SEVERITY_INFO[s].label}
            </option>
          ))}
        </select>
      </div>
      <ClearFiltersButton
        filtered={filtered}
        onClear={() => onChange({ unit: null, rule: null, severity: null })}
      />
      <button type="button" className="link-button" onClick={jumpToRules}>
        规则说明与阈值修改 ↓
      </button>
    </form>
  );
}
