import { SEVERITY_ICON, SEVERITY_LABEL } from './checks-data';
import type { Severity } from './checks-data';

/** Severity as icon + word (never colour alone). */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`severity severity-${severity}`}>
      <span className="severity-icon" aria-hidden="true">
        {SEVERITY_ICON[severity]}
      </span>{' '}
      {SEVERITY_LABEL[severity]}
    </span>
  );
}
