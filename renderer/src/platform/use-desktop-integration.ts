import { useEffect, useEffectEvent } from 'react';
import { notifications } from '@mantine/notifications';
import { spotlight } from '@mantine/spotlight';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isAppRoute } from '@shared/ipc/app-routes';
import { APP_COMMANDS, type AppCommand } from '@shared/ipc/channels';
import { appLanguageSchema, type PdfExportResult, type SyncStatus } from '@shared/ipc/contract';
import { emitAppCommand } from './app-commands';
import { getBridge } from './bridge';
import './print.css';
import { logError } from './log';

/**
 * Connects the page to the desktop shell (a no-op in the web build, where nothing sends these events):
 * - routes from deep links (`crm://account/<id>`), clicked reminders and the Go menu open in the router —
 *   including one that arrived before the page was ready (a link that started the app);
 * - menu commands: Search opens the palette, Settings opens settings, New account goes to the accounts page
 *   and opens its form (see app-commands.ts), Export as PDF / Print act on the current page;
 * - the UI language goes to the main process (menu, tray, dialogs follow it);
 * - `syncStatus`, when given, is shown by the tray icon.
 *
 * Mount it once, inside the router (AppLayout).
 */
export function useDesktopIntegration({ syncStatus }: { syncStatus?: SyncStatus } = {}): void {
  const navigate = useNavigate();
  const { t, i18n } = useTranslation();

  const openRoute = useEffectEvent((route: unknown) => {
    // The preload already checked it; a route is checked again wherever it crosses a boundary.
    if (isAppRoute(route)) void navigate(route);
  });

  const reportPdf = useEffectEvent((result: PdfExportResult) => {
    if (result.ok && result.outcome === 'saved')
      notifications.show({ color: 'green', message: t('desktop.pdf.saved') });
    if (!result.ok) {
      notifications.show({
        color: 'red',
        message: t(
          result.reason === 'unsupported' ? 'desktop.pdf.unsupported' : 'desktop.pdf.failed',
        ),
      });
    }
  });

  const runCommand = useEffectEvent((command: unknown) => {
    if (!(APP_COMMANDS as readonly unknown[]).includes(command)) return;
    const id = command as AppCommand;
    // A page that knows better (an account plan choosing its PDF name) handles the command itself.
    if (emitAppCommand(id, { keepIfUnhandled: id === 'new-account' })) return;
    switch (id) {
      case 'search':
        spotlight.open();
        break;
      case 'open-settings':
        void navigate('/settings');
        break;
      case 'new-account':
        void navigate('/accounts');
        break;
      case 'export-pdf':
        getBridge()
          .exportPdf({ suggestedName: document.title || 'Field CRM' })
          .then(reportPdf, () => reportPdf({ ok: false, reason: 'failed' }));
        break;
      case 'print':
        window.print();
        break;
    }
  });

  useEffect(() => {
    const bridge = getBridge();
    const stopNavigate = bridge.onNavigate((route) => openRoute(route));
    const stopCommand = bridge.onCommand((command) => runCommand(command));
    let active = true;
    // Also tells the main process that routes can now be sent straight through.
    bridge
      .takePendingRoute()
      .then((route) => {
        if (active && route !== null) openRoute(route);
      })
      .catch((error: unknown) => logError('take the pending crm:// route', error));
    return () => {
      active = false;
      stopNavigate();
      stopCommand();
    };
  }, []);

  const language = appLanguageSchema.safeParse(i18n.language);
  const languageValue = language.success ? language.data : null;
  useEffect(() => {
    if (languageValue !== null)
      getBridge()
        .setLanguage(languageValue)
        .catch((error: unknown) => logError('tell the main process the language', error));
  }, [languageValue]);

  const state = syncStatus?.state;
  const pendingChanges = syncStatus?.pendingChanges;
  useEffect(() => {
    if (state !== undefined)
      getBridge()
        .setTraySyncState({ state, pendingChanges })
        .catch((error: unknown) => logError('update the tray', error));
  }, [state, pendingChanges]);
}
