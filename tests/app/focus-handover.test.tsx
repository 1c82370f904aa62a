// @vitest-environment jsdom
/**
 * A keyboard user who tabs onto a link of the first paint (src/app/first-paint.ts) keeps focus on
 * that link when the app replaces the first paint (src/app/focus-handover.tsx).
 */
import { cleanup, render } from '@testing-library/react';
import { App } from '@/app/app';
import { firstPaintHtml } from '@/app/first-paint';
import { AfterCommit, watchFirstPaintFocus } from '@/app/focus-handover';
import { resetAppStore } from '@/store/app-store';
import { shippedManifest } from './shipped-manifest';

/** #root with the first paint drawn in it, watched as src/app/main.tsx watches it. */
function firstPaintRoot(focusFirst?: string) {
  const root = document.createElement('div');
  root.id = 'root';
  root.innerHTML = firstPaintHtml(shippedManifest(), '#/overview') ?? '';
  document.body.append(root);
  // The user may have tabbed onto a link before the app's module (and the watch) started.
  if (focusFirst !== undefined) firstPaintLink(root, focusFirst).focus();
  return { root, handOver: watchFirstPaintFocus(root) };
}

function firstPaintLink(root: HTMLElement, text: string): HTMLAnchorElement {
  const link = [...root.querySelectorAll<HTMLAnchorElement>('[data-first-paint] header a')].find(
    (a) => a.textContent === text,
  );
  if (!link) throw new Error(`no first-paint link ${text}`);
  return link;
}

/** The app rendered into #root, with the hand-over after its first commit, as main.tsx does. */
function mountApp(root: HTMLElement, handOver: () => void): void {
  render(
    <>
      <App />
      <AfterCommit run={handOver} />
    </>,
    { container: root },
  );
}

afterEach(() => {
  cleanup();
  resetAppStore();
  document.body.innerHTML = '';
});

describe('focus from the first paint to the app', () => {
  it('moves focus to the app’s link to the same view when the first paint is replaced', () => {
    const { root, handOver } = firstPaintRoot();
    firstPaintLink(root, '预算执行').focus();
    mountApp(root, handOver);
    expect(root.querySelector('[data-first-paint]')).toBeNull();
    const active = document.activeElement as HTMLElement;
    expect(active.textContent).toBe('预算执行');
    expect(active.closest('nav')).toHaveAccessibleName('主导航');
  });

  it('also for a link focused before the app’s module started: 数据文件 beside the navigation', () => {
    const { root, handOver } = firstPaintRoot('数据文件');
    mountApp(root, handOver);
    expect(document.activeElement).toHaveClass('header-data-link');
  });

  it('leaves focus alone when the user moved it out of the first paint meanwhile', () => {
    const { root, handOver } = firstPaintRoot();
    const search = document.createElement('input');
    document.body.append(search);
    firstPaintLink(root, '预算执行').focus();
    search.focus();
    mountApp(root, handOver);
    expect(document.activeElement).toBe(search);
  });

  it('does nothing when nothing in the first paint had focus', () => {
    const { root, handOver } = firstPaintRoot();
    mountApp(root, handOver);
    expect(document.activeElement).toBe(document.body);
  });
});
