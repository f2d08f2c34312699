import { openDestructiveConfirm } from '../../components/confirm-destructive';
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  Title,
  useMantineColorScheme,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SAMPLE_SIZES, type SampleSizeName } from '@shared/sample-data';
import { useRepositories, useWorkspace } from '../../hooks/use-workspace';
import { clearSession } from '../../data/session';
import { saveLanguage } from '../../platform/preferences';
import type { Language } from '../../i18n';
import { loadSampleData, type SampleLoadProgress } from '../../data/services/sample-data-loader';
import { reportWriteError } from '../../components/write-errors';
import { PageHeader } from '../../components/page-header';
import { SignOutDialog } from './components/sign-out-dialog';
import { FieldPolicyCard } from './components/field-policy-card';
import { NotificationsCard } from './components/notifications-card';
import { FollowUpRulesCard } from './components/follow-up-rules-card';
import { LeadScoringCard } from './components/lead-scoring-card';
import { LeadAssignmentCard } from './components/lead-assignment-card';
import { ApprovalRulesCard } from './components/approval-rules-card';
import { TicketRoutingCard } from './components/ticket-routing-card';
import { HealthScoringCard } from './components/health-scoring-card';
import { PipelinesCard } from './components/pipelines-card';
import { ProductsCard } from './components/products-card';
import { WorkingCalendarCard } from './components/working-calendar-card';
import { SlaPoliciesCard } from './components/sla-policies-card';
import { ContractNumberingCard } from './components/contract-numbering-card';

const SIGN_OUT_MODAL = 'sign-out';

export function SettingsPage() {
  const { t } = useTranslation();
  // Sample data is for local workspaces: in a team workspace it would be pushed to everyone's replicas.
  const local = useWorkspace().session.mode === 'local';
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Stack maw={900}>
        <WorkspaceCard />
        <AppearanceCard />
        <NotificationsCard />
        {local && <SampleDataCard />}
        <ImportCard />
        <PipelinesCard />
        <ProductsCard />
        <ContractNumberingCard />
        <FollowUpRulesCard />
        <LeadScoringCard />
        {!local && <LeadAssignmentCard />}
        <ApprovalRulesCard />
        {!local && <TicketRoutingCard />}
        <HealthScoringCard />
        <WorkingCalendarCard />
        <SlaPoliciesCard />
        {!local && <FieldPolicyCard />}
      </Stack>
    </>
  );
}

function WorkspaceCard() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { session } = workspace;
  const team = session.mode === 'team';
  const handleLeave = () => {
    if (team) {
      modals.open({
        modalId: SIGN_OUT_MODAL,
        title: t('sync.signOut'),
        children: (
          <SignOutDialog workspace={workspace} onCancel={() => modals.close(SIGN_OUT_MODAL)} />
        ),
      });
      return;
    }
    // A local workspace stays on this computer: leaving loses nothing.
    openDestructiveConfirm({
      title: t('settings.workspace.leave'),
      children: <Text size="sm">{t('settings.workspace.leaveWarning')}</Text>,
      labels: { confirm: t('settings.workspace.leave'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        clearSession();
        window.location.reload();
      },
    });
  };
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('settings.workspace.title')}
      </Title>
      <Group gap="xl">
        <div>
          <Text size="xs" c="dimmed">
            {t('settings.workspace.name')}
          </Text>
          <Text>{session.workspaceName}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('settings.workspace.mode')}
          </Text>
          <Badge variant="light">{t(`app.workspace.${session.mode}`)}</Badge>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('settings.workspace.user')}
          </Text>
          <Text>{session.userName}</Text>
        </div>
        <Button
          variant="default"
          color="red"
          ml="auto"
          onClick={handleLeave}
          data-testid="leave-workspace"
        >
          {team ? t('sync.signOut') : t('settings.workspace.leave')}
        </Button>
      </Group>
    </Card>
  );
}

function AppearanceCard() {
  const { t, i18n } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('settings.appearance.title')}
      </Title>
      <Group>
        <Text size="sm" w={80}>
          {t('app.language')}
        </Text>
        <SegmentedControl
          value={i18n.language}
          onChange={(v) => {
            saveLanguage(v as Language);
            void i18n.changeLanguage(v);
          }}
          data={[
            { value: 'zh-CN', label: '简体中文' },
            { value: 'en', label: 'English' },
          ]}
        />
      </Group>
      <Group mt="sm">
        <Text size="sm" w={80}>
          {t('settings.appearance.theme')}
        </Text>
        <SegmentedControl
          value={colorScheme}
          onChange={(v) => setColorScheme(v)}
          data={[
            { value: 'light', label: t('app.theme.light') },
            { value: 'dark', label: t('app.theme.dark') },
            { value: 'auto', label: t('settings.appearance.auto') },
          ]}
          data-testid="theme-setting"
        />
      </Group>
    </Card>
  );
}

function SampleDataCard() {
  const { t } = useTranslation();
  const repos = useRepositories();
  const { session, db } = useWorkspace();
  const [size, setSize] = useState<SampleSizeName>('S');
  const [progress, setProgress] = useState<SampleLoadProgress | null>(null);
  const load = useMutation({
    mutationFn: () =>
      loadSampleData(
        repos,
        { size, workspaceId: session.workspaceId, now: Date.now(), userId: session.userId, db },
        setProgress,
      ),
    onError: (error) => reportWriteError(error, t),
  });
  const counts = SAMPLE_SIZES[size];
  return (
    <Card withBorder>
      <Title order={4} mb={4}>
        {t('settings.sample.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('settings.sample.description')}
      </Text>
      <Group>
        <SegmentedControl
          value={size}
          onChange={(v) => setSize(v)}
          data={['S', 'M', 'L']}
          disabled={load.isPending}
          data-testid="sample-size"
        />
        <Text size="sm">
          {t('settings.sample.counts', {
            accounts: counts.accounts,
            contacts: counts.contacts,
            deals: counts.deals,
            activities: counts.activities,
          })}
        </Text>
        <Button onClick={() => load.mutate()} loading={load.isPending} data-testid="load-sample">
          {t('settings.sample.load')}
        </Button>
      </Group>
      {progress && (
        <Stack gap={4} mt="sm">
          <Progress.Root data-testid="sample-progress">
            <Progress.Section
              value={(progress.done / progress.total) * 100}
              animated={load.isPending}
              aria-label={t('settings.sample.title')}
            />
          </Progress.Root>
          <Text size="xs" c="dimmed" data-testid="sample-progress-text">
            {t('settings.sample.progress', {
              done: progress.done,
              total: progress.total,
              collection: t(`settings.sample.collections.${progress.collection}`),
            })}
          </Text>
        </Stack>
      )}
      {load.isSuccess && (
        <Alert color="green" mt="sm" data-testid="sample-done">
          {t('settings.sample.done', { count: load.data })}
        </Alert>
      )}
    </Card>
  );
}

/** The way to the import wizard for every kind (the lists' headers open it for their own kind). */
function ImportCard() {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('import.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('import.settingsCard')}
      </Text>
      <Button component={Link} to="/import" variant="default" data-testid="settings-import">
        {t('import.title')}
      </Button>
    </Card>
  );
}
