import { useMemo, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Radio,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  defaultChoice,
  MERGE_KINDS,
  mergeableFields,
  moveCounts,
  referencesTo,
  type MergeKind,
  type MergeRecord,
} from '@shared/rules/merge-plan';
import { useRepositories } from '../../hooks/use-workspace';
import { useMemberNames } from '../../entities/members/queries';
import { fieldLabel } from '../../entities/history/field-label';
import { formatValue } from '../../entities/history/format-value';
import { openDestructiveConfirm } from '../../components/confirm-destructive';
import { reportWriteError } from '../../components/write-errors';
import { errorMessage } from '../../components/error-messages';
import {
  loadMergeRecords,
  mergeRecords,
  planMergeRequest,
} from '../../data/services/merge-records';
import { recordHref } from '../../components/merge/merge-href';

const isMergeKind = (value: string | undefined): value is MergeKind =>
  (MERGE_KINDS as readonly string[]).includes(value ?? '');

/** /merge/:kind?ids=a,b — 合并: pick the record to keep and, field by field, the value it keeps (issue 19). */
export function MergePage() {
  const { kind } = useParams();
  const [params] = useSearchParams();
  const ids = useMemo(
    () => [...new Set((params.get('ids') ?? '').split(',').filter(Boolean))],
    [params],
  );
  const { t } = useTranslation();
  if (!isMergeKind(kind) || ids.length < 2)
    return <Alert color="orange">{t('merge.errors.tooFew')}</Alert>;
  return <MergeScreen kind={kind} ids={ids} />;
}

function MergeScreen({ kind, ids }: { kind: MergeKind; ids: string[] }) {
  const { t, i18n } = useTranslation();
  const repos = useRepositories();
  const navigate = useNavigate();
  const names = useMemberNames();
  const related = [...new Set(referencesTo(kind).map((ref) => ref.collection))];
  const records = useQuery({
    queryKey: [kind, 'merge', ...ids],
    queryFn: () => loadMergeRecords(repos, kind, ids),
  });
  const live = (records.data ?? []).filter((r) => !r.mergedIntoId);
  const [survivorId, setSurvivorId] = useState(ids[0]);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const survivor = live.find((r) => r.id === survivorId) ?? live[0];
  const losers = live.filter((r) => r !== survivor);
  const request = {
    kind,
    survivorId: survivor?.id ?? '',
    loserIds: losers.map((r) => r.id),
    choices,
  };
  const plan = useQuery({
    queryKey: [kind, 'merge-plan', request],
    queryFn: () => planMergeRequest(repos, request, Date.now()),
    enabled: survivor !== undefined && losers.length > 0,
    meta: { collections: related },
  });
  const merge = useMutation({
    mutationFn: () => mergeRecords(repos, request, Date.now()),
  });

  if (records.isLoading) return null;
  if (!survivor || losers.length === 0)
    return (
      <Alert color="gray" title={t('merge.notFound')}>
        <Anchor component={Link} to={`/${kind}`}>
          {t('common.back')}
        </Anchor>
      </Alert>
    );

  const all = [survivor, ...losers];
  const shown = (field: string, record: MergeRecord) => {
    const value = (record as Record<string, unknown>)[field];
    const text = formatValue(value, t, { field, collection: kind, names, language: i18n.language });
    return text === '' ? t('merge.empty') : text;
  };
  const fields = mergeableFields(all);
  const differing = fields.filter((f) => new Set(all.map((r) => shown(f, r))).size > 1);
  const picked = (field: string) => choices[field] ?? defaultChoice(field, survivor, losers);
  const counts = Object.entries(plan.data ? moveCounts(plan.data.moves) : {});

  const handleMerge = () =>
    openDestructiveConfirm({
      title: t('merge.confirmTitle'),
      children: (
        <Text size="sm">
          {t('merge.confirmText', { count: losers.length, name: survivor.name })}
        </Text>
      ),
      labels: { confirm: t('merge.confirm'), cancel: t('common.cancel') },
      confirmProps: { 'data-testid': 'merge-confirm-final' } as Record<string, string>,
      onConfirm: () => {
        merge
          .mutateAsync()
          .then(() => {
            notifications.show({
              color: 'green',
              message: t('merge.done', { name: survivor.name }),
            });
            void navigate(recordHref(kind, survivor.id), { replace: true });
          })
          .catch((e: unknown) => reportWriteError(e, t));
      },
    });

  return (
    <Stack data-testid="merge-page">
      <Title order={2}>{t(`merge.title.${kind}`)}</Title>
      <Text size="sm" c="dimmed">
        {t('merge.description')}
      </Text>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('merge.survivor')}</Table.Th>
            {all.map((record) => (
              <Table.Th key={record.id}>
                <Radio
                  name="merge-survivor"
                  checked={record.id === survivor.id}
                  onChange={() => {
                    setSurvivorId(record.id);
                    setChoices({});
                  }}
                  label={`${record.name} · ${t('merge.keep')}`}
                  data-testid={`merge-keep-${record.id}`}
                />
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {differing.map((field) => (
            <Table.Tr key={field} data-testid={`merge-field-${field}`}>
              <Table.Td>{fieldLabel(t, field, kind)}</Table.Td>
              {all.map((record) => (
                <Table.Td key={record.id}>
                  <Radio
                    name={`merge-field-${field}`}
                    checked={picked(field) === record.id}
                    onChange={() => setChoices((c) => ({ ...c, [field]: record.id }))}
                    label={shown(field, record)}
                    aria-label={`${fieldLabel(t, field, kind)}: ${shown(field, record)} (${record.name})`}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed">
        {t('merge.sameFields', { count: fields.length - differing.length })}
      </Text>
      <Stack gap={4} data-testid="merge-moves">
        <Text fw={600}>{t('merge.moves')}</Text>
        {plan.error ? (
          <Alert color="orange">{errorMessage(plan.error, t)}</Alert>
        ) : counts.length === 0 ? (
          <Text size="sm">{t('merge.noMoves')}</Text>
        ) : (
          <List size="sm">
            {counts.map(([collection, count]) => (
              <List.Item key={collection} data-testid={`merge-moves-${collection}`}>
                {t(`merge.collections.${collection}`)}: {count}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      <Group>
        <Button variant="default" onClick={() => void navigate(-1)}>
          {t('common.cancel')}
        </Button>
        <Button
          color="red"
          onClick={handleMerge}
          loading={merge.isPending}
          disabled={!plan.data}
          data-testid="merge-confirm"
        >
          {t('merge.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}
