import { Alert, Grid, Loader, Stack } from '@mantine/core';
import { IconCloudOff, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../hooks/use-workspace';
import { PageHeader } from '../../components/page-header';
import { useTeamSyncState } from '../../hooks/use-team-sync-state';
import { DevicesCard } from './components/devices-card';
import { HandoverCard } from './components/handover-card';
import { InviteCard } from './components/invite-card';
import { TeamsCard } from './components/teams-card';
import { UsersCard } from './components/users-card';
import { WebhooksCard } from './components/webhooks-card';
import { CaptureKeysCard } from './components/capture-keys-card';
import { useAdminTeamsQuery, useAdminUsersQuery, useIsAdmin } from './queries';
import { apiErrorMessage } from './report-api-error';

/**
 * 团队: the workspace's teams, people and devices, read from the team server. Admins arrange teams, set
 * roles, invite people and revoke devices; everyone else sees the same lists read-only.
 */
export function TeamAdminPage() {
  const { t } = useTranslation();
  const { sync } = useWorkspace();
  return (
    <Stack data-testid="team-page" maw={1100}>
      <PageHeader title={t('teamAdmin.title')} />
      {sync ? <TeamAdmin /> : <Alert color="gray">{t('teamAdmin.localWorkspace')}</Alert>}
    </Stack>
  );
}

function TeamAdmin() {
  const { t } = useTranslation();
  const { sync, session } = useWorkspace();
  const state = useTeamSyncState(sync);
  const isAdmin = useIsAdmin();
  const teams = useAdminTeamsQuery();
  const users = useAdminUsersQuery();
  const offline = state?.connection === 'offline';
  // Managers hand over the people of their team tree (shared/rules/handover.ts); the server checks it again.
  const me = users.data?.find((u) => u.id === session.userId);
  const isManager = (me?.role ?? session.role) === 'manager';
  const error = teams.error ?? users.error;

  return (
    <>
      {offline && (
        <Alert color="yellow" icon={<IconCloudOff size={18} />}>
          {t('teamAdmin.offline')}
        </Alert>
      )}
      {!isAdmin && (
        <Alert color="gray" icon={<IconLock size={18} />} data-testid="team-read-only">
          {t('teamAdmin.readOnly')}
        </Alert>
      )}
      {error && <Alert color="red">{apiErrorMessage(error, t)}</Alert>}
      {teams.isPending || users.isPending ? (
        !error && <Loader size="sm" />
      ) : (
        <>
          <Grid>
            <Grid.Col span={{ base: 12, md: isAdmin ? 6 : 12 }}>
              <TeamsCard teams={teams.data ?? []} users={users.data ?? []} isAdmin={isAdmin} />
            </Grid.Col>
            {isAdmin && (
              <Grid.Col span={{ base: 12, md: 6 }}>
                <InviteCard teams={teams.data ?? []} />
              </Grid.Col>
            )}
          </Grid>
          <UsersCard users={users.data ?? []} teams={teams.data ?? []} isAdmin={isAdmin} />
          {(isAdmin || isManager) && (
            <HandoverCard users={users.data ?? []} teams={teams.data ?? []} />
          )}
          {isAdmin && <DevicesCard users={users.data ?? []} />}
          {isAdmin && <WebhooksCard />}
          {isAdmin && <CaptureKeysCard serverUrl={session.serverUrl ?? ''} />}
        </>
      )}
    </>
  );
}
