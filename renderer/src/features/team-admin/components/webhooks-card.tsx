import { openDestructiveConfirm } from '../../../components/confirm-destructive';
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { SecretValue } from '../../../components/secret-value';
import type { TFunction } from 'i18next';
import {
  WEBHOOK_EVENT_NAMES,
  type CreatedWebhook,
  type WebhookRow,
  type WebhookSubscription,
} from '@shared/sync';
import { formatDateTime } from '../../../components/format';
import {
  useCreateWebhookMutation,
  useDeleteWebhookMutation,
  useUpdateWebhookMutation,
} from '../mutations';
import { useWebhookDeliveriesQuery, useWebhooksQuery } from '../queries';
import { apiErrorMessage, reportApiError } from '../report-api-error';

/** The events picker's choices: everything, or one named event (record events for every collection). */
const EVENT_CHOICES = ['all', ...WEBHOOK_EVENT_NAMES] as const;

function subscriptionOf(choice: string): WebhookSubscription {
  return choice === 'all'
    ? { event: '*' }
    : { event: choice as (typeof WEBHOOK_EVENT_NAMES)[number] };
}

/** The picker's and the log's name of an event (i18n keys cannot hold '.'). */
function eventLabel(event: string, t: TFunction): string {
  return t(`teamAdmin.webhooks.eventNames.${event === '*' ? 'all' : event.replace('.', '_')}`);
}

function describeEvents(events: readonly WebhookSubscription[], t: TFunction): string {
  return events
    .map((s) => {
      if ('event' in s) return eventLabel(s.event, t);
      return `${s.collection}.${s.action}`;
    })
    .join('、');
}

/**
 * Outgoing webhooks (issue 17): admins add a receiver URL and the events it gets, see its signing secret once,
 * pause, resume or delete it, and read its delivery log (status, attempts, last answer).
 */
