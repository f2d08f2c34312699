import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import {
  MantineProvider,
  mergeThemeOverrides,
  localStorageColorSchemeManager,
  Center,
  Loader,
  Alert,
} from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { ModalsProvider } from '@mantine/modals';
import { DatesProvider } from '@mantine/dates';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { HashRouter } from 'react-router';
import { i18n } from '../i18n';
import { COLOR_SCHEME_KEY, loadLanguage } from '../platform/preferences';
import { clearSession, loadSession, saveSession, type Session } from '../data/session';
import type { Workspace } from '../data/workspace';
import { earlyFirstScreen, earlySession, openWorkspaceOf } from './early-workspace';
import { RepositoriesContext, WorkspaceContext } from '../hooks/use-workspace';
import { createPendingRepositories } from './pending-repositories';
import { connectLiveInvalidation } from './live-invalidation';
import { PushFirst } from './push-first';
import { cssVariablesResolver, theme } from './theme';
import { dialogDefaults } from './dialog-defaults';
import { AppLayout, preloadPages } from './app-layout';
import {
  keepFirstScreenSnapshot,
  refreshFirstScreen,
  routeOf,
  seedFirstScreen,
} from './first-screen-cache';

// Not on a returning start's path (cold start, B6): the first-run screen (with the team connect form and its
// sync engine) and the local upload load when needed.
const FirstRunPage = lazy(() =>
  import('../features/first-run/first-run-page').then((m) => ({ default: m.FirstRunPage })),
);

const colorSchemeManager = localStorageColorSchemeManager({ key: COLOR_SCHEME_KEY });

/** Closes a workspace; the module holding RxDB loads after start (early-workspace.ts), so it is imported here too. */
function closeWorkspace(workspace: Workspace, wipe: boolean): Promise<void> {
  return import('../data/workspace').then((module) => module.closeWorkspace(workspace, wipe));
}

function createQueryClient(pushFirst: PushFirst): QueryClient {
  // Data is local: queries never go stale on their own; RxDB change events invalidate them (live-invalidation.ts).
  return new QueryClient({
    // A save's screen update (a dialog closing, a page opening) waits for its push to leave (push-first.ts).
    mutationCache: new MutationCache({ onSuccess: () => pushFirst.wait() }),
    defaultOptions: {
      queries: { staleTime: Infinity, gcTime: 5 * 60_000, retry: false, networkMode: 'always' },
      mutations: { networkMode: 'always' },
    },
  });
}

// The saved language before the first render: switching in an effect would render the whole app twice at start.
const savedLanguage = loadLanguage();
if (i18n.language !== savedLanguage) void i18n.changeLanguage(savedLanguage);

export function App() {
  const [pushFirst] = useState(() => new PushFirst());
  const [queryClient] = useState(() => {
    const client = createQueryClient(pushFirst);
    // The first screen's snapshot (first-screen-cache.ts): the list renders its rows in the first render.
    const firstScreen = earlyFirstScreen();
    if (firstScreen) seedFirstScreen(client, firstScreen);
    return client;
  });
  return (
    <I18nextProvider i18n={i18n}>
      <LocalizedTheme>
        <QueryClientProvider client={queryClient}>
          <LocalizedDates>
            <ModalsProvider>
              {/* Bottom right: toasts never cover the header's sync status (issue 15). */}
              <Notifications position="bottom-right" />
              <WorkspaceGate queryClient={queryClient} pushFirst={pushFirst} />
            </ModalsProvider>
          </LocalizedDates>
        </QueryClientProvider>
      </LocalizedTheme>
    </I18nextProvider>
  );
}

/** The app theme plus the defaults that carry text (dialogs' close buttons, dialog-defaults.ts). */
function LocalizedTheme({ children }: { children: ReactNode }) {
  // `t` changes with the language only, and so does the theme.
  const { t } = useTranslation();
  const localized = useMemo(() => mergeThemeOverrides(theme, dialogDefaults(t)), [t]);
  return (
    <MantineProvider
      theme={localized}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="light"
      colorSchemeManager={colorSchemeManager}
    >
      {children}
    </MantineProvider>
  );
}

