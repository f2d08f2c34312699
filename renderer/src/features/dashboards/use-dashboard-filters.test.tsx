import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useDashboardFilters } from './use-dashboard-filters';

const wrapper = ({ children }: { children: ReactNode }) => (
  <MemoryRouter initialEntries={['/dashboards/customers?period=quarter']}>{children}</MemoryRouter>
);

describe('useDashboardFilters', () => {
  it('keeps both of two changes made before the router renders (end date typed, then start date)', () => {
    const { result } = renderHook(
      () => ({ filters: useDashboardFilters(), location: useLocation() }),
      { wrapper },
    );
    act(() => {
      const [, update] = result.current.filters;
      update({ periodKind: 'custom' });
    });
    act(() => {
      const [, update] = result.current.filters;
      // One render's `update`, called twice: the second must build on the first.
      update({ end: '2026-12-08' });
      update({ start: '2026-10-09' });
    });
    const [filters] = result.current.filters;
    expect(filters).toMatchObject({ periodKind: 'custom', start: '2026-10-09', end: '2026-12-08' });
    expect(result.current.location.search).toBe('?period=custom&start=2026-10-09&end=2026-12-08');
  });
});
