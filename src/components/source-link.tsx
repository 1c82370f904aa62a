import type { ReactNode } from 'react';

interface SourceLinkProps {
  /** Hash route of the source viewer at that line (the caller builds it). */
  href: string;
  /** Document name as the user knows it, for the tooltip. */
  document: string;
  line: number;
  children: ReactNode;
}

/** Wraps a figure: hover names its source (document + line), click opens the original text there. */
export function SourceLink({ href, document, line, children }: SourceLinkProps) {
  const title = `来源：${document}，第 ${line} 行（点击查看原文）`;
  return (
    <a className="source-link" href={href} title={title}>
      {children}
    </a>
  );
}
