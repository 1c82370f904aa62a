/**
 * Parked views (a view switch must paint its first chart within 100 ms at 500 units).
 *
 * Drawing a view's first recharts chart takes two passes over a hundred milliseconds at 500 units
 * however the page is written: recharts registers axes and bars in effects and draws the bars in a
 * second task. So the app keeps the comparison views it has drawn mounted, hidden, and draws those
 * not yet visited in idle time after the first page (src/app/view-slots.tsx). Showing one is then
 * a style change and a layout, not a render.
 *
 * A hidden view must not cost anything while the user works elsewhere: a selection change on
 * 预算执行 would otherwise render six views. So every store read under a `ParkedView` goes
 * through it (`useAppStore` reads the gate from context): while parked it answers from a snapshot
 * of the store and holds back change notices; it catches up in idle time, one view at a time, and
 * at once when it is shown again, before that frame is painted (blocks below its first chart follow
 * just after: src/components/deferred.tsx).
 */
import { createContext } from 'react';
import type { StoreApi } from 'zustand';
import type { AppState } from './types';

/** The store as a component under a gate sees it. */
export interface StoreSource {
  getState: () => AppState;
  subscribe: (listener: () => void) => () => void;
}

/** Runs `task` when the page is idle (src/components/idle-queue.ts); returns a cancel function. */
export type IdleScheduler = (task: () => void) => () => void;

export const ParkedViewContext = createContext<ParkedView | null>(null);

export class ParkedView implements StoreSource {
  /** Non-null while parked: the state its components see. */
  private snapshot: AppState | null = null;
  private readonly listeners = new Set<() => void>();
  private unsubscribe: (() => void) | null = null;
  private cancelCatchUp: (() => void) | null = null;

  constructor(
    private readonly store: StoreApi<AppState>,
    private readonly whenIdle: IdleScheduler,
  ) {}

  getState = (): AppState => this.snapshot ?? this.store.getState();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    this.unsubscribe ??= this.store.subscribe(() => this.onStoreChange());
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.unsubscribe?.();
        this.unsubscribe = null;
        this.cancelCatchUp?.();
        this.cancelCatchUp = null;
      }
    };
  };

  /** Hide: from now on the view sees the store as it is now, until it catches up or is shown. */
  park(): void {
    this.snapshot ??= this.store.getState();
  }

  /** Show: the view sees the live store again, and re-renders now if it changed meanwhile. */
  unpark(): void {
    if (this.snapshot === null) return;
    const stale = this.snapshot !== this.store.getState();
    this.snapshot = null;
    this.cancelCatchUp?.();
    this.cancelCatchUp = null;
    if (stale) this.notify();
  }

  private onStoreChange(): void {
    if (this.snapshot === null) {
      this.notify();
      return;
    }
    // Parked: catch up once the page is idle (later changes before then are taken in the same go).
    this.cancelCatchUp ??= this.whenIdle(() => {
      this.cancelCatchUp = null;
      if (this.snapshot === null || this.snapshot === this.store.getState()) return;
      this.snapshot = this.store.getState();
      this.notify();
    });
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
