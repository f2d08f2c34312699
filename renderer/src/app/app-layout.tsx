import { lazy, Suspense, useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { AppShell, Burger, Center, Group, Loader, NavLink, Title, Badge } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAddressBook,
  IconBuilding,
  IconCloudUpload,
  IconFileText,
  IconGavel,
  IconReportMoney,
  IconHeadset,
  IconInbox,
  IconRefresh,
  IconSettings,
  IconSpeakerphone,
  IconSun,
  IconTargetArrow,
  IconChartBar,
  IconChartPie,
  IconTimeline,
  IconUserPlus,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useShortcut, useShortcutListener } from '../components/shortcuts/use-shortcut';
import { HeaderControls } from '../components/header-controls';
import { GlobalSearch } from '../features/search/global-search';
import { AccountsPage } from '../features/accounts/accounts-page';
import { InboxCountBadge } from '../features/inbox/components/inbox-count-badge';
import { useInboxRuntime } from '../features/inbox/use-inbox-runtime';
import { InboxServiceContext } from '../entities/inbox/inbox-items';
import { DesktopIntegration, PendingCountBadge } from './sync-indicators';
import type { Session } from '../data/session';
import type { Workspace } from '../data/workspace';
import { afterFirstContent, markFirstContent } from '../platform/startup';
import { NotFoundPage } from '../features/not-found/not-found-page';
import { useFocusAfterNavigation } from './use-focus-after-navigation';
import classes from './app-layout.module.css';

// The accounts list is in the main bundle; every other page is its own chunk, so the rich-text editor (through
// My day's activity form), the board's drag and drop and the admin screens are not parsed before the first
// list shows (B6 cold start). They are all loaded once the first screen has its content (preloadPages, via
// startup.ts) — or, on the first-run screen, while the person types — so the web build has them in memory
// when the network goes away (the desktop app reads them from disk anyway).
const pages = {
  MyDayPage: () => import('../features/my-day/my-day-page').then((m) => ({ default: m.MyDayPage })),
  AccountDetailPage: () =>
    import('../features/accounts/account-detail-page').then((m) => ({
      default: m.AccountDetailPage,
    })),
  ContactsPage: () =>
    import('../features/contacts/contacts-page').then((m) => ({ default: m.ContactsPage })),
  ContactRoute: () =>
    import('../features/contacts/contact-route').then((m) => ({ default: m.ContactRoute })),
  LeadsPage: () => import('../features/leads/leads-page').then((m) => ({ default: m.LeadsPage })),
  CampaignsPage: () =>
    import('../features/campaigns/campaigns-page').then((m) => ({ default: m.CampaignsPage })),
  ApprovalsPage: () =>
    import('../features/approvals/approvals-page').then((m) => ({ default: m.ApprovalsPage })),
  DealsPage: () => import('../features/deals/deals-page').then((m) => ({ default: m.DealsPage })),
  ForecastPage: () =>
    import('../features/forecast/forecast-page').then((m) => ({ default: m.ForecastPage })),
  DealDetailPage: () =>
    import('../features/deals/deal-detail-page').then((m) => ({ default: m.DealDetailPage })),
  QuotePrintPage: () =>
    import('../features/quotes/quote-print-page').then((m) => ({ default: m.QuotePrintPage })),
  ContractsPage: () =>
    import('../features/contracts/contracts-page').then((m) => ({ default: m.ContractsPage })),
  ContractDetailPage: () =>
    import('../features/contracts/contract-detail-page').then((m) => ({
      default: m.ContractDetailPage,
    })),
  CollectionsPage: () =>
    import('../features/collections/collections-page').then((m) => ({
      default: m.CollectionsPage,
    })),
  TicketsPage: () =>
    import('../features/tickets/tickets-page').then((m) => ({ default: m.TicketsPage })),
  TicketDetailPage: () =>
    import('../features/tickets/ticket-detail-page').then((m) => ({ default: m.TicketDetailPage })),
  SettingsPage: () =>
    import('../features/settings/settings-page').then((m) => ({ default: m.SettingsPage })),
  InboxPage: () => import('../features/inbox/inbox-page').then((m) => ({ default: m.InboxPage })),
  PendingPage: () =>
    import('../features/pending/pending-page').then((m) => ({ default: m.PendingPage })),
  TeamAdminPage: () =>
    import('../features/team-admin/team-admin-page').then((m) => ({ default: m.TeamAdminPage })),
  ImportPage: () =>
    import('../features/import/import-page').then((m) => ({ default: m.ImportPage })),
  MergePage: () => import('../features/merge/merge-page').then((m) => ({ default: m.MergePage })),
  RenewalsPage: () =>
    import('../features/renewals/renewals-page').then((m) => ({ default: m.RenewalsPage })),
  DashboardsPage: () =>
    import('../features/dashboards/dashboards-page').then((m) => ({
      default: m.DashboardsPage,
    })),
};
const MyDayPage = lazy(pages.MyDayPage);
const AccountDetailPage = lazy(pages.AccountDetailPage);
const ContactsPage = lazy(pages.ContactsPage);
const ContactRoute = lazy(pages.ContactRoute);
const LeadsPage = lazy(pages.LeadsPage);
const CampaignsPage = lazy(pages.CampaignsPage);
const ApprovalsPage = lazy(pages.ApprovalsPage);
const DealsPage = lazy(pages.DealsPage);
const ForecastPage = lazy(pages.ForecastPage);
const DealDetailPage = lazy(pages.DealDetailPage);
const QuotePrintPage = lazy(pages.QuotePrintPage);
const ContractsPage = lazy(pages.ContractsPage);
const ContractDetailPage = lazy(pages.ContractDetailPage);
const CollectionsPage = lazy(pages.CollectionsPage);
const TicketsPage = lazy(pages.TicketsPage);
const TicketDetailPage = lazy(pages.TicketDetailPage);
const SettingsPage = lazy(pages.SettingsPage);
const InboxPage = lazy(pages.InboxPage);
const PendingPage = lazy(pages.PendingPage);
const TeamAdminPage = lazy(pages.TeamAdminPage);
const ImportPage = lazy(pages.ImportPage);
const MergePage = lazy(pages.MergePage);
const RenewalsPage = lazy(pages.RenewalsPage);
const DashboardsPage = lazy(pages.DashboardsPage);

