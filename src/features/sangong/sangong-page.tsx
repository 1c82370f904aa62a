/** 三公经费 view (placeholder until the view is built). */
export function SangongPage() {
  return (
    <section aria-labelledby="sangong-title">
      <h2 id="sangong-title">三公经费</h2>
      <p className="state-message">此视图正在开发中。</p>
    </section>
  );
}
