/**
 * recharts looks its scales up by name in `import * as d3Scales from 'victory-vendor/d3-scale'`,
 * which keeps every d3 scale in the bundle, with d3-time and d3-time-format for the time scales
 * (≈ 18 KB minified). The dashboard's charts use only category (band) and number (linear) axes,
 * and recharts falls back to `point` for names it cannot find; vite.config.ts resolves
 * `victory-vendor/d3-scale` to this module, which exports those three.
 *
 * A chart that needs another scale (time, log …) must add it here; tests/vendor checks the list.
 */
export { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
