import { Alert, Loader, Stack, Text } from '@mantine/core';
import { IconInboxOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../hooks/use-workspace';
import { PageHeader } from '../../components/page-header';
import { InboxEntryCard } from './components/inbox-entry-card';
import { useInboxEntries } from '../../entities/inbox/queries';
import { errorMessage } from '../../components/error-messages';

/**
 * 待处理的修改: changes the team server did not accept, kept with everything the person typed until they
 * apply them again or discard them (CONVENTIONS.md 12: nothing is dropped silently).
 */
export function InboxPage() {
  const { t } = useTranslation();
  const { sync } = useWorkspace();
  const entries = useInboxEntries();

  return (
    <Stack data-testid="inbox-page" maw={1000}>
      <PageHeader title={t('inbox.title')} />
      {!sync && <Alert color="gray">{t('inbox.localWorkspace')}</Alert>}
      {entries.isError && (
        <Alert color="red">
          {t('inbox.loadFailed', { reason: errorMessage(entries.error, t) })}
        </Alert>
      )}
      {entries.isPending ? (
        <Loader size="sm" />
      ) : entries.isError ? null : entries.data.length === 0 ? (
        <Stack align="center" gap="xs" py="xl" data-testid="inbox-empty">
          <IconInboxOff size={36} stroke={1.5} />
          <Text c="dimmed">{t('inbox.empty')}</Text>
        </Stack>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('inbox.intro')}
          </Text>
          {entries.data.map((entry) => (
            <InboxEntryCard key={entry.id} entry={entry} />
          ))}
        </>
      )}
    </Stack>
  );
}
