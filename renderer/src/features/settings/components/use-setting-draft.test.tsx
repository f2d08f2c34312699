import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { numberOrNaN, useSettingDraft } from './use-setting-draft';

const schema = z.object({ days: z.number().int().min(1, 'test.daysMin'), name: z.string() });
type Value = z.infer<typeof schema>;

function setup(saved: Value | undefined, moreErrors?: (v: Value) => Record<string, string>) {
  const save = { mutate: vi.fn(), reset: vi.fn() };
  const hook = renderHook(() =>
    useSettingDraft({ schema, fallback: { days: 7, name: '' }, saved, save, moreErrors }),
  );
  return { save, hook };
}

describe('useSettingDraft', () => {
  it('starts from the stored value and saves what the schema accepts', () => {
    const { save, hook } = setup({ days: 3, name: 'a' });
    expect(hook.result.current.draft).toEqual({ days: 3, name: 'a' });
    act(() => hook.result.current.change((current) => ({ ...current, days: 5 })));
    expect(save.reset).toHaveBeenCalled();
    act(() => hook.result.current.handleSave());
    expect(save.mutate).toHaveBeenCalledWith({ days: 5, name: 'a' }, expect.anything());
  });

  it('shows a field error only once a save was tried, and refuses to save it', () => {
    const { save, hook } = setup(undefined);
    act(() => hook.result.current.change({ days: numberOrNaN(''), name: '' }));
    expect(hook.result.current.errors.days).toBeDefined();
    expect(hook.result.current.errorAt('days')).toBeUndefined();
    act(() => hook.result.current.handleSave());
    expect(hook.result.current.errorAt('days')).toBeDefined();
    expect(save.mutate).not.toHaveBeenCalled();
  });

  it('refuses a value the schema accepts when a further check fails', () => {
    const { save, hook } = setup({ days: 3, name: '' }, (v): Record<string, string> =>
      v.name ? {} : { name: 'test.nameRequired' },
    );
    act(() => hook.result.current.handleSave());
    expect(hook.result.current.tried).toBe(true);
    expect(hook.result.current.errors).toEqual({ name: 'test.nameRequired' });
    expect(save.mutate).not.toHaveBeenCalled();
  });
});
