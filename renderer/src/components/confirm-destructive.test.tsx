import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { afterEach, describe, expect, it } from 'vitest';
import { openDestructiveConfirm } from './confirm-destructive';

afterEach(cleanup);

describe('openDestructiveConfirm', () => {
  it('starts focus on Cancel and shows a red confirm button', async () => {
    render(
      <MantineProvider>
        <ModalsProvider>
          <div />
        </ModalsProvider>
      </MantineProvider>,
    );
    act(() => {
      openDestructiveConfirm({
        title: '删除',
        labels: { confirm: '删除', cancel: '取消' },
        onConfirm: () => undefined,
      });
    });
    const cancel = await screen.findByRole('button', { name: '取消' });
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    expect(screen.getByRole('button', { name: '删除' }).getAttribute('style') ?? '').toContain(
      'red',
    );
  });
});
