/**
 * 清除筛选 of a filter form. It is disabled once nothing is filtered, which would drop keyboard
 * focus to the page: it hands focus to the form's first field first.
 */
export function ClearFiltersButton({
  filtered,
  onClear,
}: {
  filtered: boolean;
  onClear: () => void;
}) {
  return (
    <button
      type="button"
      disabled={!filtered}
      onClick={(event) => {
        event.currentTarget.form?.querySelector<HTMLElement>('select, input')?.focus();
        onClear();
      }}
    >
      清除筛选
    </button>
  );
}
