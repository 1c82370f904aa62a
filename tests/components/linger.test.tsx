// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { useLingering } from '@/components/linger';
import { manualFrames } from './manual-frames';

const frame = manualFrames();

const unmounted: string[] = [];

function Chart({ name }: { name: string }) {
  useEffect(() => () => void unmounted.push(name), [name]);
  return <p>{name}</p>;
}

function Charts({ names }: { names: string[] }) {
  const shown = useLingering(names, (n) => n);
  return (
    <>
      {shown.map(({ item, leaving }) => (
        <div key={item} data-leaving={leaving || undefined}>
          <Chart name={item} />
        </div>
      ))}
    </>
  );
}

const leaving = () =>
  [...document.querySelectorAll('[data-leaving]')].map((el) => el.textContent ?? '');

beforeEach(() => {
  unmounted.length = 0;
});

describe('useLingering (unmounting after the paint)', () => {
  it('keeps a removed item mounted and marked until a frame has been painted, then unmounts it', () => {
    const { rerender } = render(<Charts names={['山西省', '太原市', '迎泽区']} />);
    rerender(<Charts names={['山西省']} />);
    // Still mounted (not unmounted in the commit that removed them), marked as leaving.
    expect(unmounted).toEqual([]);
    expect(leaving()).toEqual(['太原市', '迎泽区']);
    expect(screen.getByText('山西省').closest('[data-leaving]')).toBeNull();
    frame(); // the frame showing the new list
    frame(); // idle (here: the frame after)
    expect(unmounted.sort()).toEqual(['太原市', '迎泽区'].sort());
    expect(leaving()).toEqual([]);
    expect(screen.queryByText('太原市')).toBeNull();
  });

  it('shows an item again without remounting it when it comes back while leaving', () => {
    const { rerender } = render(<Charts names={['山西省', '太原市']} />);
    rerender(<Charts names={['山西省']} />);
    rerender(<Charts names={['山西省', '太原市']} />);
    expect(leaving()).toEqual([]);
    frame();
    frame();
    expect(unmounted).toEqual([]);
    expect(screen.getByText('太原市')).toBeInTheDocument();
  });

  it('re-renders with an equal list do not mark anything', () => {
    const { rerender } = render(<Charts names={['山西省', '太原市']} />);
    rerender(<Charts names={['山西省', '太原市']} />);
    expect(leaving()).toEqual([]);
  });
});