/** Date pickers follow the UI language (month and weekday names, first day of week). */
function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n: active } = useTranslation();
  const zh = active.language === 'zh-CN';
  return (
    <DatesProvider settings={{ locale: zh ? 'zh-cn' : 'en', firstDayOfWeek: zh ? 1 : 0 }}>
      {children}
    </DatesProvider>
  );
}

function WorkspaceGate({
  queryClient,
  pushFirst,
}: {
  queryClient: QueryClient;
  pushFirst: PushFirst;
}) {
  const { t } = useTranslation();
  const [session, setSession] = useState<Session | null>(() => earlySession() ?? loadSession());
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [uploadLocal, setUploadLocal] = useState(false);
  // What pages read through until the replica is open (the accounts list renders meanwhile; pending-repositories.ts).
  const pending = useMemo(() => (session ? createPendingRepositories() : null), [session]);

  useEffect(() => {
    if (!session) return;
    let cancelled = false;
    let cleanup: (() => void) | undefined;
    openWorkspaceOf(session)
      .then((opened) => {
        performance.mark('crm:workspace-open-end');
        if (cancelled) {
          void closeWorkspace(opened, false);
          return;
        }
        pending?.resolve(opened.repos);
        pushFirst.use(opened.sync?.engine ?? null);
        const subscription = connectLiveInvalidation(opened.db, queryClient, pushFirst.wait);
        refreshFirstScreen(queryClient, opened.repos, routeOf(window.location.hash));
        const stopSnapshot = keepFirstScreenSnapshot(queryClient, opened.session);
        // An admin revoked this device: wipe the team replica and go back to the first-run screen.
        const revoked = opened.sync?.state$.subscribe((state) => {
          if (!state.revoked) return;
          revoked?.unsubscribe();
          void closeWorkspace(opened, true).finally(() => {
            clearSession();
            queryClient.clear();
            setWorkspace(null);
            setNotice(i18n.t('connect.revoked'));
            setSession(null);
          });
        });
        cleanup = () => {
          pushFirst.use(null);
          subscription.unsubscribe();
          stopSnapshot();
          revoked?.unsubscribe();
        };
        setWorkspace(opened);
      })
      .catch((e: unknown) => {
        pending?.reject(e);
        setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
      cleanup?.();
    };
    // Not keyed on `t`: the language is applied right after start, and a new `t` must not reopen the replica.
  }, [session, queryClient, pending, pushFirst]);

  // First run: the person is typing, so the pages' code loads now (the web build may lose the network
  // right after start; a returning start loads it after its first screen, platform/startup.ts).
  useEffect(() => {
    if (!session) preloadPages();
  }, [session]);

  useEffect(() => {
    if (!workspace || !uploadLocal) return;
    setUploadLocal(false);
    import('../data/team/upload-local')
      .then(({ uploadLocalWorkspace }) => uploadLocalWorkspace(workspace, 'crm-local'))
      .then((count) =>
        notifications.show({ color: 'green', message: t('connect.uploaded', { count }) }),
      )
      .catch((e: unknown) => notifications.show({ color: 'red', message: String(e) }));
  }, [workspace, uploadLocal, t]);

  if (!session) {
    return (
      <Suspense
        fallback={
          <Center h="100vh">
            <Loader />
          </Center>
        }
      >
        <FirstRunPage
          notice={notice}
          onStart={(next, options) => {
            saveSession(next);
            setUploadLocal(options.uploadLocal);
            setSession(next);
          }}
        />
      </Suspense>
    );
  }
  if (error) {
    return (
      <Center h="100vh">
        <Alert color="red" title={t('app.name')}>
          {t('app.openFailed', { reason: error })}
        </Alert>
      </Center>
    );
  }
  // The frame renders at once; the pages appear inside it when the replica is open (AppLayout).
  return (
    <WorkspaceContext.Provider value={workspace}>
      <RepositoriesContext.Provider value={workspace?.repos ?? pending?.repos ?? null}>
        <HashRouter>
          <AppLayout session={session} workspace={workspace} />
        </HashRouter>
      </RepositoriesContext.Provider>
    </WorkspaceContext.Provider>
  );
}
