import { useEffect, useMemo, useState } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconMessage, IconPencil, IconPlus, IconSearch, IconTransform } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { LEAD_QUALIFICATIONS, LEAD_STATUSES, type Lead } from '@shared/domain';
import { PageHeader } from '../../components/page-header';
import { useFilterShortcut } from '../../components/use-filter-shortcut';
import { VirtualTable, type Column } from '../../components/virtual-table';
import { formatDateTime } from '../../components/format';
import { useUserMap } from '../../entities/members/queries';
import { useLeadList, useLeadQuery, type LeadFilter } from '../../entities/leads/queries';
import { CommentsDrawer } from '../../entities/comments/components/comments-drawer';
import { LeadFormModal } from './components/lead-form-modal';
import { ConvertLeadModal } from './components/convert-lead-modal';
import { useWriteAccess } from '../../hooks/use-write-access';
import { useShortcut } from '../../components/shortcuts/use-shortcut';
import { HiddenValue } from '../../components/hidden-value';
import { useFieldHider } from '../../entities/settings/field-policy';
import { ExportMenu } from '../../components/export-menu';
import { ImportButton } from '../../components/import-button';
import { usePendingRowMark } from '../../entities/sync/components/pending-mark';
import { LastActivityText } from '../../components/last-activity-text';
import { QualificationBadge } from '../../entities/leads/components/lead-score-breakdown';
import { useMergeSelection } from '../../components/merge/merge-selection';
import { leadExports } from '../../entities/leads/lead-exports';

const ALL = 'all';
const STATUS_COLORS: Readonly<Record<Lead['status'], string>> = {
  new: 'blue',
  contacted: 'cyan',
  qualified: 'green',
  disqualified: 'gray',
  converted: 'grape',
};

/** A lead can be converted while it is still being worked on. */
function canConvert(lead: Lead): boolean {
  return lead.status !== 'converted' && lead.status !== 'disqualified';
}

