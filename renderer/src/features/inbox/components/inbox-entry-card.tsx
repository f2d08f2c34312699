import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconClockEdit,
  IconExternalLink,
  IconGitMerge,
  IconRefresh,
  IconX,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { mergeHref } from '../../../components/merge/merge-href';
import { useNavigate } from 'react-router';
import type { InboxEntry } from '../../../data/inbox-collection';
import { ContractNumberFix } from '../../../entities/contracts/components/contract-number-fix';
import { formatDateTime } from '../../../components/format';
import { reportWriteError } from '../../../components/write-errors';
import { fieldLabel } from '../../../entities/history/field-label';
import { formatValue } from '../../../entities/history/format-value';
import { useMemberNames } from '../../../entities/members/queries';
import {
  diffAgainstCurrent,
  fieldsInQuestion,
  isOverruled,
  lostValue,
  neverReachedServer,
  overruledPath,
  recordRoute,
  recordTitle,
  translateReasonParams,
  typedValues,
  valueAtOverruledPath,
} from '../../../entities/inbox/inbox-model';
import {
  useApplyInboxEntryMutation,
  useDiscardInboxEntryMutation,
} from '../../../entities/inbox/mutations';
import { useInboxCurrentRecord } from '../../../entities/inbox/queries';
import { RejectReason } from '@shared/sync';

/**
 * One change the server did not accept: what it was, why, what the person typed next to what the record
 * holds now, and what they can do about it (apply again, open the record, discard).
 */
