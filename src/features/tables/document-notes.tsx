import type { Bundle } from '@/data/schema';
import { documentNotes } from './tables-data';

interface DocumentNotesProps {
  bundle: Pick<Bundle, 'corrections' | 'skipped'>;
  document: string;
  hrefFor: (line: number) => string;
}

/**
 * What the import could not read as printed (更正) or could not place (未归位): shown beside the
 * tables so no figure is changed or dropped silently.
 */
export function DocumentNotes({ bundle, document, hrefFor }: DocumentNotesProps) {
  const { corrections, skipped } = documentNotes(bundle);
  if (corrections.length === 0 && skipped.length === 0) {
    return <p className="doc-notes-none">导入本文件时没有更正任何数字，也没有未能归位的数字。</p>;
  }
  return (
    <section className="doc-notes" aria-labelledby="doc-notes-title">
      <h3 id="doc-notes-title">导入说明：{document}</h3>
      {corrections.length > 0 ? (
        <>
          <h4>更正（原文印法无法直接读取，采用的数值如下）</h4>
          <ul>
            {corrections.map((c, i) => (
              <li key={`c${i}`}>
                <a className="source-link" href={hrefFor(c.line)} title={`查看原文第 ${c.line} 行`}>
                  第 {c.line} 行
                </a>
                ：原文印为 “<span className="printed">{c.printed}</span>”，采用{' '}
                <strong>{c.value}</strong>。{c.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {skipped.length > 0 ? (
        <>
          <h4>未能归位的数字（已识别但无法放入表格或章节）</h4>
          <ul>
            {skipped.map((s, i) => (
              <li key={`s${i}`}>
                <a className="source-link" href={hrefFor(s.line)} title={`查看原文第 ${s.line} 行`}>
                  第 {s.line} 行
                </a>
                （{s.where}）：“<span className="printed">{s.text}</span>”。{s.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