export function WebhooksCard() {
  const { t } = useTranslation();
  const hooks = useWebhooksQuery();
  const create = useCreateWebhookMutation();
  const update = useUpdateWebhookMutation();
  const remove = useDeleteWebhookMutation();
  const [url, setUrl] = useState('');
  const [choices, setChoices] = useState<string[]>(['all']);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [shownLog, setShownLog] = useState<string | null>(null);

  const handleCreate = () =>
    create.mutate(
      { url: url.trim(), events: choices.map(subscriptionOf) },
      {
        onSuccess: (hook) => {
          setCreated(hook);
          setUrl('');
        },
      },
    );

  const handleDelete = (hook: WebhookRow) =>
    openDestructiveConfirm({
      title: t('teamAdmin.webhooks.deleteTitle'),
      children: <Text size="sm">{t('teamAdmin.webhooks.deleteWarning', { url: hook.url })}</Text>,
      labels: { confirm: t('teamAdmin.webhooks.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'webhook-delete-confirm' } as Record<
        string,
        string
      >,
      onConfirm: () =>
        remove.mutate(hook.id, {
          onSuccess: () =>
            notifications.show({ color: 'green', message: t('teamAdmin.webhooks.deleted') }),
          onError: (error) => reportApiError(error, t),
        }),
    });

  return (
    <Card withBorder data-testid="team-webhooks">
      <Title order={4} mb={4}>
        {t('teamAdmin.webhooks.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('teamAdmin.webhooks.intro')}
      </Text>
      <Stack gap="sm">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('teamAdmin.webhooks.url')}
            description={t('teamAdmin.webhooks.urlHint')}
            placeholder="https://"
            value={url}
            onChange={(event) => setUrl(event.currentTarget.value)}
            miw={320}
            style={{ flex: 1 }}
            data-testid="webhook-url"
          />
          <MultiSelect
            label={t('teamAdmin.webhooks.events')}
            data={EVENT_CHOICES.map((value) => ({
              value,
              label: eventLabel(value, t),
            }))}
            value={choices}
            onChange={setChoices}
            miw={260}
            data-testid="webhook-events"
          />
          <Button
            onClick={handleCreate}
            loading={create.isPending}
            disabled={url.trim() === '' || choices.length === 0}
            data-testid="webhook-create"
          >
            {t('teamAdmin.webhooks.create')}
          </Button>
        </Group>
        {create.isError && (
          <Alert color="red" role="alert" data-testid="webhook-create-error">
            {apiErrorMessage(create.error, t)}
          </Alert>
        )}
        {created && (
          <Alert
            color="yellow"
            title={t('teamAdmin.webhooks.secretTitle')}
            withCloseButton
            closeButtonLabel={t('teamAdmin.webhooks.closeSecret')}
            onClose={() => setCreated(null)}
            data-testid="webhook-secret"
          >
            <Stack gap={6}>
              <Text size="sm">{t('teamAdmin.webhooks.secretHelp')}</Text>
              <SecretValue
                value={created.secret}
                testId="webhook-secret"
                copyLabel={t('teamAdmin.webhooks.copy')}
                copiedLabel={t('teamAdmin.webhooks.copied')}
              />
            </Stack>
          </Alert>
        )}
        {hooks.isError && <Alert color="red">{apiErrorMessage(hooks.error, t)}</Alert>}
        {hooks.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('teamAdmin.webhooks.empty')}
          </Text>
        )}
        {(hooks.data ?? []).map((hook) => (
          <Card
            withBorder
            padding="sm"
            key={hook.id}
            data-testid="webhook-row"
            data-hook-id={hook.id}
          >
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
                  {hook.url}
                </Text>
                <Text size="xs" c="dimmed">
                  {describeEvents(hook.events, t)}
                </Text>
              </Stack>
              <Badge
                color={hook.active ? 'green' : 'gray'}
                variant="light"
                data-testid="webhook-state"
              >
                {hook.active
                  ? t('teamAdmin.webhooks.active')
                  : hook.disabledReason === 'gone'
                    ? t('teamAdmin.webhooks.gone')
                    : t('teamAdmin.webhooks.paused')}
              </Badge>
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="default"
                  onClick={() =>
                    update.mutate(
                      { id: hook.id, patch: { active: !hook.active } },
                      { onError: (error) => reportApiError(error, t) },
                    )
                  }
                  data-testid="webhook-toggle"
                >
                  {hook.active ? t('teamAdmin.webhooks.pause') : t('teamAdmin.webhooks.resume')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  aria-expanded={shownLog === hook.id}
                  onClick={() => setShownLog(shownLog === hook.id ? null : hook.id)}
                  data-testid="webhook-log-toggle"
                >
                  {shownLog === hook.id
                    ? t('teamAdmin.webhooks.hideDeliveries')
                    : t('teamAdmin.webhooks.deliveries')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  color="red"
                  onClick={() => handleDelete(hook)}
                  data-testid="webhook-delete"
                >
                  {t('teamAdmin.webhooks.delete')}
                </Button>
              </Group>
            </Group>
            {shownLog === hook.id && <DeliveryLog hookId={hook.id} />}
          </Card>
        ))}
      </Stack>
    </Card>
  );
}

function DeliveryLog({ hookId }: { hookId: string }) {
  const { t } = useTranslation();
  const deliveries = useWebhookDeliveriesQuery(hookId);
  if (deliveries.isError) return <Alert color="red">{apiErrorMessage(deliveries.error, t)}</Alert>;
  if (deliveries.data?.length === 0)
    return (
      <Text size="sm" c="dimmed" mt="xs">
        {t('teamAdmin.webhooks.noDeliveries')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={700} mt="xs">
      <Table verticalSpacing={4} data-testid="webhook-deliveries">
        <Table.Caption>{t('teamAdmin.webhooks.deliveries')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('teamAdmin.webhooks.event')}</Table.Th>
            <Table.Th>{t('teamAdmin.webhooks.record')}</Table.Th>
            <Table.Th>{t('teamAdmin.webhooks.status')}</Table.Th>
            <Table.Th>{t('teamAdmin.webhooks.attempts')}</Table.Th>
            <Table.Th>{t('teamAdmin.webhooks.lastAnswer')}</Table.Th>
            <Table.Th>{t('teamAdmin.webhooks.nextAttempt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(deliveries.data ?? []).map((delivery) => (
            <Table.Tr
              key={delivery.id}
              data-testid="webhook-delivery"
              data-status={delivery.status}
            >
              <Table.Td>
                <Text size="xs">{eventLabel(delivery.event, t)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">
                  {delivery.collection} · {delivery.recordId}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge
                  size="sm"
                  variant="light"
                  color={
                    delivery.status === 'delivered'
                      ? 'green'
                      : delivery.status === 'failed'
                        ? 'red'
                        : 'yellow'
                  }
                >
                  {t(`teamAdmin.webhooks.statuses.${delivery.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{delivery.attempts}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">
                  {delivery.lastError ||
                    (delivery.lastStatusCode === null ? '—' : `HTTP ${delivery.lastStatusCode}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">
                  {delivery.nextAttemptAt ? formatDateTime(delivery.nextAttemptAt) : '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