let preloaded = false;
/** Loads every page chunk once (a failure is retried by React.lazy when the page is opened). */
export function preloadPages(): void {
  if (preloaded) return;
  preloaded = true;
  // Prefetch only: React.lazy loads (and reports) the page again when it is opened.
  for (const load of Object.values(pages)) load().catch(() => undefined);
}

const NAV = [
  { to: '/', key: 'myDay', icon: IconSun },
  { to: '/accounts', key: 'accounts', icon: IconBuilding },
  { to: '/contacts', key: 'contacts', icon: IconAddressBook },
  { to: '/leads', key: 'leads', icon: IconUserPlus },
  { to: '/campaigns', key: 'campaigns', icon: IconSpeakerphone },
  { to: '/deals', key: 'deals', icon: IconTargetArrow },
  { to: '/forecast', key: 'forecast', icon: IconChartBar },
  { to: '/dashboards', key: 'dashboards', icon: IconChartPie },
  { to: '/contracts', key: 'contracts', icon: IconFileText },
  { to: '/approvals', key: 'approvals', icon: IconGavel },
  { to: '/renewals', key: 'renewals', icon: IconRefresh },
  { to: '/collections', key: 'collections', icon: IconReportMoney },
  { to: '/tickets', key: 'tickets', icon: IconHeadset },
  { to: '/pending', key: 'pending', icon: IconCloudUpload, teamOnly: true },
  // Reminders, mentions and approvals work in a local workspace too; refused changes only come with a team.
  { to: '/inbox', key: 'inbox', icon: IconInbox },
  { to: '/team', key: 'team', icon: IconUsersGroup, teamOnly: true },
  { to: '/settings', key: 'settings', icon: IconSettings },
] as const;

/** `g` then a letter goes to a main screen (components/shortcuts/catalog.ts). */
function useGoShortcuts(): void {
  const navigate = useNavigate();
  useShortcut('goMyDay', () => void navigate('/'));
  useShortcut('goAccounts', () => void navigate('/accounts'));
  useShortcut('goContacts', () => void navigate('/contacts'));
  useShortcut('goLeads', () => void navigate('/leads'));
  useShortcut('goDeals', () => void navigate('/deals'));
  useShortcut('goContracts', () => void navigate('/contracts'));
  useShortcut('goTickets', () => void navigate('/tickets'));
  useShortcut('goInbox', () => void navigate('/inbox'));
  useShortcut('goSettings', () => void navigate('/settings'));
}

/** Shown where a page waits for the replica to open. */
function Opening() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t('app.loading')} data-testid="workspace-opening" />
    </Center>
  );
}

/**
 * The app's frame: header, navigation and the routed page. It renders as soon as the session is known, while
 * the workspace's replica is still opening (`workspace` null): the frame's own rendering then overlaps the
 * IndexedDB work instead of following it (cold start, B6), and the parts that need the replica (pages,
 * search, sync status, inbox badge) appear when it is open. WorkspaceContext is provided around it.
 */
