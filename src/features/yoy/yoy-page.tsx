/** 同比变化 view (placeholder until the view is built). */
export function YoyPage() {
  return (
    <section aria-labelledby="yoy-title">
      <h2 id="yoy-title">同比变化</h2>
      <p className="state-message">此视图正在开发中。</p>
    </section>
  );
}
