import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { TableTab } from './tables-data';

interface TableTabsProps {
  tabs: readonly TableTab[];
  selectedId: string;
  onSelect: (id: string) => void;
  /** id of the tab panel the tabs control. */
  panelId: string;
}

export function tabDomId(tableId: string): string {
  return `table-tab-${tableId}`;
}

/**
 * The table chooser: a vertical tab list (id + printed title), keyboard operable as the WAI-ARIA
 * tabs pattern says: Tab enters the list at the selected tab, ↑/↓/Home/End move and select.
 */
export function TableTabs({ tabs, selectedId, onSelect, panelId }: TableTabsProps) {
  const refs = useRef(new Map<string, HTMLButtonElement>());

  const move = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.findIndex((t) => t.id === selectedId);
    const last = tabs.length - 1;
    const next =
      e.key === 'ArrowDown' || e.key === 'ArrowRight'
        ? i >= last
          ? 0
          : i + 1
        : e.key === 'ArrowUp' || e.key === 'ArrowLeft'
          ? i <= 0
            ? last
            : i - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null;
    const tab = next === null ? undefined : tabs[next];
    if (!tab) return;
    e.preventDefault();
    onSelect(tab.id);
    refs.current.get(tab.id)?.focus();
  };

  return (
    <div
      role="tablist"
      aria-label="选择表格"
      aria-orientation="vertical"
      className="table-tabs"
      onKeyDown={move}
    >
      {tabs.map((t) => {
        const selected = t.id === selectedId;
        return (
          <button
            key={t.id}
            ref={(el) => {
              if (el) refs.current.set(t.id, el);
              else refs.current.delete(t.id);
            }}
            type="button"
            role="tab"
            id={tabDomId(t.id)}
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            className={t.present ? 'table-tab' : 'table-tab missing'}
            onClick={() => onSelect(t.id)}
          >
            <span className="table-tab-id">{t.id}</span>{' '}
            <span className="table-tab-title">{t.title ?? '（本文件中未找到）'}</span>
          </button>
        );
      })}
    </div>
  );
}
