/** 明细表 view (placeholder until the view is built). */
export function TablesPage() {
  return (
    <section aria-labelledby="tables-title">
      <h2 id="tables-title">明细表</h2>
      <p className="state-message">此视图正在开发中。</p>
    </section>
  );
}