export function InboxEntryCard({ entry }: { entry: InboxEntry }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const names = useMemberNames();
  const currentQuery = useInboxCurrentRecord(entry);
  const current = currentQuery.data ?? null;
  const apply = useApplyInboxEntryMutation();
  const discard = useDiscardInboxEntryMutation();
  const [removeLocal, setRemoveLocal] = useState(false);

  const overruled = isOverruled(entry);
  const onlyLocal = !overruled && neverReachedServer(entry.attempted, current);
  const path = overruled ? overruledPath(entry) : null;
  // An overruled value: only its own path, next to what the record holds there now.
  const rows = path
    ? [
        {
          field: path.key ?? path.field,
          typed: lostValue(entry),
          current: valueAtOverruledPath(current, path),
        },
      ]
    : onlyLocal
      ? typedValues(entry.attempted)
      : diffAgainstCurrent(entry.attempted, current);
  const issueFields = fieldsInQuestion(entry);
  const hintKey = `inbox.hints.${entry.reason.replace(/^sync\.rejected\./, '')}`;
  const hint =
    entry.reason.startsWith('sync.rejected.') && i18n.exists(hintKey) ? t(hintKey) : null;
  const route = recordRoute(entry.recordCollection, entry.recordId, current ?? entry.attempted);
  const params = translateReasonParams(entry.params, t, names, entry.recordCollection);
  // A second account with a taken credit code (issue 19): merge it into the existing one, when this person sees it.
  const existingId =
    entry.reason === RejectReason.creditCodeTaken ? (entry.params.existingId ?? '') : '';
  const format = (field: string, value: unknown) =>
    formatValue(value, t, { field, names, collection: entry.recordCollection });

  const handleApply = (applied: InboxEntry = entry) =>
    apply.mutate(applied, {
      onSuccess: () =>
        notifications.show({
          color: 'green',
          message: t(overruled ? 'inbox.restored' : 'inbox.applied'),
          autoClose: 2500,
        }),
      onError: (error) => reportWriteError(error, t),
    });

  const handleDiscard = () =>
    discard.mutate(
      { entry, removeLocalRecord: onlyLocal && removeLocal },
      {
        onSuccess: () =>
          notifications.show({
            color: 'gray',
            message: t(
              overruled
                ? 'inbox.dismissed'
                : onlyLocal && removeLocal
                  ? 'inbox.discardedWithRecord'
                  : 'inbox.discarded',
            ),
            autoClose: 2500,
          }),
        onError: (error) => reportWriteError(error, t),
      },
    );

  return (
    <Card
      withBorder
      data-testid="inbox-entry"
      data-record-id={entry.recordId}
      data-collection={entry.recordCollection}
      data-entry-id={entry.id}
      data-overruled={overruled ? 'true' : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Badge variant="light">
              {t(`inbox.kinds.${entry.recordCollection}`, { defaultValue: entry.recordCollection })}
            </Badge>
            <Text fw={600} data-testid="inbox-record-name">
              {recordTitle(entry, current)}
            </Text>
            {onlyLocal && (
              <Badge color="gray" variant="outline">
                {t('inbox.onlyLocal')}
              </Badge>
            )}
            {overruled && (
              <Badge color="blue" variant="outline" data-testid="inbox-overruled">
                {t('inbox.overruledTitle')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {formatDateTime(entry.createdAt)}
          </Text>
        </Group>

        <Alert
          color={overruled ? 'blue' : 'orange'}
          icon={overruled ? <IconClockEdit size={18} /> : <IconAlertTriangle size={18} />}
          data-testid="inbox-reason"
          data-reason={entry.reason}
        >
          <Text size="sm">
            {t(entry.reason, {
              ...params,
              defaultValue: t('inbox.unknownReason', { reason: entry.reason }),
            })}
          </Text>
          {entry.issues.length > 0 && (
            <List size="sm" mt={4}>
              {entry.issues.map((issue) => (
                <List.Item
                  key={`${issue.path}-${issue.message}`}
                  data-testid="inbox-issue"
                  data-field={issue.path}
                >
                  {issue.path ? `${fieldLabel(t, issue.path, entry.recordCollection)}: ` : ''}
                  {t(issue.message)}
                </List.Item>
              ))}
            </List>
          )}
          {(hint ?? overruled) && (
            <Text size="sm" c="dimmed" mt={4} data-testid="inbox-hint">
              {hint ?? t('inbox.overruledHint')}
            </Text>
          )}
        </Alert>

        {onlyLocal && (
          <Text size="sm" c="dimmed">
            {t('inbox.onlyLocalHint')}
          </Text>
        )}
        {!onlyLocal && !overruled && !currentQuery.isPending && !current && (
          <Text size="sm" c="dimmed">
            {t('inbox.missingLocally')}
          </Text>
        )}

        {rows.length > 0 ? (
          <Table withTableBorder striped data-testid="inbox-values">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('inbox.columns.field')}</Table.Th>
                <Table.Th>{t(overruled ? 'inbox.columns.lost' : 'inbox.columns.yours')}</Table.Th>
                {!onlyLocal && (
                  <Table.Th>
                    {t(overruled ? 'inbox.columns.kept' : 'inbox.columns.current')}
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.field} data-testid="inbox-value" data-field={row.field}>
                  <Table.Td c={issueFields.has(row.field) ? 'red' : undefined} fw={500}>
                    {path ? params.field : fieldLabel(t, row.field, entry.recordCollection)}
                  </Table.Td>
                  <Table.Td data-testid="inbox-value-yours">
                    {format(row.field, row.typed)}
                  </Table.Td>
                  {!onlyLocal && (
                    <Table.Td data-testid="inbox-value-current" c="dimmed">
                      {format(row.field, row.current)}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">
            {t('inbox.noDifference')}
          </Text>
        )}

        {entry.reason === RejectReason.contractNumberTaken && (
          <ContractNumberFix entry={entry} onApply={handleApply} applying={apply.isPending} />
        )}

        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Button
              size="xs"
              leftSection={<IconRefresh size={14} />}
              onClick={() => handleApply()}
              loading={apply.isPending}
              data-testid="inbox-apply"
            >
              {t(overruled ? 'inbox.restore' : 'inbox.apply')}
            </Button>
            {route && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconExternalLink size={14} />}
                onClick={() => void navigate(route)}
                data-testid="inbox-open"
              >
                {t('inbox.open')}
              </Button>
            )}
            {existingId && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconGitMerge size={14} />}
                onClick={() => void navigate(mergeHref('accounts', [existingId, entry.recordId]))}
                data-testid="inbox-merge"
              >
                {t('inbox.merge')}
              </Button>
            )}
            {existingId && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconExternalLink size={14} />}
                onClick={() => void navigate(`/accounts/${encodeURIComponent(existingId)}`)}
                data-testid="inbox-open-existing"
              >
                {t('inbox.openExisting')}
              </Button>
            )}
          </Group>
          <Group gap="sm">
            {onlyLocal && (
              <Checkbox
                size="xs"
                label={t('inbox.deleteLocal')}
                checked={removeLocal}
                onChange={(event) => setRemoveLocal(event.currentTarget.checked)}
                data-testid="inbox-delete-local"
              />
            )}
            <Button
              size="xs"
              variant="default"
              color="red"
              leftSection={<IconX size={14} />}
              onClick={handleDiscard}
              loading={discard.isPending}
              data-testid="inbox-discard"
            >
              {t(overruled ? 'inbox.dismiss' : 'inbox.discard')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}
