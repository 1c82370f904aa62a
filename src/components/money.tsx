import type { DecimalString } from '@/domain/money';
import { formatWanYuan } from '@/lib/format';

interface MoneyProps {
  /** Amount in 万元 as a decimal string; null shows "—". */
  value: DecimalString | null;
  /** Append the unit after the figure. */
  showUnit?: boolean;
}

/** An amount in 万元, formatted with thousands separators and 2 decimals. */
export function Money({ value, showUnit = false }: MoneyProps) {
  return (
    <span className="money">
      {formatWanYuan(value)}
      {showUnit && value !== null ? <span className="money-unit"> 万元</span> : null}
    </span>
  );
}
