import { describe, expect, it } from 'vitest';
import { createNavigationQueue } from './navigation-queue';

function setup() {
  const sent: string[] = [];
  return { sent, queue: createNavigationQueue((route) => sent.push(route)) };
}

describe('createNavigationQueue', () => {
  it('keeps a cold-start deep link until the page listens, then hands it over once', () => {
    const { sent, queue } = setup();
    expect(queue.navigate('/accounts/acc-1')).toBe('queued');
    expect(sent).toEqual([]);
    expect(queue.takePending()).toBe('/accounts/acc-1');
    expect(queue.takePending()).toBeNull();
  });

  it('keeps only the latest route while the page is not listening', () => {
    const { queue } = setup();
    queue.navigate('/deals/d-1');
    queue.navigate('/tickets/t-2');
    expect(queue.takePending()).toBe('/tickets/t-2');
  });

  it('sends straight through once the page listens', () => {
    const { sent, queue } = setup();
    expect(queue.takePending()).toBeNull();
    expect(queue.navigate('/contracts/c-1')).toBe('sent');
    expect(sent).toEqual(['/contracts/c-1']);
    expect(queue.takePending()).toBeNull();
  });

  it('queues again after the page reloads', () => {
    const { sent, queue } = setup();
    queue.takePending();
    queue.reset();
    expect(queue.navigate('/leads/l-1')).toBe('queued');
    expect(sent).toEqual([]);
    expect(queue.takePending()).toBe('/leads/l-1');
  });

  it.each(['https://evil.example/', '/accounts/../settings', '', 'javascript:alert(1)'])(
    'refuses %j',
    (route) => {
      const { sent, queue } = setup();
      queue.takePending();
      expect(queue.navigate(route)).toBe('refused');
      expect(sent).toEqual([]);
    },
  );
});
