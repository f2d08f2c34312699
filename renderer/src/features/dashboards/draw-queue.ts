import { startTransition, useEffect, useRef, useState } from 'react';

/**
 * Charts drawn one after another (B8): a dashboard's numbers and card frames appear at once, and each chart is
 * then drawn in a render of its own, in the order the cards asked, with a task boundary between two charts so a
 * click or a key press is never kept waiting behind all of them. Drawing a chart (recharts: measure, lay out,
 * many SVG nodes) is what costs on a dashboard; the numbers themselves are cheap.
 */
const waiting: (() => void)[] = [];
let drawing: (() => void) | null = null;

function drawNext(): void {
  drawing = waiting.shift() ?? null;
  if (drawing) {
    const draw = drawing;
    setTimeout(draw, 0);
  }
}

/** Queues a chart; the returned function takes it out again (and passes the turn on if it was its turn). */
function enqueue(draw: () => void): () => void {
  waiting.push(draw);
  if (!drawing) drawNext();
  return () => {
    const at = waiting.indexOf(draw);
    if (at >= 0) waiting.splice(at, 1);
    else finished(draw);
  };
}

/** A chart is drawn (committed): the next one's turn, after a task boundary. */
function finished(draw: () => void): void {
  if (drawing === draw) drawNext();
}

/** False until it is this chart's turn to be drawn; then true for good. */
export function useTurnToDraw(): boolean {
  const [turn, setTurn] = useState(false);
  const queued = useRef<(() => void) | null>(null);
  useEffect(() => {
    const draw = () => startTransition(() => setTurn(true));
    queued.current = draw;
    const leave = enqueue(draw);
    return () => {
      queued.current = null;
      leave();
    };
  }, []);
  useEffect(() => {
    if (turn && queued.current) finished(queued.current);
  }, [turn]);
  return turn;
}
