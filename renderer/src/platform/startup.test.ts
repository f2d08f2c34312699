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
});
