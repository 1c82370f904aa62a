import { MIN_CHART_DENSITY } from '@/components/chart-density';
import { fitSlideSize } from '@/features/presenter/slide-fit';

// Frames of the sizes the stage draws (96% of the screen's width, its height less 4rem for the
// slide's bar), e.g. 1280×720 → 1229 × 656, 1024×768 → 983 × 704.
describe('fitSlideSize', () => {
  it('zooms a slide that fits up to a large screen, its charts at full density', () => {
    const fit = fitSlideSize({
      frameWidth: 1806,
      frameHeight: 1016,
      content: 600,
      charts: 400,
      density: 1,
    });
    expect(fit.zoom).toBeCloseTo(1806 / 1280, 6);
    expect(fit.density).toBe(1);
    expect(fit.canvasWidth).toBeCloseTo(1280, 6);
  });

  it('packs the charts tighter before it zooms the slide down', () => {
    // 200 px of title and notes, 600 px of charts: 452 px of room leaves the charts 452 / 600.
    const fit = fitSlideSize({
      frameWidth: 1166,
      frameHeight: 656,
      content: 800,
      charts: 600,
      density: 1,
    });
    expect(fit.zoom).toBe(1);
    expect(fit.density).toBeCloseTo(452 / 600, 6);
    expect(fit.canvasWidth).toBe(1166);
  });

  it('zooms down only what the tightest packing cannot fit, keeping the canvas width', () => {
    // At the tightest packing the charts take 0.75 × 800 = 600 px, with 200 px beside: 800 px.
    const fit = fitSlideSize({
      frameWidth: 983,
      frameHeight: 553,
      content: 1000,
      charts: 800,
      density: 1,
    });
    expect(fit.density).toBe(MIN_CHART_DENSITY);
    expect(fit.zoom).toBeCloseTo(549 / 800, 6);
    expect(fit.canvasWidth).toBe(983);
  });

  it('estimates full-density charts from the density they were drawn at', () => {
    // Drawn at 0.8, 480 px of charts are 600 at full density: the same slide as above.
    const fit = fitSlideSize({
      frameWidth: 1166,
      frameHeight: 656,
      content: 680,
      charts: 480,
      density: 0.8,
    });
    expect(fit.density).toBeCloseTo(452 / 600, 6);
  });

  it('loosens the charts again on a taller screen', () => {
    // 300 px drawn at 0.75 are 400 at full density; 200 px beside them fit 1012 / 1.41 ≈ 717.
    const fit = fitSlideSize({
      frameWidth: 1806,
      frameHeight: 1016,
      content: 500,
      charts: 300,
      density: MIN_CHART_DENSITY,
    });
    expect(fit.density).toBe(1);
  });

  it('zooms a slide without packable charts down to fit, as a whole', () => {
    const fit = fitSlideSize({
      frameWidth: 1166,
      frameHeight: 656,
      content: 826,
      charts: 0,
      density: 1,
    });
    expect(fit.zoom).toBeCloseTo(652 / 826, 6);
  });

  it('leaves bars at full thickness when thinner ones do not shorten the chart', () => {
    // One series of 执行率 bars keeps its rows' height (their labels may wrap): 249 px at 1 and
    // at 0.95. The slide is zoomed instead, as a whole.
    const fit = fitSlideSize({
      frameWidth: 1166,
      frameHeight: 400,
      content: 420,
      charts: 249,
      density: 0.95,
      earlier: { density: 1, charts: 249 },
    });
    expect(fit.density).toBe(1);
    expect(fit.zoom).toBeCloseTo(396 / 420, 6);
  });

  it('follows a chart whose height is part fixed (axes), part rows, from two measurements', () => {
    // Rows of 52 px × 5 and 40 px of axis: 300 px at density 1, 248 at 0.8. With 150 px beside
    // them and 411 px of room, the rows get 221 px: density 0.85 (taking the chart as
    // proportional to the density would give 0.87 and overflow by 5 px).
    const fit = fitSlideSize({
      frameWidth: 1166,
      frameHeight: 415,
      content: 398,
      charts: 248,
      density: 0.8,
      earlier: { density: 1, charts: 300 },
    });
    expect(fit.density).toBeCloseTo(0.85, 6);
    expect(fit.zoom).toBeCloseTo(1, 6);
  });

  it('restores full density when only a sliver is missing', () => {
    const fit = fitSlideSize({
      frameWidth: 1166,
      frameHeight: 656,
      content: 654,
      charts: 400,
      density: 1,
    });
    expect(fit.density).toBe(1);
    expect(fit.zoom).toBeCloseTo(652 / 654, 6);
  });

  it('never gives a negative zoom for a frame with no height', () => {
    const fit = fitSlideSize({
      frameWidth: 1166,
      frameHeight: 0,
      content: 500,
      charts: 300,
      density: 1,
    });
    expect(fit.zoom).toBe(1);
  });
});
