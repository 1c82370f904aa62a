import { memoByObjects } from '@/lib/memo';

describe('memoByObjects', () => {
  it('derives once per pair of objects and again for a new object', () => {
    const calls: string[] = [];
    const rows = memoByObjects((entry: { id: string }, bundle: { total: string }) => {
      calls.push(entry.id);
      return [{ id: entry.id, total: bundle.total }];
    });
    const entry = { id: 'shanxi-2024-final' };
    const bundle = { total: '45281.57' };
    const first = rows(entry, bundle);
    expect(rows(entry, bundle)).toBe(first);
    expect(calls).toEqual(['shanxi-2024-final']);
    // A reloaded bundle (a new object, as the store puts it) is derived again.
    const reloaded = { total: '45281.57' };
    expect(rows(entry, reloaded)).not.toBe(first);
    expect(rows(entry, reloaded)).toEqual(first);
    // So is the same bundle seen through another entry.
    rows({ id: 'other' }, bundle);
    expect(calls).toEqual(['shanxi-2024-final', 'shanxi-2024-final', 'other']);
  });

  it('memoises a result that is null or undefined too', () => {
    let n = 0;
    const none = memoByObjects<object, object, undefined>(() => {
      n += 1;
      return undefined;
    });
    const a = {};
    const b = {};
    none(a, b);
    none(a, b);
    expect(n).toBe(1);
  });
});
