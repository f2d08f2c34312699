import { CommentThread } from '../../entities/comments/components/comment-thread';
import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Center,
  Grid,
  Group,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { TICKET_TRANSITIONS, type Ticket, type TicketStatus } from '@shared/domain';
import { PendingMark } from '../../entities/sync/components/pending-mark';
import { PageHeader } from '../../components/page-header';
import { formatDateTime } from '../../components/format';
import { notifySaved, reportWriteError } from '../../components/write-errors';
import { useAccountQuery } from '../../entities/accounts/queries';
import { useContactsByAccount } from '../../entities/contacts/queries';
import { useUserMap } from '../../entities/members/queries';
import { ActivityList } from '../../entities/activities/components/activity-list';
import { LogActivityButton } from '../../entities/activities/components/log-activity-button';
import { useTicketQuery } from '../../entities/tickets/queries';
import { useChangeTicketStatusMutation } from '../../entities/tickets/mutations';
import { TicketFormModal } from '../../entities/tickets/components/ticket-form-modal';
import { CsatCard } from '../../entities/tickets/components/csat-card';
import {
  TicketPriorityBadge,
  TicketStatusBadge,
} from '../../entities/tickets/components/ticket-badges';
import { useShortcut } from '../../components/shortcuts/use-shortcut';
import { useWriteAccess } from '../../hooks/use-write-access';
import { RecordSequenceNav } from '../../components/record-sequence';
import { SlaTimers } from '../../entities/tickets/sla';

/** The button text for moving a ticket into a status ("Reopen" when it comes back from resolved/closed). */
function actionKey(from: TicketStatus, to: TicketStatus): string {
  if (to === 'open') return from === 'resolved' || from === 'closed' ? 'reopen' : 'open';
  return to;
}

/** One ticket: details, status workflow with resolution notes, SLA timers, CSAT and its activities. */
export function TicketDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { data: ticket, isLoading } = useTicketQuery(id);

  if (isLoading)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (!ticket || ticket.deleted) {
    return (
      <Stack>
        <BackLink />
        <Alert color="gray">{t('tickets.notFound')}</Alert>
      </Stack>
    );
  }
  return <TicketDetail ticket={ticket} />;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/tickets" size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('tickets.backToList')}
      </Group>
    </Anchor>
  );
}

