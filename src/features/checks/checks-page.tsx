/** 数据校验 view (placeholder until the view is built). */
export function ChecksPage() {
  return (
    <section aria-labelledby="checks-title">
      <h2 id="checks-title">数据校验</h2>
      <p className="state-message">此视图正在开发中。</p>
    </section>
  );
}
