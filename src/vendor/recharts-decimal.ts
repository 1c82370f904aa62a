/**
 * recharts computes its "nice" axis ticks with decimal.js-light (12 KB minified). The app already
 * ships decimal.js, whose API is a superset of it except for one spelling: decimal.js-light has
 * `isint()` where decimal.js has `isInt()`. vite.config.ts resolves recharts' `decimal.js-light`
 * import to this module, so one decimal library is shipped.
 *
 * A separate constructor (`clone`) so recharts' configuration can never change the app's; the two
 * constructors share decimal.js's prototype, so `isint` is added there as an alias of `isInt`.
 */
import Decimal from 'decimal.js';
// Types only: the bare specifier resolves to this module in the build, to the original in tsc.
import type LightDecimal from 'decimal.js-light';

const RechartsDecimal = Decimal.clone({ precision: 20, rounding: Decimal.ROUND_HALF_UP });

interface LightAliases {
  isint(this: Decimal): boolean;
}
const proto = RechartsDecimal.prototype as unknown as Partial<LightAliases> & Decimal;
if (typeof proto.isint !== 'function') {
  Object.defineProperty(proto, 'isint', {
    value: function isint(this: Decimal) {
      return this.isInt();
    },
    configurable: true,
    writable: true,
  });
}

export default RechartsDecimal as unknown as typeof LightDecimal;
