import { afterEach, describe, expect, it } from 'vitest';
import {
  afterFirstContent,
  firstContentShown,
  markFirstContent,
  resetStartupForTests,
} from './startup';

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('start-up order', () => {
  afterEach(resetStartupForTests);

  it('holds deferred work until the first screen has its content, then runs it once', async () => {
    const ran: string[] = [];
    afterFirstContent(() => ran.push('search'));
    afterFirstContent(() => ran.push('pages'));
    await settle();
    expect(ran).toEqual([]);
    markFirstContent();
    markFirstContent();
    await settle();
    expect(ran).toEqual(['search', 'pages']);
  });

  it('runs work deferred after the first content soon, and one failing task does not stop the others', async () => {
    const ran: string[] = [];
    const errors = console.error;
    console.error = () => undefined;
    try {
      afterFirstContent(() => {
        throw new Error('boom');
      });
      afterFirstContent(() => ran.push('after a failure'));
      markFirstContent();
      await settle();
      afterFirstContent(() => ran.push('late'));
      await settle();
    } finally {
      console.error = errors;
    }
    expect(ran).toEqual(['after a failure', 'late']);
  });

  it('announces the first content after its frame, before the idle-time work', async () => {
    const order: string[] = [];
    void firstContentShown().then(() => order.push('shown'));
    afterFirstContent(() => order.push('idle work'));
    await settle();
    expect(order).toEqual([]);
    markFirstContent();
    await settle();
    expect(order).toEqual(['shown', 'idle work']);
    // Asked later, it is already settled.
    await expect(firstContentShown()).resolves.toBeUndefined();
  });

  it('does not wait for a frame in a hidden page, which draws none (a background tab)', async () => {
    const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState');
    const frames = globalThis.requestAnimationFrame;
    // No frame ever comes, as in a background tab.
    globalThis.requestAnimationFrame = () => 0;
    try {
      Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
      markFirstContent();
      await expect(firstContentShown()).resolves.toBeUndefined();

      // Shown when the markFirstContent ran, then hidden before its frame: announced on the change.
      resetStartupForTests();
      Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' });
      let announced = false;
      void firstContentShown().then(() => (announced = true));
      markFirstContent();
      await settle();
      expect(announced).toBe(false);
      Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
      await firstContentShown();
      expect(announced).toBe(true);
    } finally {
      globalThis.requestAnimationFrame = frames;
      delete (document as { visibilityState?: unknown }).visibilityState;
      if (visibility) Object.defineProperty(Document.prototype, 'visibilityState', visibility);
    }
  });
});
