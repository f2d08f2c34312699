import { useMemo, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconTransfer } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MEMBER_ROLES, type MemberRole } from '@shared/domain';
import {
  HANDOVER_KINDS,
  mayHandOverFrom,
  mayReceiveHandover,
  type HandoverActor,
  type OwnerMember,
} from '@shared/rules';
import type { HandoverCounts, HandoverPreview, HandoverResult } from '@shared/sync';
import { openDestructiveConfirm } from '../../../components/confirm-destructive';
import { errorMessage, reportError } from '../../../components/error-messages';
import { useWorkspace } from '../../../hooks/use-workspace';
import { useHandoverMutation, useHandoverPreviewMutation } from '../handover-mutations';
import type { TeamRow, UserRow } from '../schemas';

const total = (counts: HandoverCounts) => HANDOVER_KINDS.reduce((sum, k) => sum + counts[k], 0);

function asMember(user: UserRow): OwnerMember {
  const role: MemberRole = MEMBER_ROLES.find((r) => r === user.role) ?? 'rep';
  return {
    id: user.id,
    role,
    teamId: user.team_ids[0] ?? '',
    teamIds: user.team_ids,
    active: user.active,
  };
}

/**
 * 离职交接 (issue 19): pick the leaving person and the receiver (the pickers offer whom the shared rule
 * allows), preview what moves, optionally deactivate, confirm, and read what moved. Admins and managers see it.
 */
export function HandoverCard({ users, teams }: { users: UserRow[]; teams: TeamRow[] }) {
  const { t } = useTranslation();
  const { session } = useWorkspace();
  const previewCall = useHandoverPreviewMutation();
  const execute = useHandoverMutation();
  const [fromUserId, setFrom] = useState<string | null>(null);
  const [toUserId, setTo] = useState<string | null>(null);
  const [deactivate, setDeactivate] = useState(false);
  const [preview, setPreview] = useState<HandoverPreview | null>(null);
  const [result, setResult] = useState<HandoverResult | null>(null);

  const me = users.find((u) => u.id === session.userId);
  const actor: HandoverActor = {
    userId: session.userId,
    role: MEMBER_ROLES.find((r) => r === (me?.role ?? session.role)) ?? 'rep',
    teamIds: me?.team_ids ?? [],
  };
  const tree = useMemo(
    () => teams.map((team) => ({ id: team.id, parentTeamId: team.parent_team_id })),
    [teams],
  );
  const nameOf = (id: string) => users.find((u) => u.id === id)?.name ?? id;
  const option = (u: UserRow) => ({
    value: u.id,
    label: u.active ? u.name : `${u.name} ${t('handover.inactive')}`,
  });
  const fromOptions = users.filter((u) => mayHandOverFrom(actor, asMember(u), tree)).map(option);
  const toOptions = users
    .filter((u) => u.id !== fromUserId && mayReceiveHandover(actor, asMember(u), tree))
    .map(option);

  // A new choice makes the preview stale: it is asked for again.
  const choose = (set: (id: string | null) => void) => (id: string | null) => {
    set(id);
    setPreview(null);
    setResult(null);
  };
  const handlePreview = () => {
    if (!fromUserId || !toUserId) return;
    previewCall.mutate({ fromUserId, toUserId }, { onSuccess: setPreview });
  };
  const handleExecute = () => {
    if (!fromUserId || !toUserId || !preview) return;
    const names = { from: nameOf(fromUserId), to: nameOf(toUserId) };
    openDestructiveConfirm({
      title: t('handover.confirmTitle', names),
      children: (
        <Stack gap="xs">
          <Text size="sm">
            {t('handover.confirmBody', { ...names, total: total(preview.counts) })}
          </Text>
          {deactivate && <Alert color="red">{t('handover.confirmDeactivate', names)}</Alert>}
        </Stack>
      ),
      labels: { confirm: t('handover.execute'), cancel: t('common.cancel') },
      confirmProps: { 'data-testid': 'handover-confirm' } as Record<string, string>,
      onConfirm: () =>
        execute.mutate(
          { fromUserId, toUserId, deactivate },
          {
            onSuccess: (done) => {
              setResult(done);
              setPreview(null);
              setDeactivate(false);
              notifications.show({
                color: 'green',
                message: t('handover.done', { to: names.to, total: total(done.moved) }),
              });
            },
            onError: (error) => reportError(error, t, 'handover', 'handover'),
          },
        ),
    });
  };

  return (
    <Card withBorder data-testid="team-handover">
      <Group gap="xs" mb="xs">
        <IconTransfer size={18} />
        <Title order={4}>{t('handover.title')}</Title>
      </Group>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('handover.intro')}
        </Text>
        <Group grow align="flex-end">
          <Select
            label={t('handover.from')}
            placeholder={t('handover.pick')}
            data={fromOptions}
            value={fromUserId}
            onChange={choose((id) => {
              setFrom(id);
              if (id === toUserId) setTo(null);
            })}
            searchable
            data-testid="handover-from"
          />
          <Select
            label={t('handover.to')}
            placeholder={t('handover.pick')}
            data={toOptions}
            value={toUserId}
            onChange={choose(setTo)}
            searchable
            data-testid="handover-to"
          />
          <Button
            variant="default"
            onClick={handlePreview}
            disabled={!fromUserId || !toUserId}
            loading={previewCall.isPending}
            data-testid="handover-preview"
          >
            {t('handover.preview')}
          </Button>
        </Group>
        {previewCall.isError && (
          <Alert color="red">{errorMessage(previewCall.error, t, 'handover')}</Alert>
        )}
        {preview && fromUserId && toUserId && (
          <PreviewView preview={preview} receiver={nameOf(toUserId)} leaver={nameOf(fromUserId)} />
        )}
        {preview && fromUserId && toUserId && (
          <>
            <Checkbox
              label={t('handover.deactivate', { name: nameOf(fromUserId) })}
              checked={deactivate}
              onChange={(event) => setDeactivate(event.currentTarget.checked)}
              data-testid="handover-deactivate"
            />
            <Alert
              color={deactivate ? 'orange' : 'gray'}
              icon={<IconAlertTriangle size={16} />}
              data-testid="handover-offline-note"
            >
              {t(deactivate ? 'handover.deactivateWarning' : 'handover.offlineEdits')}
            </Alert>
            <Group justify="flex-end">
              <Button
                color="red"
                onClick={handleExecute}
                disabled={total(preview.counts) === 0 && !deactivate}
                loading={execute.isPending}
                data-testid="handover-execute"
              >
                {t('handover.execute')}
              </Button>
            </Group>
          </>
        )}
        {result && (
          <ResultView
            result={result}
            receiver={nameOf(result.toUserId)}
            leaver={nameOf(result.fromUserId)}
          />
        )}
      </Stack>
    </Card>
  );
}

