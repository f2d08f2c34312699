import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { useWorkspace } from '../../hooks/use-workspace';
import { InboxItemsSection } from './components/inbox-items-section';
import { NotificationPermission } from '../../components/notification-permission';
import { RejectedChangesSection } from './components/rejected-changes-section';

/**
 * 收件箱 (issue 18): everything that asks the person to act — reminders, escalations, key dates, @mentions,
 * approvals — and, in a team workspace, the changes the server did not accept, as their own section.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const { sync } = useWorkspace();
  return (
    <Stack data-testid="inbox-page" maw={1000} gap="xl">
      <PageHeader title={t('inboxItems.title')}>
        <NotificationPermission compact />
      </PageHeader>
      <InboxItemsSection />
      {sync && <RejectedChangesSection />}
    </Stack>
  );
}
