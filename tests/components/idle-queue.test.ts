// @vitest-environment jsdom
import { QUIET_MS, whenIdleInTurn } from '@/components/idle-queue';

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'performance', 'Date'],
  });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('whenIdleInTurn (background work)', () => {
  it('waits until the user has left the page alone, and one task at a time', () => {
    const ran: string[] = [];
    window.dispatchEvent(new Event('pointerdown'));
    whenIdleInTurn(() => ran.push('预算执行'));
    whenIdleInTurn(() => ran.push('同比变化'));
    vi.advanceTimersByTime(QUIET_MS / 2);
    // A key pressed meanwhile: the pause starts again.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }));
    vi.advanceTimersByTime(QUIET_MS - 100);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(110);
    expect(ran).toEqual(['预算执行']);
    // The next one after a frame and another check.
    vi.advanceTimersByTime(100);
    expect(ran).toEqual(['预算执行', '同比变化']);
  });

  it('waits while a table is being scrolled, as by dragging its scrollbar', () => {
    const ran: string[] = [];
    const wrap = document.createElement('div');
    document.body.append(wrap);
    whenIdleInTurn(() => ran.push('预算执行'));
    // A drag sends scroll events only (to the element: they do not bubble), for longer than a pause.
    for (let t = 0; t < QUIET_MS * 2; t += 100) {
      wrap.dispatchEvent(new Event('scroll'));
      vi.advanceTimersByTime(100);
    }
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(QUIET_MS + 100);
    expect(ran).toEqual(['预算执行']);
    wrap.remove();
  });

  it('forgets a task cancelled before its turn', () => {
    const ran: string[] = [];
    const cancel = whenIdleInTurn(() => ran.push('三公经费'));
    cancel();
    vi.advanceTimersByTime(QUIET_MS * 3);
    expect(ran).toEqual([]);
  });
});
