import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useTurnToDraw } from './draw-queue';

function Chart({ name, log }: { name: string; log: string[] }) {
  const turn = useTurnToDraw();
  if (turn) log.push(name);
  return <div data-testid={name}>{turn ? 'drawn' : 'waiting'}</div>;
}

const nextTask = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

describe('useTurnToDraw', () => {
  it('draws charts one per task, in the order they asked, and skips one that left', async () => {
    const log: string[] = [];
    const { rerender } = render(
      <>
        <Chart name="a" log={log} />
        <Chart name="b" log={log} />
        <Chart name="c" log={log} />
      </>,
    );
    expect(screen.getByTestId('a').textContent).toBe('waiting');
    await nextTask();
    expect(screen.getByTestId('a').textContent).toBe('drawn');
    expect(screen.getByTestId('b').textContent).toBe('waiting');
    // b leaves before its turn: c comes next.
    rerender(
      <>
        <Chart name="a" log={log} />
        <Chart name="c" log={log} />
      </>,
    );
    await nextTask();
    await nextTask();
    expect(screen.getByTestId('c').textContent).toBe('drawn');
    expect([...new Set(log)]).toEqual(['a', 'c']);
  });
});
