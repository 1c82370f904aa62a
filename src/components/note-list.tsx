/**
 * A short list of sentences said beside the figures — scope notes (role="note") or why some units
 * show nothing (role="status") — named for screen readers; nothing at all when there are none.
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
  return (
    <div role={role} aria-label={label}>
      <ul className={className}>
        {items.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </div>
  );
}
