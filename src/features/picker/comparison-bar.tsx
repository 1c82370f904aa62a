/**
 * The comparison bar above every comparison view: which units are compared (each shown with
 * level, scope, kind and year) and the display options (万元/元, amounts/shares).
 * Folded to one summary line by default (a <details>, so the keyboard opens it with Enter or
 * Space): open, its five-document list and options took a third of a 1280×720 screen and pushed
 * every chart below the fold.
 */
import { useId, useMemo, useState } from 'react';
import { documentKindLabel, entryMatches, levelLabel } from '@/data/labels';
import { useAppStore, useAppStoreShallow } from '@/store/app-store';
import {
  DEFAULT_COMPARED_LIMIT,
  selectEntries,
  selectKnownSelected,
  selectUnknownSelected,
} from '@/store/selectors';

/**
 * Up to this many documents the picker lists them all; beyond it (a province's thousands) it
 * lists the selected ones and the first this-many that match a search.
 */
export const PICKER_LIST_LIMIT = 30;

export function ComparisonBar({ showMode = true }: { showMode?: boolean }) {
  const entries = useAppStoreShallow(selectEntries);
  const selectedIds = useAppStore((s) => s.selectedIds);
  const known = useAppStoreShallow(selectKnownSelected);
  const unknown = useAppStoreShallow(selectUnknownSelected);
  const toggleSelected = useAppStore((s) => s.toggleSelected);
  const setSelectedIds = useAppStore((s) => s.setSelectedIds);
  const displayUnit = useAppStore((s) => s.displayUnit);
  const setDisplayUnit = useAppStore((s) => s.setDisplayUnit);
  const measureMode = useAppStore((s) => s.measureMode);
  const setMeasureMode = useAppStore((s) => s.setMeasureMode);
  const all = known.length === 0;
  const [query, setQuery] = useState('');
  const searchId = useId();
  const large = entries.length > PICKER_LIST_LIMIT;
  const { listed, unlisted } = useMemo(() => {
    if (!large) return { listed: entries, unlisted: 0 };
    const chosen = new Set(selectedIds);
    let matches = 0;
    const list = entries.filter((e) => {
      if (!entryMatches(e, query)) return chosen.has(e.id);
      matches += 1;
      return matches <= PICKER_LIST_LIMIT || chosen.has(e.id);
    });
    return { listed: list, unlisted: Math.max(0, matches - PICKER_LIST_LIMIT) };
  }, [entries, selectedIds, query, large]);
  const legend = !all
    ? `（已选 ${known.length} 个）`
    : entries.length > DEFAULT_COMPARED_LIMIT
      ? `（未选择时各视图显示前 ${DEFAULT_COMPARED_LIMIT} 份，共 ${entries.length} 份）`
      : '（未选择时显示全部）';

  const chosenText = all
    ? entries.length > DEFAULT_COMPARED_LIMIT
      ? `前 ${DEFAULT_COMPARED_LIMIT} 份（共 ${entries.length} 份）`
      : `全部 ${entries.length} 份文件`
    : `已选 ${known.length} 份文件`;
  const modeText = measureMode === 'share' ? '占比 / 比率' : '金额';

  return (
    <section className="comparison-bar" aria-label="对比设置">
      <details className="comparison-details">
        <summary>
          <span className="comparison-summary">
            对比单位：{chosenText} · 金额单位：{displayUnit}
            {showMode ? ` · 显示：${modeText}` : ''}
          </span>{' '}
          <span className="comparison-change" aria-hidden="true" />
        </summary>
        <div className="comparison-body">
          <fieldset className="unit-picker">
            <legend>对比单位{legend}</legend>
            {large ? (
              <p className="picker-search">
                <label htmlFor={searchId}>查找单位</label>{' '}
                <input
                  id={searchId}
                  type="search"
                  value={query}
                  placeholder="名称、级次、年度或类型"
                  onChange={(e) => setQuery(e.target.value)}
                />
              </p>
            ) : null}
            <ul>
              {listed.map((e) => (
                <li key={e.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={selectedIds.includes(e.id)}
                      onChange={() => toggleSelected(e.id)}
                    />{' '}
                    <span className="picker-name">{e.unit.name}</span>{' '}
                    <span className="tag">{levelLabel(e.unit)}</span>{' '}
                    <span className="tag">{e.unit.scope}</span>{' '}
                    <span className="picker-kind">{documentKindLabel(e)}</span>
                  </label>
                </li>
              ))}
            </ul>
            {unlisted > 0 ? (
              <p className="picker-more">
                另有 {unlisted} 份匹配的文件未列出，请输入名称、年度或类型缩小范围。
              </p>
            ) : large && listed.length === 0 ? (
              <p className="picker-more">没有与“{query.trim()}”匹配的文件。</p>
            ) : null}
            {selectedIds.length > 0 ? (
              <button
                type="button"
                className="link-button"
                onClick={(event) => {
                  // The button goes once nothing is selected: focus the first unit instead.
                  const first = event.currentTarget
                    .closest('fieldset')
                    ?.querySelector<HTMLInputElement>('input[type="checkbox"]');
                  setSelectedIds([]);
                  first?.focus();
                }}
              >
                {entries.length > DEFAULT_COMPARED_LIMIT ? '清除选择' : '清除选择（显示全部）'}
              </button>
            ) : null}
          </fieldset>
          <div className="display-options">
            <fieldset>
              <legend>金额单位</legend>
              {(['万元', '元'] as const).map((u) => (
                <label key={u}>
                  <input
                    type="radio"
                    name="display-unit"
                    checked={displayUnit === u}
                    onChange={() => setDisplayUnit(u)}
                  />{' '}
                  {u}
                </label>
              ))}
            </fieldset>
            {showMode ? (
              <fieldset>
                <legend>显示</legend>
                <label>
                  <input
                    type="radio"
                    name="measure-mode"
                    checked={measureMode === 'absolute'}
                    onChange={() => setMeasureMode('absolute')}
                  />{' '}
                  金额
                </label>
                <label>
                  <input
                    type="radio"
                    name="measure-mode"
                    checked={measureMode === 'share'}
                    onChange={() => setMeasureMode('share')}
                  />{' '}
                  占比 / 比率
                </label>
              </fieldset>
            ) : null}
          </div>
        </div>
      </details>
      {unknown.length > 0 ? (
        <p className="picker-unknown" role="status">
          链接所选的 {unknown.length} 个文件在本看板中找不到，已忽略：{unknown.join('、')}
          {all ? '；显示默认的对比单位' : ''}。
        </p>
      ) : null}
    </section>
  );
}
