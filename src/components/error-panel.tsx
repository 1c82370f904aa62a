import type { ReactNode } from 'react';

interface ErrorPanelProps {
  title: string;
  /** One or more readable messages; never a stack trace. */
  messages: readonly string[];
  /** Optional actions (a retry button, a back link). */
  children?: ReactNode;
}

/** A visible, readable error in place of the content that could not be shown. */
export function ErrorPanel({ title, messages, children }: ErrorPanelProps) {
  return (
    <section className="error-panel" role="alert">
      <h2>{title}</h2>
      {messages.length === 1 ? (
        <p>{messages[0]}</p>
      ) : (
        <ul>
          {messages.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
      {children}
    </section>
  );
}
