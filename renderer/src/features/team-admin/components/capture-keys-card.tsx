import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SecretValue } from '../../../components/secret-value';
import { LEAD_SOURCES, type LeadSource } from '@shared/domain';
import {
  CAPTURE_KEY_HEADER,
  CAPTURE_LEADS_PATH,
  type CaptureKeyRow,
  type CreatedCaptureKey,
} from '@shared/sync';
import { openDestructiveConfirm } from '../../../components/confirm-destructive';
import { formatDateTime } from '../../../components/format';
import { useRepositories } from '../../../hooks/use-workspace';
import { useCreateCaptureKeyMutation, useRevokeCaptureKeyMutation } from '../mutations';
import { useAdminUsersQuery, useCaptureKeysQuery } from '../queries';
import { apiErrorMessage, reportApiError } from '../report-api-error';

/** The workspace's campaigns from the replica (settings kind `campaign`), for a key's default campaign. */
function useCampaignOptions() {
  const repos = useRepositories();
  const { data } = useQuery({
    queryKey: ['settings', 'campaign', 'captureKeyOptions'],
    queryFn: () =>
      repos.settings.find({ selector: { kind: 'campaign', deleted: false }, limit: 500 }),
  });
  return (data ?? []).map((setting) => ({
    value: setting.id,
    label: typeof setting.value.name === 'string' ? setting.value.name : setting.key,
  }));
}

/**
 * Lead capture (issue 19): one capture key per lead source (官网表单, 百度推广 …). Web forms and ad platforms post
 * leads to the server with it; the key is shown once, at creation, and can be revoked.
 */