/** Leads (线索): filter by status, search, create, edit and convert into account + contact + deal. */
export function LeadsPage() {
  const { t } = useTranslation();
  const pendingMark = usePendingRowMark('leads');
  // Who may not create here (a viewer) gets no new-record button.
  const canCreate = useWriteAccess('leads', null).canWrite;
  const userMap = useUserMap();
  const hides = useFieldHider('leads');
  const [status, setStatus] = useState<string>(ALL);
  const [qualification, setQualification] = useState<string>(ALL);
  const [text, setText] = useState('');
  const [debouncedText] = useDebouncedValue(text, 250);
  const [editing, setEditing] = useState<Lead | 'new' | null>(null);
  useShortcut('newRecord', canCreate ? () => setEditing('new') : null);
  const [converting, setConverting] = useState<Lead | null>(null);
  // A lead's comments open beside the list: from the row, or from a link to /leads/:id (a mention, search).
  const [commenting, setCommenting] = useState<Lead | null>(null);
  const { id: routedId } = useParams();
  const navigate = useNavigate();
  const routed = useLeadQuery(routedId).data ?? null;
  const commentsOn = commenting ?? routed;
  // A link to a merged-away lead (issue 19) opens its survivor.
  useEffect(() => {
    if (routed?.mergedIntoId) void navigate(`/leads/${routed.mergedIntoId}`, { replace: true });
  }, [routed, navigate]);
  const filter = useMemo<LeadFilter>(
    () => ({
      status: status === ALL ? undefined : status,
      qualification: qualification === ALL ? undefined : qualification,
      text: debouncedText.trim() || undefined,
    }),
    [status, qualification, debouncedText],
  );
  const { rows, loadMore, isLoading, exportPages } = useLeadList(filter);
  const filterInput = useFilterShortcut();

  // Two or more selected rows can be merged (issue 19).
  const mergeSelection = useMergeSelection<Lead>('leads');
  const baseColumns = useMemo<Column<Lead>[]>(() => {
    const exports = leadExports(t, userMap, hides);
    return [
      {
        key: 'name',
        header: t('fields.contactName'),
        width: 'minmax(110px, 1fr)',
        render: (row) => (
          <Text size="sm" fw={500} truncate>
            {row.name}
          </Text>
        ),
        export: exports.name,
      },
      {
        key: 'company',
        header: t('fields.company'),
        width: 'minmax(160px, 2fr)',
        render: (row) => (
          <Text size="sm" truncate>
            {row.company || '—'}
          </Text>
        ),
        export: exports.company,
      },
      {
        key: 'mobile',
        header: t('fields.mobile'),
        width: 130,
        render: (row) =>
          hides(row, 'mobile') ? <HiddenValue /> : <Text size="sm">{row.mobile || '—'}</Text>,
        export: exports.mobile,
      },
      {
        key: 'source',
        header: t('fields.source'),
        width: 110,
        render: (row) => (
          <Text size="sm" truncate>
            {t(`lists.source.${row.source}`)}
          </Text>
        ),
        export: exports.source,
      },
      {
        key: 'status',
        header: t('fields.status'),
        width: 100,
        render: (row) => (
          <Badge
            size="sm"
            variant="light"
            color={STATUS_COLORS[row.status]}
            data-testid="lead-status-badge"
          >
            {t(`lists.leadStatus.${row.status}`)}
          </Badge>
        ),
        export: exports.status,
      },
      {
        key: 'score',
        header: t('fields.score'),
        width: 110,
        render: (row) => (
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{row.score}</Text>
            <QualificationBadge qualification={row.qualification} />
          </Group>
        ),
        export: exports.score,
      },
      {
        key: 'owner',
        header: t('common.owner'),
        width: 110,
        render: (row) => (
          <Text size="sm" truncate c={row.ownerId === '' ? 'dimmed' : undefined}>
            {row.ownerId === '' ? t('leads.unassigned') : (userMap.get(row.ownerId)?.name ?? '—')}
          </Text>
        ),
        export: exports.owner,
      },
      {
        key: 'lastActivityAt',
        header: t('common.lastActivityAt'),
        width: 120,
        render: (row) => <LastActivityText at={row.lastActivityAt} />,
        export: exports.lastActivityAt,
      },
      {
        key: 'updatedAt',
        header: t('common.updatedAt'),
        width: 150,
        render: (row) => (
          <Text size="sm" c="dimmed">
            {formatDateTime(row.updatedAt)}
          </Text>
        ),
        export: exports.updatedAt,
      },
      {
        key: 'actions',
        header: t('common.actions'),
        width: 120,
        render: (row) => (
          <Group gap={4} wrap="nowrap" onClick={(event) => event.stopPropagation()}>
            <Tooltip label={t('common.edit')}>
              <ActionIcon
                variant="subtle"
                onClick={() => setEditing(row)}
                // Out of the Tab order: the row is the tab stop, and Enter on it edits (nested-interactive).
                tabIndex={-1}
                aria-label={t('common.edit')}
                data-testid="lead-edit"
              >
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('comments.openHint')}>
              <ActionIcon
                variant="subtle"
                onClick={() => setCommenting(row)}
                tabIndex={-1}
                aria-keyshortcuts="m"
                aria-label={t('comments.open')}
                data-testid="lead-comments"
              >
                <IconMessage size={16} />
              </ActionIcon>
            </Tooltip>
            {canConvert(row) && (
              <Tooltip label={t('leads.convert.actionHint')}>
                <ActionIcon
                  variant="subtle"
                  color="green"
                  onClick={() => setConverting(row)}
                  // Out of the Tab order: `c` on the focused row converts (the row is the tab stop).
                  tabIndex={-1}
                  aria-keyshortcuts="c"
                  aria-label={t('leads.convert.action')}
                  data-testid="lead-convert"
                >
                  <IconTransform size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        ),
      },
    ];
  }, [t, userMap, hides]);
  const columns = canCreate ? [mergeSelection.column, ...baseColumns] : baseColumns;

  return (
    <Stack gap="sm" data-testid="leads-page">
      <PageHeader title={t('leads.title')}>
        <ExportMenu
          columns={columns}
          source={exportPages}
          name={t('leads.title')}
          testId="leads-export"
        />
        {canCreate && mergeSelection.button}
        {canCreate && <ImportButton kind="leads" />}
        {canCreate && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing('new')}
            data-testid="new-lead"
          >
            {t('leads.new')}
          </Button>
        )}
      </PageHeader>
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          value={status}
          onChange={setStatus}
          data={[
            { value: ALL, label: t('common.all') },
            ...LEAD_STATUSES.map((s) => ({ value: s, label: t(`lists.leadStatus.${s}`) })),
          ]}
          data-testid="lead-status-filter"
        />
        <SegmentedControl
          value={qualification}
          onChange={setQualification}
          aria-label={t('leadScoring.qualification')}
          data={[
            { value: ALL, label: t('common.all') },
            ...LEAD_QUALIFICATIONS.map((q) => ({
              value: q,
              label: t(`lists.leadQualification.${q}`),
            })),
          ]}
          data-testid="lead-qualification-filter"
        />
        <TextInput
          ref={filterInput}
          placeholder={t('leads.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          w={320}
          data-testid="lead-search"
        />
      </Group>
      <VirtualTable
        rows={rows}
        columns={columns}
        rowKey={(row) => row.id}
        onRowClick={(row) => setEditing(row)}
        onRowKey={(key, row) => {
          if (key === 'm') {
            setCommenting(row);
            return true;
          }
          if (canCreate && mergeSelection.handleRowKey(key, row)) return true;
          if (key !== 'c' || !canConvert(row)) return false;
          setConverting(row);
          return true;
        }}
        label={t('leads.title')}
        positionKey={`leads:${JSON.stringify(filter)}`}
        onEndReached={loadMore}
        loading={isLoading}
        testId="leads-table"
        rowMark={(row) => pendingMark(row.id)}
      />
      <LeadFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        lead={editing === 'new' || editing === null ? undefined : editing}
      />
      <ConvertLeadModal
        opened={converting !== null}
        onClose={() => setConverting(null)}
        lead={converting}
      />
      <CommentsDrawer
        target={
          commentsOn && {
            collection: 'leads',
            id: commentsOn.id,
            teamId: commentsOn.teamId,
            accountId: '',
          }
        }
        name={commentsOn?.name ?? ''}
        onClose={() => {
          setCommenting(null);
          if (routedId) void navigate('/leads', { replace: true });
        }}
      />
    </Stack>
  );
}
