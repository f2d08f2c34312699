import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUnsyncedWork } from '../../../hooks/use-unsynced-work';
import { useTeamSyncState } from '../../../hooks/use-team-sync-state';
import { hasUnsyncedWork, syncUnsyncedWork } from '../../../data/unsynced-work';
import { clearSession } from '../../../data/session';
import { closeWorkspace, type Workspace } from '../../../data/workspace';
import { logError } from '../../../platform/log';
import { unsyncedWarning } from './unsynced-warning';

/** Signs this device out and wipes the team replica (a lost laptop keeps no customer data), then starts over. */
function signOut(workspace: Workspace): void {
  const done = (workspace.sync?.signOut() ?? Promise.resolve()).then(() =>
    closeWorkspace(workspace, true),
  );
  void done.finally(() => {
    clearSession();
    window.location.reload();
  });
}

/**
 * The sign-out dialog of a team workspace. It counts what the server has not acknowledged — record changes and
 * edited account plans or notes — live, and offers to sync first or to sign out anyway.
 */
export function SignOutDialog({
  workspace,
  onCancel,
}: {
  workspace: Workspace;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const work = useUnsyncedWork(workspace);
  const connection = useTeamSyncState(workspace.sync)?.connection ?? 'offline';
  const [syncing, setSyncing] = useState(false);
  const [tried, setTried] = useState(false);
  const warning = unsyncedWarning(t, work);
  const unsynced = hasUnsyncedWork(work);
  const handleSyncFirst = () => {
    setSyncing(true);
    void syncUnsyncedWork(workspace)
      .catch((error: unknown) => logError('sync before signing out', error))
      .finally(() => {
        setSyncing(false);
        setTried(true);
      });
  };
  return (
    <Stack gap="sm">
      <Text size="sm">{t('sync.signOutWarning')}</Text>
      {warning && (
        <Alert color="red" data-testid="sign-out-pending">
          {warning}
        </Alert>
      )}
      {unsynced && connection === 'offline' && (
        <Text size="sm" c="dimmed" data-testid="sign-out-offline">
          {t('sync.syncFirstOffline')}
        </Text>
      )}
      {unsynced && tried && !syncing && connection !== 'offline' && (
        <Text size="sm" c="dimmed">
          {t('sync.syncFirstIncomplete')}
        </Text>
      )}
      {!unsynced && tried && (
        <Alert color="green" data-testid="sign-out-all-synced">
          {t('sync.allSynced')}
        </Alert>
      )}
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        {unsynced && (
          <Button
            variant="light"
            loading={syncing}
            onClick={handleSyncFirst}
            data-testid="sign-out-sync-first"
          >
            {t('sync.syncFirst')}
          </Button>
        )}
        <Button color="red" onClick={() => signOut(workspace)} data-testid="sign-out-confirm">
          {unsynced ? t('sync.signOutAnyway') : t('sync.signOut')}
        </Button>
      </Group>
    </Stack>
  );
}