function TicketDetail({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const userMap = useUserMap();
  const { data: account } = useAccountQuery(ticket.accountId || undefined);
  const { data: contacts } = useContactsByAccount(ticket.accountId || undefined);
  const contact = contacts?.find((c) => c.id === ticket.contactId);
  const changeStatus = useChangeTicketStatusMutation();
  const [editing, setEditing] = useState(false);
  const access = useWriteAccess('tickets', ticket);
  useShortcut('edit', access.canWrite ? () => setEditing(true) : null);
  const [resolving, setResolving] = useState(false);
  const next = TICKET_TRANSITIONS[ticket.status];

  const handleStatus = (status: TicketStatus) => {
    if (status === 'resolved') {
      setResolving(true);
      return;
    }
    changeStatus.mutate(
      { id: ticket.id, status },
      { onSuccess: () => notifySaved(t), onError: (error) => reportWriteError(error, t) },
    );
  };

  return (
    <Stack gap="md" data-testid="ticket-detail">
      <BackLink />
      <PageHeader
        title={
          <Group gap="sm" component="span">
            <Text span ff="monospace" c="dimmed" fz="inherit">
              {ticket.number}
            </Text>
            <span data-testid="ticket-title">{ticket.subject}</span>
            <PendingMark collection="tickets" id={ticket.id} />
          </Group>
        }
      >
        <RecordSequenceNav kind="tickets" id={ticket.id} />
        <Button
          variant="default"
          leftSection={<IconPencil size={16} />}
          onClick={() => setEditing(true)}
          data-testid="edit-ticket"
        >
          {t('common.edit')}
        </Button>
        <LogActivityButton
          withShortcut
          related={{
            type: 'ticket',
            id: ticket.id,
            accountId: ticket.accountId,
            label: `${ticket.number} ${ticket.subject}`,
          }}
        />
      </PageHeader>

      <Card withBorder padding="md">
        <Group justify="space-between" wrap="wrap">
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              {t('fields.status')}
            </Text>
            <TicketStatusBadge status={ticket.status} size="lg" />
            <TicketPriorityBadge priority={ticket.priority} size="lg" />
          </Group>
          <Group gap="xs" data-testid="ticket-transitions">
            {next.map((status) => (
              <Button
                key={status}
                size="xs"
                variant={status === 'resolved' ? 'filled' : 'light'}
                color={status === 'resolved' ? 'green' : status === 'closed' ? 'gray' : undefined}
                loading={changeStatus.isPending && changeStatus.variables.status === status}
                onClick={() => handleStatus(status)}
                data-testid={`ticket-status-${status}`}
              >
                {t(`tickets.actions.${actionKey(ticket.status, status)}`)}
              </Button>
            ))}
          </Group>
        </Group>
      </Card>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Card withBorder padding="md">
              <Title order={4} mb="sm">
                {t('common.details')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Field
                  label={t('fields.ticketType')}
                  value={t(`lists.ticketType.${ticket.type}`)}
                />
                <Field
                  label={t('fields.priority')}
                  value={t(`lists.ticketPriority.${ticket.priority}`)}
                />
                <Field
                  label={t('fields.accountId')}
                  value={
                    account ? (
                      <Anchor component={Link} to={`/accounts/${account.id}`} size="sm">
                        {account.name}
                      </Anchor>
                    ) : (
                      '—'
                    )
                  }
                />
                <Field label={t('fields.contactId')} value={contact ? contact.name : '—'} />
                <Field
                  label={t('fields.assigneeId')}
                  value={userMap.get(ticket.assigneeId)?.name ?? '—'}
                />
                <Field label={t('common.owner')} value={userMap.get(ticket.ownerId)?.name ?? '—'} />
                <Field label={t('tickets.fields.product')} value={ticket.product || '—'} />
                <Field
                  label={t('tickets.fields.language')}
                  value={ticket.language ? t(`tickets.language.${ticket.language}`) : '—'}
                />
                {ticket.routedAt > 0 && (
                  <Field
                    label={t('tickets.routing.routedAt')}
                    value={formatDateTime(ticket.routedAt)}
                  />
                )}
              </SimpleGrid>
              <Text size="xs" c="dimmed" mt="md">
                {t('fields.description')}
              </Text>
              <Text
                size="sm"
                style={{ whiteSpace: 'pre-wrap' }}
                data-testid="ticket-description-text"
              >
                {ticket.description || '—'}
              </Text>
              {ticket.resolution && (
                <>
                  <Text size="xs" c="dimmed" mt="md">
                    {t('fields.resolution')}
                  </Text>
                  <Text
                    size="sm"
                    style={{ whiteSpace: 'pre-wrap' }}
                    data-testid="ticket-resolution"
                  >
                    {ticket.resolution}
                  </Text>
                </>
              )}
            </Card>
            <Card withBorder padding="md">
              <Title order={4} mb="sm">
                {t('tickets.activities')}
              </Title>
              <ActivityList relatedId={ticket.id} />
            </Card>
            <Card withBorder padding="md">
              <CommentThread
                target={{
                  collection: 'tickets',
                  id: ticket.id,
                  teamId: ticket.teamId,
                  accountId: ticket.accountId,
                }}
              />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <SlaCard ticket={ticket} tier={account?.tier ?? ''} />
            <CsatCard ticket={ticket} />
          </Stack>
        </Grid.Col>
      </Grid>

      <TicketFormModal opened={editing} onClose={() => setEditing(false)} ticket={ticket} />
      <ResolveModal
        opened={resolving}
        onClose={() => setResolving(false)}
        initial={ticket.resolution}
        loading={changeStatus.isPending}
        onResolve={(resolution) =>
          changeStatus.mutate(
            { id: ticket.id, status: 'resolved', resolution },
            {
              onSuccess: () => {
                notifySaved(t);
                setResolving(false);
              },
              onError: (error) => reportWriteError(error, t),
            },
          )
        }
      />
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {typeof value === 'string' ? <Text size="sm">{value}</Text> : value}
    </Stack>
  );
}

/** Elapsed time for people: "2 天 3 小时", "45 分钟". */
function useDuration() {
  const { t } = useTranslation();
  return (ms: number) => {
    const minutes = Math.max(0, Math.round(ms / 60_000));
    if (minutes < 60) return t('tickets.sla.minutes', { count: minutes });
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return t('tickets.sla.hoursMinutes', { hours, minutes: minutes % 60 });
    return t('tickets.sla.daysHours', { days: Math.floor(hours / 24), hours: hours % 24 });
  };
}

/** SLA timers (first response, resolution; shared/rules/sla.ts) and the timestamps the status workflow stamps. */
function SlaCard({ ticket, tier }: { ticket: Ticket; tier: string }) {
  const { t } = useTranslation();
  const duration = useDuration();
  return (
    <Card withBorder padding="md" data-testid="ticket-sla">
      <Title order={4} mb="sm">
        {t('tickets.sla.title')}
      </Title>
      <Stack gap="xs">
        <SlaTimers ticket={ticket} tier={tier} />
        <Field label={t('common.createdAt')} value={formatDateTime(ticket.createdAt)} />
        <Field
          label={t('fields.firstResponseAt')}
          value={
            ticket.firstResponseAt
              ? t('tickets.sla.after', {
                  time: formatDateTime(ticket.firstResponseAt),
                  duration: duration(ticket.firstResponseAt - ticket.createdAt),
                })
              : t('tickets.sla.awaitingResponse')
          }
        />
        <Field
          label={t('fields.resolvedAt')}
          value={
            ticket.resolvedAt
              ? t('tickets.sla.after', {
                  time: formatDateTime(ticket.resolvedAt),
                  duration: duration(ticket.resolvedAt - ticket.createdAt),
                })
              : t('tickets.sla.unresolved')
          }
        />
      </Stack>
    </Card>
  );
}

interface ResolveModalProps {
  opened: boolean;
  onClose: () => void;
  initial: string;
  loading: boolean;
  onResolve: (resolution: string) => void;
}

/** Resolving needs a resolution note (what was done), so the next person and the report can read it. */
function ResolveModal({ opened, onClose, initial, loading, onResolve }: ResolveModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('tickets.resolve.title')}>
      {opened && (
        <ResolveForm initial={initial} loading={loading} onClose={onClose} onResolve={onResolve} />
      )}
    </Modal>
  );
}

function ResolveForm({ initial, loading, onClose, onResolve }: Omit<ResolveModalProps, 'opened'>) {
  const { t } = useTranslation();
  const [resolution, setResolution] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!resolution.trim()) {
      setError(t('tickets.resolve.required'));
      return;
    }
    onResolve(resolution.trim());
  };
  return (
    <form onSubmit={handleSubmit}>
      <Stack gap="sm">
        <Textarea
          label={t('fields.resolution')}
          description={t('tickets.resolve.description')}
          withAsterisk
          autosize
          minRows={4}
          value={resolution}
          onChange={(event) => {
            setResolution(event.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-autofocus
          data-testid="ticket-resolution-input"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            color="green"
            loading={loading}
            data-testid="ticket-resolve-confirm"
          >
            {t('tickets.actions.resolved')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
