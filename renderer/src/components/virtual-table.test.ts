import { describe, expect, it } from 'vitest';
import { initialRect } from './virtual-table';

describe('the virtual table’s first guess of its scroll area', () => {
  it('is the viewport less what a calc(100vh - N px) height leaves out, so measuring does not change the rows', () => {
    expect(initialRect('calc(100vh - 220px)')).toEqual({
      width: window.innerWidth,
      height: window.innerHeight - 220,
    });
    expect(initialRect(' calc(100vh - 12.5px) ').height).toBe(window.innerHeight - 12.5);
  });

  it('takes a fixed height as it is, and the viewport for any other height', () => {
    expect(initialRect(400).height).toBe(400);
    expect(initialRect('60vh').height).toBe(window.innerHeight);
    expect(initialRect('calc(100vh - 99999px)').height).toBe(0);
  });
});
