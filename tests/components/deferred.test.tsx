// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { Deferred } from '@/components/deferred';
import { manualFrames } from './manual-frames';

const frame = manualFrames();

function Page() {
  return (
    <>
      <p>第一张图</p>
      <Deferred>
        <p>明细表</p>
      </Deferred>
      <Deferred>
        <p>三公表</p>
      </Deferred>
    </>
  );
}

describe('Deferred (progressive rendering)', () => {
  it('renders the first block at once and each deferred block one frame after the one before', () => {
    const { container, unmount } = render(<Page />);
    expect(screen.getByText('第一张图')).toBeInTheDocument();
    expect(screen.queryByText('明细表')).toBeNull();
    expect(container.querySelectorAll('.deferred-placeholder')).toHaveLength(2);
    frame();
    expect(screen.getByText('明细表')).toBeInTheDocument();
    expect(screen.queryByText('三公表')).toBeNull();
    frame();
    expect(screen.getByText('三公表')).toBeInTheDocument();
    expect(container.querySelectorAll('.deferred-placeholder')).toHaveLength(0);
    unmount();
  });

  it('renders everything before printing', () => {
    const { unmount } = render(<Page />);
    expect(screen.queryByText('三公表')).toBeNull();
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    expect(screen.getByText('明细表')).toBeInTheDocument();
    expect(screen.getByText('三公表')).toBeInTheDocument();
    unmount();
  });

  it('forgets blocks that went away before their turn', () => {
    const { unmount } = render(<Page />);
    unmount();
    expect(() => frame()).not.toThrow();
    render(<Page />);
    frame();
    expect(screen.getByText('明细表')).toBeInTheDocument();
  });
});
