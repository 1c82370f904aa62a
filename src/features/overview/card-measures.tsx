/** The detailed measures on an overview card, shown once the document's bundle has loaded. */
import { useMemo } from 'react';
import { computedRate, FigureValue } from '@/components/figure-value';
import type { Bundle } from '@/data/schema';
import { formatPercent } from '@/lib/format';
import { overviewMeasures } from './overview-data';
import type { SplitMeasure } from './overview-data';

interface CardMeasuresProps {
  bundle: Bundle;
  document: string;
  hrefFor: (line: number, text?: string) => string;
}

export function CardMeasures({ bundle, document, hrefFor }: CardMeasuresProps) {
  const m = useMemo(() => overviewMeasures(bundle), [bundle]);
  const fv = (
    fig: Parameters<typeof FigureValue>[0]['fig'],
    kind: 'amount' | 'percent' | 'count' = 'amount',
  ) => <FigureValue fig={fig} document={document} hrefFor={hrefFor} kind={kind} />;
  const splitRow = (label: string, aLabel: string, bLabel: string, s: SplitMeasure) => (
    <div className="measure-row">
      <dt>{label}</dt>
      <dd>
        {aLabel} {fv(s.a)}（{fv(s.aShare, 'percent')}）／{bLabel} {fv(s.b)}（
        {fv(s.bShare, 'percent')}）
      </dd>
    </div>
  );
  const final = bundle.kind === '决算';
  return (
    <div role="group" aria-label="主要指标">
      <dl className="measures">
        {splitRow('基本／项目', '基本', '项目', m.basicProject)}
        {splitRow(
          final ? '人员／公用经费' : '人员／公用经费（预算）',
          '人员',
          '公用',
          m.personnelPublic,
        )}
        <div className="measure-row">
          <dt>一般公共预算执行率（对年初预算）</dt>
          <dd>
            {m.execution === null ? (
              <span className="figure-empty">{final ? '原文未说明' : '预算文件，无执行数'}</span>
            ) : (
              <>
                年初预算 {fv(m.execution.budget)} → 决算 {fv(m.execution.actual)}，完成年初预算的{' '}
                {fv(m.execution.stated, 'percent')}
                {m.execution.stated !== null &&
                m.execution.computed !== null &&
                formatPercent(m.execution.stated.v) !== formatPercent(m.execution.computed) ? (
                  <span className="mismatch">
                    （按数计算{' '}
                    {fv(
                      computedRate(
                        m.execution.computed.toFixed(2),
                        { name: '决算', fig: m.execution.actual },
                        { name: '年初预算', fig: m.execution.budget },
                      ),
                      'percent',
                    )}
                    ）
                  </span>
                ) : null}
              </>
            )}
          </dd>
        </div>
        <div className="measure-row">
          <dt>“三公”经费（{m.sangong.basis}）</dt>
          <dd>{m.sangong.none ? <span>无“三公”经费（原文如此）</span> : fv(m.sangong.value)}</dd>
        </div>
        <div className="measure-row">
          <dt>机关运行经费</dt>
          <dd>{fv(m.operatingCosts)}</dd>
        </div>
        <div className="measure-row">
          <dt>政府采购{final ? '' : '预算'}</dt>
          <dd>
            {m.procurement === null ? (
              <span className="figure-empty">原文未说明</span>
            ) : (
              <>
                {fv(m.procurement.total)}
                {m.procurement.sme !== null ? (
                  <>
                    ，中小企业 {fv(m.procurement.sme)}（{fv(m.procurement.smePct, 'percent')}）
                  </>
                ) : null}
              </>
            )}
          </dd>
        </div>
        <div className="measure-row">
          <dt>车辆（辆）</dt>
          <dd>{fv(m.vehicles, 'count')}</dd>
        </div>
        <div className="measure-row">
          <dt>项目绩效自评</dt>
          <dd>
            {m.projects === null ? (
              m.department !== null ? (
                <>
                  部门整体自评 {fv(m.department.score, 'count')} 分（{m.department.grade ?? '—'}）
                </>
              ) : m.targets > 0 ? (
                <>{m.targets} 个项目绩效目标（预算，尚无评分）</>
              ) : (
                <span className="figure-empty">原文无项目自评</span>
              )
            ) : (
              <>
                {m.projects.count} 个项目，平均 {fv(m.projects.meanScore, 'count')} 分；优{' '}
                {m.projects.grades.优} · 良 {m.projects.grades.良} · 中 {m.projects.grades.中} · 差{' '}
                {m.projects.grades.差}
              </>
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
}
