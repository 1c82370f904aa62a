/**
 * The comparison bar above every comparison view: which units are compared (each shown with
 * level, scope, kind and year) and the display options (万元/元, amounts/shares).
 */
import { documentKindLabel } from '@/data/labels';
import { useAppStore, useAppStoreShallow } from '@/store/app-store';
import { selectEntries } from '@/store/selectors';

export function ComparisonBar({ showMode = true }: { showMode?: boolean }) {
  const entries = useAppStoreShallow(selectEntries);
  const selectedIds = useAppStore((s) => s.selectedIds);
  const toggleSelected = useAppStore((s) => s.toggleSelected);
  const setSelectedIds = useAppStore((s) => s.setSelectedIds);
  const displayUnit = useAppStore((s) => s.displayUnit);
  const setDisplayUnit = useAppStore((s) => s.setDisplayUnit);
  const measureMode = useAppStore((s) => s.measureMode);
  const setMeasureMode = useAppStore((s) => s.setMeasureMode);
  const all = selectedIds.length === 0;

  return (
    <section className="comparison-bar" aria-label="对比设置">
      <fieldset className="unit-picker">
        <legend>
          对比单位{all ? '（未选择时显示全部）' : `（已选 ${selectedIds.length} 个）`}
        </legend>
        <ul>
          {entries.map((e) => (
            <li key={e.id}>
              <label>
                <input
                  type="checkbox"
                  checked={selectedIds.includes(e.id)}
                  onChange={() => toggleSelected(e.id)}
                />{' '}
                <span className="picker-name">{e.unit.name}</span>{' '}
                <span className="tag">{e.unit.level}</span>{' '}
                <span className="tag">{e.unit.scope}</span>{' '}
                <span className="picker-kind">{documentKindLabel(e)}</span>
              </label>
            </li>
          ))}
        </ul>
        {!all ? (
          <button type="button" className="link-button" onClick={() => setSelectedIds([])}>
            清除选择（显示全部）
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
    </section>
  );
}
