import { useMemo, useState } from 'react';
import { ActionIcon, Button, Chip, Group, Menu, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import {
  IconBookmark,
  IconDeviceFloppy,
  IconPlus,
  IconSearch,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ACCOUNT_STATUSES, INDUSTRY_SECTIONS, LIFECYCLE_TAGS, type Account } from '@shared/domain';
import { PageHeader } from '../../components/page-header';
import { VirtualTable, type Column } from '../../components/virtual-table';
import { useFilterShortcut } from '../../components/use-filter-shortcut';
import { CellBadge, CellStrong } from '../../components/table-cells';
import { DeferredSelect } from '../../components/deferred-select';
import { AfterFirstContent, useFirstContentShown } from '../../components/after-first-content';
import { useListOptions } from '../../components/list-options';
import { formatDateTime } from '../../components/format';
import { reportWriteError } from '../../components/write-errors';
import { useLazyDialog } from '../../components/use-lazy-dialog';
import { useUserMap, useUserOptions } from '../../entities/members/queries';
import type { AccountFilter, AccountSort } from '../../data/repositories';
import {
  DEFAULT_ACCOUNT_SORT,
  useAccountCount,
  useAccountList,
  useAccountSavedFilters,
} from '../../entities/accounts/queries';
import {
  useDeleteSavedFilterMutation,
  useSaveAccountFilterMutation,
} from '../../entities/accounts/mutations';
import { AccountFormModal } from './components/account-form-modal';
import { useAppCommand } from '../../platform/app-commands';
import { useWriteAccess } from '../../hooks/use-write-access';
import { useShortcut } from '../../components/shortcuts/use-shortcut';
import { usePendingRowMark } from '../../entities/sync/components/pending-mark';
import { ExportMenu } from '../../components/export-menu';
import { ImportButton } from '../../components/import-button';
import { accountExports } from '../../entities/accounts/account-exports';
import { LastActivityText } from '../../components/last-activity-text';
import { useMergeSelection } from '../../components/merge/merge-selection';
import { useAccountsHealth, useChurnRiskAccounts } from '../../entities/accounts/health';
import { HealthBadge } from '../../entities/accounts/components/health-card';

const DEFAULT_SORT: AccountSort = DEFAULT_ACCOUNT_SORT;

/** The accounts list: filtered, sorted and paged through indexes, rendered virtually. */
export function AccountsPage() {
  const { t, i18n } = useTranslation();
  const pendingMark = usePendingRowMark('accounts');
  // Who may not create here (a viewer) gets no new-record button.
  const canCreate = useWriteAccess('accounts', null).canWrite;
  const navigate = useNavigate();
  const form = useLazyDialog();
  // File → New account (desktop menu, Ctrl/Cmd+N) opens the form.
  useAppCommand('new-account', form.open);
  // n (components/shortcuts): the same form, for those who may create.
  useShortcut('newRecord', canCreate ? form.open : null);
  const [filter, setFilter] = useState<AccountFilter>({});
  const [sort, setSort] = useState<AccountSort>(DEFAULT_SORT);
  const [text, setText] = useState('');
  const [debouncedText] = useDebouncedValue(text, 200);
  const effectiveFilter = useMemo(
    () => ({ ...filter, text: debouncedText || undefined }),
    [filter, debouncedText],
  );

  const list = useAccountList(effectiveFilter, sort);
  // Health (issue 21) is computed, not stored: the rows on screen are scored after the first content, and the
  // churn-risk filter scores every matching account (its cost: benchmark B13, BENCHMARKS.md).
  const [churnOnly, setChurnOnly] = useState(false);
  const firstContentShown = useFirstContentShown();
  const churn = useChurnRiskAccounts(effectiveFilter, sort, churnOnly);
  const listHealth = useAccountsHealth(list.rows, firstContentShown && !churnOnly);
  const healthById = churnOnly ? churn.data?.health : listHealth.data;
  const rows = churnOnly ? (churn.data?.accounts ?? []) : list.rows;
  const filterInput = useFilterShortcut();
  // Counted by the search index; asked once the first rows are there, so loading it never delays them.
  const count = useAccountCount(effectiveFilter, list.rows.length > 0 || !list.isLoading);
  const users = useUserMap();
  const userOptions = useUserOptions();
  const statusOptions = useListOptions('accountStatus', ACCOUNT_STATUSES);
  const tagOptions = useListOptions('lifecycleTag', LIFECYCLE_TAGS);
  const industryOptions = useMemo(
    () =>
      INDUSTRY_SECTIONS.map((code) => ({ value: code, label: `${code} ${t(`industry.${code}`)}` })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [i18n.language],
  );
  const savedFilters = useAccountSavedFilters();
  const saveFilter = useSaveAccountFilterMutation();
  const deleteFilter = useDeleteSavedFilterMutation();

  const setField = (key: keyof AccountFilter) => (value: string | null) =>
    setFilter((f) => ({ ...f, [key]: value || undefined }));

  const handleSaveFilter = () => {
    let name = '';
    modals.openConfirmModal({
      title: t('accounts.filters.save'),
      children: (
        <TextInput
          autoFocus
          label={t('accounts.filters.saveName')}
          onChange={(e) => (name = e.currentTarget.value)}
          data-testid="saved-filter-name"
        />
      ),
      labels: { confirm: t('common.save'), cancel: t('common.cancel') },
      onConfirm: () => {
        const asRecord: Record<string, string> = {};
        for (const [k, v] of Object.entries(effectiveFilter))
          if (typeof v === 'string' && v) asRecord[k] = v;
        saveFilter
          .mutateAsync({
            entity: 'account',
            name: name.trim() || t('accounts.filters.saved'),
            filter: asRecord,
            sort,
          })
          .catch((e: unknown) => reportWriteError(e, t));
      },
    });
  };

  const saveButton = (
    <ActionIcon
      variant="default"
      size="lg"
      onClick={handleSaveFilter}
      aria-label={t('accounts.filters.save')}
      data-testid="save-filter"
    >
      <IconDeviceFloppy size={18} />
    </ActionIcon>
  );
  const savedButton = (
    <Button variant="default" leftSection={<IconBookmark size={16} />} data-testid="saved-filters">
      {t('accounts.filters.saved')}
    </Button>
  );

  const exports = accountExports(t, i18n.language, users);
  // Two or more selected rows can be merged (issue 19); viewers cannot write, so they get no selection.
  const mergeSelection = useMergeSelection<Account>('accounts');
  const columns: Column<Account>[] = [
    ...(canCreate ? [mergeSelection.column] : []),
    {
      key: 'name',
      header: exports.name.header,
      width: 'minmax(220px, 2fr)',
      render: (a) => <CellStrong>{a.name}</CellStrong>,
      export: exports.name,
    },
    {
      key: 'industry',
      header: exports.industry.header,
      render: (a) => exports.industry.value(a) || '—',
      export: exports.industry,
    },
    {
      key: 'region',
      header: exports.region.header,
      width: 100,
      render: (a) => exports.region.value(a) || '—',
      export: exports.region,
    },
    {
      key: 'status',
      header: exports.status.header,
      width: 110,
      render: (a) => <CellBadge>{exports.status.value(a)}</CellBadge>,
      export: exports.status,
    },
    {
      key: 'tags',
      header: exports.tags.header,
      render: exports.tags.value,
      export: exports.tags,
    },
    {
      key: 'owner',
      header: exports.owner.header,
      width: 110,
      render: (a) => exports.owner.value(a) || '—',
      export: exports.owner,
    },
    {
      key: 'health',
      header: t('health.column'),
      width: 150,
      render: (a) => {
        const health = healthById?.get(a.id);
        return health ? <HealthBadge health={health} /> : '—';
      },
    },
    {
      key: 'lastActivityAt',
      header: t('common.lastActivityAt'),
      width: 120,
      render: (row) => <LastActivityText at={row.lastActivityAt} />,
      export: { type: 'datetime', value: (row) => row.lastActivityAt || null },
    },
    {
      key: 'updatedAt',
      header: exports.updatedAt.header,
      width: 150,
      render: (a) => formatDateTime(a.updatedAt),
      export: exports.updatedAt,
    },
  ];

  return (
    <>
      <PageHeader title={t('accounts.title')}>
        <ExportMenu
          columns={columns}
          source={list.exportPages}
          total={count.data}
          name={t('accounts.title')}
          testId="accounts-export"
        />
        {canCreate && mergeSelection.button}
        {canCreate && <ImportButton kind="accounts" />}
        {canCreate && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={form.open}
            data-testid="new-account"
          >
            {t('accounts.new')}
          </Button>
        )}
      </PageHeader>
      <Group mb="sm" gap="xs" wrap="wrap" align="flex-end">
        <TextInput
          leftSection={<IconSearch size={16} />}
          ref={filterInput}
          placeholder={t('accounts.searchPlaceholder')}
          aria-label={t('accounts.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={240}
          data-testid="account-filter-text"
        />
        <DeferredSelect
          placeholder={t('accounts.filters.owner')}
          data={userOptions}
          value={filter.ownerId ?? null}
          onChange={setField('ownerId')}
          clearable
          w={140}
        />
        <DeferredSelect
          placeholder={t('accounts.filters.industry')}
          data={industryOptions}
          value={filter.industry ?? null}
          onChange={setField('industry')}
          clearable
          searchable
          w={200}
        />
        <DeferredSelect
          placeholder={t('accounts.filters.tag')}
          data={tagOptions}
          value={filter.tag ?? null}
          onChange={setField('tag')}
          clearable
          w={130}
        />
        <DeferredSelect
          placeholder={t('accounts.filters.status')}
          data={statusOptions}
          value={filter.status ?? null}
          onChange={setField('status')}
          clearable
          w={130}
        />
        <DeferredSelect
          aria-label={t('accounts.sort.label')}
          data={[
            { value: 'updatedAt', label: t('accounts.sort.updatedAt') },
            { value: 'nameKey', label: t('accounts.sort.nameKey') },
          ]}
          value={sort.field}
          allowDeselect={false}
          onChange={(v) =>
            setSort(v === 'nameKey' ? { field: 'nameKey', direction: 'asc' } : DEFAULT_SORT)
          }
          w={170}
        />
        {/* The tooltip and the menu mount after the first rows are shown (like DeferredSelect); the buttons are there at once. */}
        <AfterFirstContent
          placeholder={
            <>
              {saveButton}
              {savedButton}
            </>
          }
        >
          <Tooltip label={t('accounts.filters.save')}>{saveButton}</Tooltip>
          <Menu>
            <Menu.Target>{savedButton}</Menu.Target>
            <Menu.Dropdown>
              {(savedFilters.data ?? []).length === 0 && (
                <Menu.Label>{t('accounts.filters.none')}</Menu.Label>
              )}
              {(savedFilters.data ?? []).map((saved) => (
                <Menu.Item
                  key={saved.id}
                  onClick={() => {
                    const { text: savedText, ...rest } = saved.filter as Record<string, string>;
                    setFilter(rest);
                    setText(savedText ?? '');
                    setSort(
                      saved.sort.field === 'nameKey'
                        ? { field: 'nameKey', direction: saved.sort.direction }
                        : DEFAULT_SORT,
                    );
                  }}
                  rightSection={
                    <ActionIcon
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={t('common.delete')}
                      onClick={(e) => {
                        e.stopPropagation();
                        void deleteFilter.mutateAsync(saved.id);
                      }}
                    >
                      <IconTrash size={12} />
                    </ActionIcon>
                  }
                >
                  {saved.name}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </AfterFirstContent>
        <Chip
          checked={churnOnly}
          onChange={setChurnOnly}
          color="red"
          variant="outline"
          wrapperProps={{ 'data-testid': 'account-filter-churn' }}
        >
          {t('health.churnRisk')}
        </Chip>
        <Text c="dimmed" size="sm" data-testid="account-count">
          {churnOnly && churn.isLoading
            ? t('health.loading')
            : t('accounts.count', { count: churnOnly ? rows.length : (count.data ?? 0) })}
        </Text>
      </Group>
      <VirtualTable
        rows={rows}
        columns={columns}
        rowKey={(a) => a.id}
        onRowClick={(a) => void navigate(`/accounts/${a.id}`)}
        onEndReached={churnOnly ? undefined : list.loadMore}
        loading={churnOnly ? churn.isLoading : list.isLoading}
        testId="accounts-table"
        label={t('accounts.title')}
        totalCount={churnOnly ? rows.length : count.data}
        positionKey={`accounts:${JSON.stringify([effectiveFilter, sort, churnOnly])}`}
        sequence={{
          kind: 'accounts',
          href: (a) => `/accounts/${a.id}`,
          fetchMore: churnOnly ? undefined : list.fetchMore,
        }}
        rowMark={(a) => pendingMark(a.id)}
        onRowKey={canCreate ? mergeSelection.handleRowKey : undefined}
      />
      {/* Mounted from the first open on: its form, duplicate check and pickers are not built on every start. */}
      {form.mounted && (
        <AccountFormModal
          opened={form.opened}
          onClose={form.close}
          onSaved={(a) => void navigate(`/accounts/${a.id}`)}
        />
      )}
    </>
  );
}
