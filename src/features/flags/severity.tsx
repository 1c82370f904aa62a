import { SEVERITY_INFO } from '@/data/flag-rules';
import type { FlagSeverity } from '@/data/flag-thresholds';

/** Icons so severity reads without colour. */
export const FLAG_SEVERITY_ICON: Record<FlagSeverity, string> = {
  high: '▲',
  medium: '◆',
  low: '○',
};

/** Severity as icon + word (never colour alone). */
export function FlagSeverityBadge({ severity }: { severity: FlagSeverity }) {
  return (
    <span className={`flag-severity flag-severity-${severity}`}>
      <span aria-hidden="true">{FLAG_SEVERITY_ICON[severity]}</span> {SEVERITY_INFO[severity].label}
    </span>
  );
}
