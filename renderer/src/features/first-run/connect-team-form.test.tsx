import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n';
import { ConnectTeamForm } from './connect-team-form';

beforeAll(() => {
  // jsdom has no matchMedia or ResizeObserver; Mantine asks for both.
  if (typeof window.matchMedia !== 'function')
    Object.defineProperty(window, 'matchMedia', {
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        addListener: () => undefined,
        removeListener: () => undefined,
        dispatchEvent: () => false,
      }),
    });
  globalThis.ResizeObserver ??= class {
    observe = () => undefined;
    unobserve = () => undefined;
    disconnect = () => undefined;
  };
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('ConnectTeamForm: creating a workspace on a server that does not allow it', () => {
  it('says the server is closed to new workspaces and offers joining with an invite instead', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(
            JSON.stringify({
              error: { code: 'workspace_creation_closed', message: 'closed' },
            }),
            { status: 403, headers: { 'content-type': 'application/json' } },
          ),
        ),
      ),
    );
    render(
      <MantineProvider>
        <I18nextProvider i18n={i18n}>
          <ConnectTeamForm onConnected={() => undefined} hasLocalWorkspace={false} />
        </I18nextProvider>
      </MantineProvider>,
    );
    fireEvent.click(screen.getByText('创建团队工作区'));
    type('connect-server', 'http://127.0.0.1:8787');
    type('connect-workspace', '新公司');
    type('connect-name', '林');
    type('connect-email', 'lin@example.com');
    type('connect-password', 'correct horse');
    fireEvent.click(screen.getByTestId('connect-submit'));

    const alert = await screen.findByTestId('connect-error');
    expect(alert.textContent).toContain('这台服务器不开放创建工作区');
    expect(alert.textContent).toContain('这台服务器不允许自行创建团队工作区');
    fireEvent.click(screen.getByTestId('connect-switch-join'));
    await waitFor(() => expect(screen.getByTestId('connect-invite')).toBeTruthy());
    expect(screen.queryByTestId('connect-error')).toBeNull();
  });
});
