/**
 * A short list of sentences said beside the figures — scope notes (role="note") or why some units
 * show nothing (role="status") — named for screen readers; nothing at all when there are none.
 * Scope notes of more than one sentence fold to one line that names them and starts the first
 * (a <details>: Enter or Space opens it): five notes above a chart pushed it off a 1280×720
 * screen. Status messages stay open: they say why figures are missing.
 */
interface NoteListProps {
  role: 'note' | 'status';
  /** Accessible name of the list. */
  label: string;
  className: 'scope-notes' | 'unit-messages';
  /** The sentences, each unique (it is its own key). */
  items: readonly string[];
}

export function NoteList({ role, label, className, items }: NoteListProps) {
  if (items.length === 0) return null;
  const list = (cls?: string) => (
    <ul className={cls}>
      {items.map((text) => (
        <li key={text}>{text}</li>
      ))}
    </ul>
  );
  if (role === 'status' || items.length === 1) {
    return (
      <div role={role} aria-label={label}>
        {list(className)}
      </div>
    );
  }
  return (
    <div role={role} aria-label={label}>
      <details className={`${className} notes-fold`}>
        <summary>
          <span className="notes-fold-count">
            {label}（{items.length} 条）
          </span>
          <span className="notes-fold-first" aria-hidden="true">
            {items[0]}
          </span>
        </summary>
        {list()}
      </details>
    </div>
  );
}
