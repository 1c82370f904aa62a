// @vitest-environment jsdom
import { useLayoutEffect } from 'react';
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

  it('keeps the room of its placeholder as the size of a block the browser has not drawn yet', () => {
    const { container, unmount } = render(
      <Deferred minHeight={400}>
        <p>明细表</p>
      </Deferred>,
    );
    expect(container.querySelector('.deferred-placeholder')).toHaveStyle({ minHeight: '400px' });
    frame();
    // content-visibility: auto (app.css) skips the block while it is far from the viewport; until
    // it has been drawn once, the browser takes it to be as high as the placeholder was.
    const block = screen.getByText('明细表').closest('.deferred-block') as HTMLElement;
    expect(block.style.containIntrinsicSize).toBe('auto 400px');
    unmount();
  });

  it('after a change, updates the first chart in the same commit and a drawn block just after, marked stale meanwhile', () => {
    // What the page showed at each commit of the first chart: its unit, and the block's.
    const seen: string[] = [];
    function FirstChart({ unit }: { unit: string }) {
      useLayoutEffect(() => {
        const block = document.querySelector('.deferred-block');
        seen.push(
          `${unit} | ${block?.textContent ?? ''}${block?.getAttribute('aria-busy') === 'true' ? '（待更新）' : ''}`,
        );
      });
      return <p>{unit}</p>;
    }
    function Unit({ unit }: { unit: string }) {
      return (
        <>
          <FirstChart unit={unit} />
          <Deferred>
            <p>{unit}明细</p>
          </Deferred>
        </>
      );
    }
    const { rerender, unmount } = render(<Unit unit="省本级" />);
    frame();
    expect(screen.getByText('省本级明细')).toBeInTheDocument();
    seen.length = 0;
    act(() => rerender(<Unit unit="金城区" />));
    // The click's own commit shows the new chart beside the old block, marked stale; the block
    // follows, no longer stale.
    expect(seen[0]).toBe('金城区 | 省本级明细（待更新）');
    expect(screen.getByText('金城区明细')).toBeInTheDocument();
    expect(screen.getByText('金城区明细').closest('.deferred-block')).not.toHaveAttribute(
      'aria-busy',
    );
    unmount();
  });
});
