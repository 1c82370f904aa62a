/** 绩效评价 view (placeholder until the view is built). */
export function PerformancePage() {
  return (
    <section aria-labelledby="performance-title">
      <h2 id="performance-title">绩效评价</h2>
      <p className="state-message">此视图正在开发中。</p>
    </section>
  );
}
