// The real decimal.js-light's ES module, imported by path to compare it with src/vendor's stand-in.
declare module 'decimal.js-light/decimal.mjs' {
  import Decimal from 'decimal.js-light';
  // eslint-disable-next-line import-x/no-default-export -- the module's own shape
  export default Decimal;
}
