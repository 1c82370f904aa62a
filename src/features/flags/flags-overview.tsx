import { ChartFrame } from '@/components/chart-frame';
import { RULE_INFO, SEVERITY_INFO } from '@/data/flag-rules';
import type { FlagRow } from './flags-data';
import { FlagSeverityBadge } from './severity';

/** Title of the frame a presenter slide names (＋ 加入演示). */
export const FLAGS_OVERVIEW_TITLE = '疑点一览';

/**
 * The flags in brief, one line each, grouped by document: what a slide shows (a slide shows one
 * ChartFrame of a view). The detailed list with every figure linked is the table below it.
 */
export function FlagsOverview({ rows, caption }: { rows: readonly FlagRow[]; caption: string }) {
  const docs = [...new Set(rows.map((r) => r.docLabel))];
  const summary = `${rows.length} 条疑点，涉及 ${docs.length} 个文件。`;
  return (
    <ChartFrame
      title={FLAGS_OVERVIEW_TITLE}
      caption={caption}
      summary={summary}
      drawingExport={false}
      table={{
        columns: ['文件', '严重程度', '规则', '项目', '计算结果'],
        rows: rows.map((r) => [
          r.docLabel,
          SEVERITY_INFO[r.severity].label,
          `${RULE_INFO[r.rule].name}·${r.check}`,
          r.item,
          r.measure,
        ]),
      }}
    >
      <div className="flags-overview">
        {docs.map((doc) => (
          <section key={doc} className="flags-overview-doc">
            <h4>{doc}</h4>
            <ul>
              {rows
                .filter((r) => r.docLabel === doc)
                .map((r) => (
                  <li key={r.id}>
                    <FlagSeverityBadge severity={r.severity} />{' '}
                    <span className="flags-overview-rule">{RULE_INFO[r.rule].name}</span> {r.item}：
                    {r.measure}
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
    </ChartFrame>
  );
}
