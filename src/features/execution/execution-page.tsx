/** 预算执行 view (placeholder until the view is built). */
export function ExecutionPage() {
  return (
    <section aria-labelledby="execution-title">
      <h2 id="execution-title">预算执行</h2>
      <p className="state-message">此视图正在开发中。</p>
    </section>
  );
}