export function CaptureKeysCard({ serverUrl }: { serverUrl: string }) {
  const { t } = useTranslation();
  const keys = useCaptureKeysQuery();
  const revoke = useRevokeCaptureKeyMutation();
  const [creating, setCreating] = useState(false);

  const handleRevoke = (key: CaptureKeyRow) =>
    openDestructiveConfirm({
      title: t('teamAdmin.capture.revokeTitle', { name: key.name }),
      children: <Text size="sm">{t('teamAdmin.capture.revokeWarning', { name: key.name })}</Text>,
      labels: { confirm: t('teamAdmin.capture.revoke'), cancel: t('common.cancel') },
      confirmProps: { 'data-testid': 'capture-key-revoke-confirm' } as Record<string, string>,
      onConfirm: () =>
        revoke.mutate(key.id, {
          onSuccess: () =>
            notifications.show({
              color: 'green',
              message: t('teamAdmin.capture.revoked', { name: key.name }),
            }),
          onError: (error) => reportApiError(error, t),
        }),
    });

  return (
    <Card withBorder data-testid="team-capture-keys">
      <Group justify="space-between" mb={4}>
        <Title order={4}>{t('teamAdmin.capture.title')}</Title>
        <Button size="xs" onClick={() => setCreating(true)} data-testid="capture-key-new">
          {t('teamAdmin.capture.new')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('teamAdmin.capture.intro', { path: CAPTURE_LEADS_PATH, header: CAPTURE_KEY_HEADER })}
      </Text>
      {keys.isError && <Alert color="red">{apiErrorMessage(keys.error, t)}</Alert>}
      {keys.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('teamAdmin.capture.empty')}
        </Text>
      )}
      {(keys.data?.length ?? 0) > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing={4} data-testid="capture-keys">
            <Table.Caption>{t('teamAdmin.capture.title')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('teamAdmin.capture.name')}</Table.Th>
                <Table.Th>{t('teamAdmin.capture.source')}</Table.Th>
                <Table.Th>{t('teamAdmin.capture.key')}</Table.Th>
                <Table.Th>{t('teamAdmin.capture.createdAt')}</Table.Th>
                <Table.Th>{t('teamAdmin.capture.lastUsedAt')}</Table.Th>
                <Table.Th>{t('teamAdmin.capture.state')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(keys.data ?? []).map((key) => (
                <Table.Tr key={key.id} data-testid="capture-key-row" data-key-id={key.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {key.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`lists.source.${key.source}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Code fz="xs">{key.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{formatDateTime(key.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" data-testid="capture-key-last-used">
                      {key.lastUsedAt
                        ? formatDateTime(key.lastUsedAt)
                        : t('teamAdmin.capture.never')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={key.revokedAt ? 'gray' : 'green'}
                      data-testid="capture-key-state"
                    >
                      {key.revokedAt
                        ? t('teamAdmin.capture.revokedAt', { date: formatDateTime(key.revokedAt) })
                        : t('teamAdmin.capture.active')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {!key.revokedAt && (
                      <Button
                        size="xs"
                        variant="default"
                        color="red"
                        onClick={() => handleRevoke(key)}
                        data-testid="capture-key-revoke"
                      >
                        {t('teamAdmin.capture.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateCaptureKeyModal
        opened={creating}
        onClose={() => setCreating(false)}
        serverUrl={serverUrl}
      />
    </Card>
  );
}

/** The create dialog: name, default source, campaign and owner; then the key, once, with a copy button. */
function CreateCaptureKeyModal({
  opened,
  onClose,
  serverUrl,
}: {
  opened: boolean;
  onClose: () => void;
  serverUrl: string;
}) {
  const { t } = useTranslation();
  const create = useCreateCaptureKeyMutation();
  const users = useAdminUsersQuery();
  const campaigns = useCampaignOptions();
  const [name, setName] = useState('');
  const [source, setSource] = useState<LeadSource>('form');
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedCaptureKey | null>(null);

  const close = () => {
    setName('');
    setSource('form');
    setCampaignId(null);
    setOwnerId(null);
    setCreated(null);
    create.reset();
    onClose();
  };
  const submit = () =>
    create.mutate(
      { name: name.trim(), source, campaignId: campaignId ?? '', ownerId: ownerId ?? '' },
      { onSuccess: setCreated },
    );

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? t('teamAdmin.capture.keyTitle') : t('teamAdmin.capture.new')}
      size="lg"
    >
      {created ? (
        <Stack gap="sm" data-testid="capture-key-created">
          <Alert color="yellow">
            {t('teamAdmin.capture.keyHelp', { header: CAPTURE_KEY_HEADER })}
          </Alert>
          <SecretValue
            value={created.key}
            testId="capture-key"
            copyLabel={t('teamAdmin.capture.copy')}
            copiedLabel={t('teamAdmin.capture.copied')}
          />
          <Text size="sm">{t('teamAdmin.capture.example')}</Text>
          {/* Focusable: a long line scrolls, and keyboard users must reach it (WCAG 2.1.1). */}
          <Code block fz="xs" tabIndex={0} aria-label={t('teamAdmin.capture.example')}>
            {`curl -X POST ${serverUrl}${CAPTURE_LEADS_PATH} \\\n  -H '${CAPTURE_KEY_HEADER}: <key>' -H 'content-type: application/json' \\\n  -d '{"name":"王芳","company":"杭州云帆科技有限公司","mobile":"13800138000","clientKey":"form-4711"}'`}
          </Code>
          <Group justify="flex-end">
            <Button onClick={close} data-testid="capture-key-done">
              {t('teamAdmin.capture.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <TextInput
            label={t('teamAdmin.capture.name')}
            description={t('teamAdmin.capture.nameHint')}
            placeholder={t('teamAdmin.capture.namePlaceholder')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            required
            maxLength={100}
            data-autofocus
            data-testid="capture-key-name"
          />
          <Select
            label={t('teamAdmin.capture.source')}
            description={t('teamAdmin.capture.sourceHint')}
            data={LEAD_SOURCES.map((value) => ({ value, label: t(`lists.source.${value}`) }))}
            value={source}
            onChange={(value) => value && setSource(value)}
            allowDeselect={false}
            data-testid="capture-key-source"
          />
          <Select
            label={t('teamAdmin.capture.campaign')}
            placeholder={t('teamAdmin.capture.noCampaign')}
            data={campaigns}
            value={campaignId}
            onChange={setCampaignId}
            clearable
            searchable
            nothingFoundMessage={t('teamAdmin.capture.noCampaigns')}
            data-testid="capture-key-campaign"
          />
          <Select
            label={t('teamAdmin.capture.owner')}
            description={t('teamAdmin.capture.ownerHint')}
            placeholder={t('teamAdmin.capture.unowned')}
            data={(users.data ?? [])
              .filter((user) => user.active)
              .map((user) => ({ value: user.id, label: user.name }))}
            value={ownerId}
            onChange={setOwnerId}
            clearable
            searchable
            data-testid="capture-key-owner"
          />
          {create.isError && (
            <Alert color="red" role="alert" data-testid="capture-key-create-error">
              {apiErrorMessage(create.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              onClick={submit}
              loading={create.isPending}
              disabled={name.trim() === ''}
              data-testid="capture-key-create"
            >
              {t('teamAdmin.capture.create')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