export function AppLayout({
  session,
  workspace,
}: {
  session: Session;
  workspace: Workspace | null;
}) {
  const { t } = useTranslation();
  const inbox = useInboxRuntime(workspace);
  /** A page that needs the open workspace (not only its repositories): a loader until the replica is open. */
  const whenOpen = (page: ReactNode) => (workspace ? page : <Opening />);
  const [opened, { toggle, close }] = useDisclosure();
  useShortcutListener();
  useGoShortcuts();
  const location = useLocation();
  const isActive = (to: string) =>
    to === '/' ? location.pathname === '/' : location.pathname.startsWith(to);
  useEffect(() => afterFirstContent(preloadPages), []);
  // A first screen without a list (My day, a record page) has its content once the workspace is open; a list
  // marks it itself when its rows arrive (hooks/use-paged-list.ts), before the open when it shows a snapshot.
  useEffect(() => {
    if (workspace) markFirstContent();
  }, [workspace]);
  const mainRef = useRef<HTMLElement>(null);
  useFocusAfterNavigation(mainRef);
  // An in-page link would be taken for a route by the hash router: the skip link moves focus itself.
  const handleSkip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <InboxServiceContext.Provider value={inbox}>
      <DesktopIntegration session={session} sync={workspace?.sync ?? null} />
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        {/* The first Tab stop: past the header and the navigation to the page (WCAG 2.4.1). */}
        <a
          href="#main-content"
          className={classes.skipLink}
          onClick={handleSkip}
          data-testid="skip-link"
        >
          {t('shell.skipToMain')}
        </a>
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" />
              <IconTimeline size={22} />
              <Title order={4}>{t('app.name')}</Title>
              <Badge variant="light" data-testid="workspace-mode">
                {t(`app.workspace.${session.mode}`)}
              </Badge>
            </Group>
            <HeaderControls withSync={workspace !== null} />
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label={t('shell.navigation')}>
          {/* Native scrolling: Mantine's ScrollArea keeps its viewport in state, which renders it twice while the
            first screen commits (cold start, B6). */}
          <div style={{ overflowY: 'auto', minHeight: 0 }}>
            {NAV.filter((item) => !('teamOnly' in item) || session.mode === 'team').map((item) => (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={t(`app.nav.${item.key}`)}
                leftSection={<item.icon size={18} />}
                rightSection={
                  item.key === 'inbox' && workspace ? (
                    <InboxCountBadge />
                  ) : item.key === 'pending' && workspace?.sync ? (
                    <PendingCountBadge sync={workspace.sync} />
                  ) : undefined
                }
                active={isActive(item.to)}
                onClick={close}
                data-testid={`nav-${item.key}`}
              />
            ))}
          </div>
        </AppShell.Navbar>
        <AppShell.Main
          ref={mainRef}
          id="main-content"
          tabIndex={-1}
          className={classes.main}
          data-testid="main-content"
        >
          {workspace && <GlobalSearch />}
          <Suspense fallback={<Opening />}>
            <Routes>
              <Route path="/" element={whenOpen(<MyDayPage />)} />
              {/* The cold-start screen: renders while the replica opens (from its snapshot; other reads wait). */}
              <Route path="/accounts" element={<AccountsPage />} />
              <Route path="/accounts/:id" element={whenOpen(<AccountDetailPage />)} />
              <Route path="/contacts" element={whenOpen(<ContactsPage />)} />
              <Route path="/contacts/:id" element={whenOpen(<ContactRoute />)} />
              <Route path="/leads/:id" element={whenOpen(<LeadsPage />)} />
              <Route path="/leads" element={whenOpen(<LeadsPage />)} />
              <Route path="/campaigns" element={whenOpen(<CampaignsPage />)} />
              <Route path="/deals" element={whenOpen(<DealsPage />)} />
              <Route path="/deals/:id" element={whenOpen(<DealDetailPage />)} />
              <Route
                path="/deals/:id/quotes/:quoteId/print"
                element={whenOpen(<QuotePrintPage />)}
              />
              <Route path="/forecast" element={whenOpen(<ForecastPage />)} />
              <Route path="/dashboards" element={<Navigate to="/dashboards/sales" replace />} />
              <Route path="/dashboards/:board" element={whenOpen(<DashboardsPage />)} />
              <Route path="/contracts" element={whenOpen(<ContractsPage />)} />
              <Route path="/contracts/:id" element={whenOpen(<ContractDetailPage />)} />
              <Route path="/approvals" element={whenOpen(<ApprovalsPage />)} />
              <Route path="/approvals/:id" element={whenOpen(<ApprovalsPage />)} />
              <Route path="/renewals" element={whenOpen(<RenewalsPage />)} />
              <Route path="/collections" element={whenOpen(<CollectionsPage />)} />
              <Route path="/tickets" element={whenOpen(<TicketsPage />)} />
              <Route path="/tickets/:id" element={whenOpen(<TicketDetailPage />)} />
              <Route path="/inbox" element={whenOpen(<InboxPage />)} />
              <Route path="/pending" element={whenOpen(<PendingPage />)} />
              <Route path="/team" element={whenOpen(<TeamAdminPage />)} />
              <Route path="/settings" element={whenOpen(<SettingsPage />)} />
              <Route path="/import" element={whenOpen(<ImportPage />)} />
              <Route path="/merge/:kind" element={whenOpen(<MergePage />)} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </InboxServiceContext.Provider>
  );
}
