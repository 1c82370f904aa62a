import { useId, useState } from 'react';
import { RULE_INFO } from '@/data/flag-rules';
import {
  FLAG_RULES,
  FLAG_THRESHOLDS,
  THRESHOLD_KEYS,
  changedThresholds,
  parseThreshold,
  thresholdValues,
} from '@/data/flag-thresholds';
import type { FlagRuleId, FlagThresholds, ThresholdKey } from '@/data/flag-thresholds';

interface RulesPanelProps {
  thresholds: FlagThresholds;
  counts: ReadonlyMap<FlagRuleId, number>;
  onChange: (thresholds: FlagThresholds) => void;
}

/**
 * Each rule in one sentence with its basis, its threshold(s) as inputs and how many flags it
 * raised. A threshold is taken on Enter or when the field is left, if valid; else the old one stays.
 */
export function RulesPanel({ thresholds, counts, onChange }: RulesPanelProps) {
  const values = thresholdValues(thresholds);
  const changed = Object.keys(changedThresholds(thresholds)).length > 0;
  return (
    <section className="flag-rules" aria-labelledby="flag-rules-title">
      <h3 id="flag-rules-title">规则与阈值</h3>
      <p className="flag-rules-note">
        默认阈值取自绩效评价和预算管理的常用口径（“支出结构”两项为本看板设定，见其依据）；输入新阈值后按回车或离开输入框即重新筛查，阈值保存在网址中（可收藏或发给同事）。
      </p>
      <ol className="flag-rule-list">
        {FLAG_RULES.map((rule) => {
          const info = RULE_INFO[rule];
          const keys = THRESHOLD_KEYS.filter((k) => FLAG_THRESHOLDS[k].rule === rule);
          return (
            <li key={rule} className="flag-rule">
              <div className="flag-rule-head">
                <h4>{info.name}</h4>
                <span className="flag-rule-count">{counts.get(rule) ?? 0} 条</span>
              </div>
              <p>{info.sentence}</p>
              <p className="flag-rule-basis">依据：{info.basis}</p>
              <p className="flag-rule-basis">严重程度：{info.severity}</p>
              <div className="flag-rule-inputs">
                {keys.map((k) => (
                  <ThresholdInput
                    key={k}
                    thresholdKey={k}
                    value={values[k]}
                    onValid={(v) => onChange(changedThresholds({ ...thresholds, [k]: v }))}
                  />
                ))}
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" disabled={!changed} onClick={() => onChange({})}>
        恢复默认阈值
      </button>
    </section>
  );
}

function ThresholdInput({
  thresholdKey,
  value,
  onValid,
}: {
  thresholdKey: ThresholdKey;
  value: string;
  onValid: (v: string) => void;
}) {
  const spec = FLAG_THRESHOLDS[thresholdKey];
  const id = useId();
  // The text as typed; named when it is not a valid threshold.
  const [text, setText] = useState(value);
  // A threshold changed elsewhere (恢复默认, the address): show it, unless the text already means it.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    if (parseThreshold(thresholdKey, text) !== value) setText(value);
  }
  const parsed = parseThreshold(thresholdKey, text);
  const valid = parsed !== null;
  // Taken on Enter or on leaving the field, not on each keystroke ("1" on the way to "15").
  const commit = () => {
    if (parsed !== null && parsed !== value) onValid(parsed);
  };
  return (
    <div className="threshold-input">
      <label htmlFor={id}>{spec.label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        size={6}
        value={text}
        aria-invalid={!valid || undefined}
        aria-describedby={valid ? undefined : `${id}-error`}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      <span className="threshold-unit">
        {spec.unit}（默认 {spec.default}）
      </span>
      {valid ? null : (
        <span id={`${id}-error`} className="threshold-error" role="alert">
          请输入 {spec.min}–{spec.max} 之间的数（最多两位小数），仍按 {value}
          {spec.unit} 筛查。
        </span>
      )}
    </div>
  );
}
