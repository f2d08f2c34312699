import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MantineProvider, Modal, mergeThemeOverrides } from '@mantine/core';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import type { Session } from '../data/session';
import { AppLayout } from './app-layout';
import { dialogDefaults } from './dialog-defaults';
import { theme } from './theme';

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('zh-CN');
});

const session: Session = {
  mode: 'local',
  workspaceId: 'w1',
  workspaceName: '我的工作区',
  userId: 'u1',
  userName: '张伟',
  teamId: 't1',
};

/** The frame as app.tsx renders it before the replica is open (pages that need it show a loader). */
function renderFrame(path: string) {
  return render(
    <MantineProvider theme={mergeThemeOverrides(theme, dialogDefaults(i18n.t))}>
      <MemoryRouter initialEntries={[path]}>
        <AppLayout session={session} workspace={null} />
      </MemoryRouter>
    </MantineProvider>,
  );
}

describe('app frame', () => {
  it('shows a not-found page with a way back to My day for an unknown address, in both languages', async () => {
    renderFrame('/no-such-page');
    expect(screen.getByTestId('not-found').textContent).toContain('找不到这个页面');
    expect(screen.getByTestId('not-found').textContent).toContain('/no-such-page');
    expect(screen.getByTestId('not-found-home').getAttribute('href')).toBe('/');
    expect(screen.queryByTestId('workspace-opening')).toBeNull();

    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to My day' })).toBeTruthy();
  });

  it('does not show the not-found page on a known route', () => {
    renderFrame('/contacts');
    expect(screen.queryByTestId('not-found')).toBeNull();
  });

  it('has one banner, one named navigation and one main, and a skip link first that focuses main', async () => {
    const { container } = renderFrame('/no-such-page');
    expect(screen.getAllByRole('banner')).toHaveLength(1);
    expect(screen.getAllByRole('main')).toHaveLength(1);
    expect(screen.getAllByRole('navigation')).toHaveLength(1);
    expect(screen.getByRole('navigation', { name: '主导航' })).toBeTruthy();

    const firstFocusable = container.querySelector<HTMLElement>('a[href], button, input');
    expect(firstFocusable?.textContent).toBe('跳到主要内容');
    fireEvent.click(firstFocusable!);
    expect(document.activeElement).toBe(screen.getByRole('main'));

    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeTruthy();
    expect(screen.getByTestId('skip-link').textContent).toBe('Skip to main content');
  });
});

describe('dialog defaults', () => {
  it('names every modal’s close button in the UI language', async () => {
    const renderModal = () =>
      render(
        <MantineProvider theme={mergeThemeOverrides(theme, dialogDefaults(i18n.t))}>
          <Modal opened onClose={() => undefined} title="x">
            <input aria-label="field" />
          </Modal>
        </MantineProvider>,
      );
    renderModal();
    await waitFor(() => expect(screen.getByRole('button', { name: '关闭对话框' })).toBeTruthy());
    cleanup();
    await i18n.changeLanguage('en');
    renderModal();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Close dialog' })).toBeTruthy());
  });
});
