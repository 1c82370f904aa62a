// @vitest-environment jsdom
/**
 * 疑点's thresholds and filters in the address: parsed, written back without defaults, kept by an
 * ordinary link, and round-tripped through the store by the hash sync.
 */
import { resetAppStore, useAppStore } from '@/store/app-store';
import { startHashSync } from '@/store/hash-sync';
import { flagsHref, formatHash, parseHash, viewHref } from '@/store/routes';

const tick = () => new Promise((r) => setTimeout(r, 0));

let stop: (() => void) | null = null;

afterEach(() => {
  stop?.();
  stop = null;
  resetAppStore();
  window.location.hash = '';
});

describe('#/flags parameters', () => {
  it.each([
    // Thresholds as typed come back normalised; the defaults (30, 80) are not written.
    ['#/flags?dev=40&exec=75', '#/flags?dev=40&exec=75'],
    ['#/flags?dev=040&exec=80', '#/flags?dev=40'],
    [
      '#/flags?unit=datong-city-dept-2024-final&rule=sangong&sev=high',
      '#/flags?unit=datong-city-dept-2024-final&rule=sangong&sev=high',
    ],
    // Unknown values are dropped: out of range, not a number, an unknown rule or severity.
    ['#/flags?dev=0&exec=abc&rule=nonsense&sev=urgent&unit=<x>', '#/flags'],
    ['#/flags?share=12.5&carry=5&sg=3&gexec=70', '#/flags?gexec=70&sg=3&share=12.5&carry=5'],
    // Other views do not carry them.
    ['#/checks?dev=40&rule=sangong', '#/checks'],
    // 演示 does, so a deck with 疑点一览 shows what was prepared.
    [
      '#/present?unit=datong-city-dept-2024-final&dev=40&deck=flags~%E7%96%91%E7%82%B9%E4%B8%80%E8%A7%88~',
      '#/present?unit=datong-city-dept-2024-final&dev=40&deck=flags~%E7%96%91%E7%82%B9%E4%B8%80%E8%A7%88~&slide=1',
    ],
  ])('%s → %s', (hash, expected) => {
    expect(formatHash(parseHash(hash))).toBe(expected);
  });

  it('reads a threshold set as a whole; an ordinary link keeps the current one', () => {
    expect(parseHash('#/flags?dev=40').flagThresholds).toEqual({ deviation: '40' });
    expect(parseHash('#/flags?dev=30').flagThresholds).toEqual({});
    expect(parseHash('#/flags').flagThresholds).toBeUndefined();
    expect(parseHash('#/flags?rule=all').flagRule).toBeNull();
    expect(parseHash('#/flags').flagRule).toBeUndefined();
  });

  it('the 总览 card link names the unit and clears the other filters', () => {
    expect(flagsHref('datong-service-center-2024-final', ['a-b'])).toBe(
      '#/flags?units=a-b&unit=datong-service-center-2024-final&rule=all&sev=all',
    );
  });
});

describe('hash sync of the 疑点 state', () => {
  it('restores thresholds and filters from a shared link', () => {
    window.location.hash = '#/flags?sev=medium&dev=45&exec=70';
    stop = startHashSync();
    const s = useAppStore.getState();
    expect(s.view).toBe('flags');
    expect(s.flagThresholds).toEqual({ deviation: '45', execution: '70' });
    expect(s.flagSeverity).toBe('medium');
    expect(window.location.hash).toBe('#/flags?sev=medium&dev=45&exec=70');
  });

  it('writes a changed threshold into the address, in place', () => {
    window.location.hash = '#/flags';
    stop = startHashSync();
    const before = window.history.length;
    useAppStore.getState().setFlagView({ flagThresholds: { deviation: '40' } });
    expect(window.location.hash).toBe('#/flags?dev=40');
    useAppStore.getState().setFlagView({ flagRule: 'deviation' });
    expect(window.location.hash).toBe('#/flags?rule=deviation&dev=40');
    expect(window.history.length).toBe(before);
  });

  it('keeps the thresholds through a visit to another view by an ordinary link', async () => {
    window.location.hash = '#/flags?dev=40';
    stop = startHashSync();
    window.location.hash = viewHref('overview');
    await tick();
    expect(useAppStore.getState().view).toBe('overview');
    window.location.hash = viewHref('flags');
    await tick();
    expect(useAppStore.getState().flagThresholds).toEqual({ deviation: '40' });
    expect(window.location.hash).toBe('#/flags?dev=40');
  });
});