function CountBadges({ counts }: { counts: HandoverCounts }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      {HANDOVER_KINDS.map((kind) => (
        <Badge
          key={kind}
          variant="light"
          data-testid={`handover-count-${kind}`}
          data-count={counts[kind]}
        >
          {t(`handover.kinds.${kind}`)} {counts[kind]}
        </Badge>
      ))}
    </Group>
  );
}

function PreviewView({
  preview,
  receiver,
  leaver,
}: {
  preview: HandoverPreview;
  receiver: string;
  leaver: string;
}) {
  const { t } = useTranslation();
  if (total(preview.counts) === 0)
    return (
      <Alert color="gray" data-testid="handover-nothing">
        {t('handover.nothing', { name: leaver })}
      </Alert>
    );
  return (
    <Stack gap="xs" data-testid="handover-preview-result">
      <Text fw={600} size="sm">
        {t('handover.previewTitle', { name: receiver })}
      </Text>
      <CountBadges counts={preview.counts} />
      <ScrollArea.Autosize mah={260}>
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('handover.kind')}</Table.Th>
              <Table.Th>{t('handover.name')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.items.map((item) => (
              <Table.Tr key={`${item.kind}:${item.id}`} data-testid="handover-item">
                <Table.Td>
                  <Text size="sm">{t(`handover.kinds.${item.kind}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.name}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {preview.truncated && (
        <Text size="xs" c="dimmed">
          {t('handover.truncated', { count: preview.items.length })}
        </Text>
      )}
      {preview.skipped > 0 && (
        <Text size="xs" c="dimmed">
          {t('handover.skipped', { count: preview.skipped })}
        </Text>
      )}
    </Stack>
  );
}

function ResultView({
  result,
  receiver,
  leaver,
}: {
  result: HandoverResult;
  receiver: string;
  leaver: string;
}) {
  const { t } = useTranslation();
  return (
    <Alert color="green" title={t('handover.resultTitle')} data-testid="handover-result">
      <Stack gap="xs">
        <Text size="sm">{t('handover.done', { to: receiver, total: total(result.moved) })}</Text>
        <CountBadges counts={result.moved} />
        {result.deactivated && (
          <Text size="sm">{t('handover.resultDeactivated', { name: leaver })}</Text>
        )}
      </Stack>
    </Alert>
  );
}
