import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { Alert, Anchor, Drawer, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportMenu } from '../../components/export-menu';
import type { Column } from '../../components/virtual-table';
import type { Repositories } from '../../data/repositories';
import { useMemberNames } from '../../entities/members/queries';
import { useRepositories } from '../../hooks/use-workspace';
import { useDashboardFormats } from './dashboard-formats';
import { recordHref, type DrillCollection, type DrillTarget } from './drill-target';

export type { DrillTarget } from './drill-target';

/** At most this many records are listed (the export writes them all). */
const SHOWN = 200;

/** One record of a drill-down, as the drawer lists it. */
export interface DrillRecord {
  id: string;
  name: string;
  ownerId: string;
  /** Yuan; null for records without an amount (accounts, leads, tickets, activities). */
  amount: number | null;
  status: string;
  href: string | null;
}

/** The records of a target, read by id from the replica (deleted and unknown ids are left out). */
export async function readDrillRecords(
  repos: Repositories,
  collection: DrillCollection,
  ids: readonly string[],
  t: TFunction,
): Promise<DrillRecord[]> {
  const list = [...ids];
  const ordered = <T extends { id: string; deleted: boolean }>(found: Map<string, T>): T[] =>
    list.flatMap((id) => {
      const record = found.get(id);
      return record && !record.deleted ? [record] : [];
    });
  switch (collection) {
    case 'deals':
      return ordered(await repos.deals.getMany(list)).map((r) => ({
        id: r.id,
        name: r.name,
        ownerId: r.ownerId,
        amount: r.amount,
        status: t(`lists.dealStatus.${r.status}`),
        href: recordHref(collection, r),
      }));
    case 'contracts':
      return ordered(await repos.contracts.getMany(list)).map((r) => ({
        id: r.id,
        name: `${r.number} ${r.title}`,
        ownerId: r.ownerId,
        amount: r.amount,
        status: t(`lists.contractStatus.${r.status}`),
        href: recordHref(collection, r),
      }));
    case 'accounts':
      return ordered(await repos.accounts.getMany(list)).map((r) => ({
        id: r.id,
        name: r.name,
        ownerId: r.ownerId,
        amount: null,
        status: t(`lists.accountStatus.${r.status}`),
        href: recordHref(collection, r),
      }));
    case 'leads':
      return ordered(await repos.leads.getMany(list)).map((r) => ({
        id: r.id,
        name: r.name,
        ownerId: r.ownerId,
        amount: null,
        status: t(`lists.leadStatus.${r.status}`),
        href: recordHref(collection, r),
      }));
    case 'tickets':
      return ordered(await repos.tickets.getMany(list)).map((r) => ({
        id: r.id,
        name: r.number ? `${r.number} ${r.subject}` : r.subject,
        ownerId: r.ownerId,
        amount: null,
        status: t(`lists.ticketStatus.${r.status}`),
        href: recordHref(collection, r),
      }));
    case 'activities':
      return ordered(await repos.activities.getMany(list)).map((r) => ({
        id: r.id,
        name: r.subject,
        ownerId: r.ownerId,
        amount: null,
        status: t(`lists.activityType.${r.type}`),
        href: recordHref(collection, r),
      }));
  }
}

type OpenDrill = (target: DrillTarget) => void;
/** `useDrill()` is the opener itself; `useDrill().openDrill` is the same function (both spellings work). */
export type DrillOpener = OpenDrill & { openDrill: OpenDrill };

const DrillContext = createContext<DrillOpener | null>(null);

const noDrill: DrillOpener = Object.assign(() => undefined, { openDrill: () => undefined });

/** Opens the drill-down drawer from a chart's onClick: `const openDrill = useDrill(); openDrill(target)`. */
export function useDrill(): DrillOpener {
  return useContext(DrillContext) ?? noDrill;
}

/** Provides `useDrill` to a dashboard and shows the drawer of the target last opened. */
export function DrillProvider({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<DrillTarget | null>(null);
  const open = useCallback<OpenDrill>((next) => setTarget(next), []);
  const opener = useMemo<DrillOpener>(() => Object.assign(open, { openDrill: open }), [open]);
  return (
    <DrillContext.Provider value={opener}>
      {children}
      <DrillDrawer target={target} onClose={() => setTarget(null)} />
    </DrillContext.Provider>
  );
}

/** The drawer listing the records of a drill-down target: name, owner, amount or status, a link to each. */
export function DrillDrawer({
  target,
  onClose,
}: {
  target: DrillTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const repos = useRepositories();
  const names = useMemberNames();
  const formats = useDashboardFormats();
  const records = useQuery({
    queryKey: [target?.collection ?? 'accounts', 'dashboards', 'drill', target?.ids],
    queryFn: () =>
      target ? readDrillRecords(repos, target.collection, target.ids, t) : Promise.resolve([]),
    enabled: target !== null,
  });
  const withAmount = target?.collection === 'deals' || target?.collection === 'contracts';
  const columns = useMemo<Column<DrillRecord>[]>(
    () => [
      {
        key: 'name',
        header: t('dashboards.frame.drill.columns.name'),
        render: (r) => r.name,
        export: { type: 'text', value: (r) => r.name },
      },
      {
        key: 'owner',
        header: t('dashboards.frame.drill.columns.owner'),
        render: (r) => names.get(r.ownerId) ?? '',
        export: { type: 'text', value: (r) => names.get(r.ownerId) ?? '' },
      },
      ...(withAmount
        ? [
            {
              key: 'amount',
              header: t('dashboards.frame.drill.columns.amount'),
              render: (r: DrillRecord) => formats.money(r.amount),
              export: { type: 'money' as const, value: (r: DrillRecord) => r.amount },
            },
          ]
        : []),
      {
        key: 'status',
        header: t('dashboards.frame.drill.columns.status'),
        render: (r) => r.status,
        export: { type: 'text', value: (r) => r.status },
      },
    ],
    [t, names, formats, withAmount],
  );
  const rows = records.data ?? [];

  return (
    <Drawer
      opened={target !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={target?.title ?? t('dashboards.frame.drill.title')}
      closeButtonProps={{ 'aria-label': t('dashboards.frame.drill.close') }}
      data-testid="drill-drawer"
    >
      {target && (
        <Stack gap="sm">
          <Group justify="space-between">
            <Text size="sm" c="dimmed" data-testid="drill-count">
              {rows.length > SHOWN
                ? t('dashboards.frame.drill.shownOf', { shown: SHOWN, count: rows.length })
                : t('dashboards.frame.drill.count', { count: rows.length })}
            </Text>
            <ExportMenu
              columns={columns}
              source={() => rows}
              total={rows.length}
              name={`${t(`dashboards.frame.drill.collections.${target.collection}`)}-${target.title}`}
              testId="drill-export"
            />
          </Group>
          {records.isPending ? (
            <Group gap="xs">
              <Loader size="sm" />
              <Text size="sm">{t('dashboards.frame.drill.loading')}</Text>
            </Group>
          ) : records.isError ? (
            <Alert color="red">
              {t('dashboards.frame.drill.failed', {
                reason:
                  records.error instanceof Error ? records.error.message : String(records.error),
              })}
            </Alert>
          ) : rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('dashboards.frame.drill.empty')}
            </Text>
          ) : (
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((c) => (
                    <Table.Th key={c.key}>{c.header}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.slice(0, SHOWN).map((r) => (
                  <Table.Tr key={r.id} data-testid="drill-row" data-id={r.id}>
                    {columns.map((c) => (
                      <Table.Td key={c.key}>
                        {c.key === 'name' && r.href ? (
                          <Anchor component={Link} to={r.href} size="sm" onClick={onClose}>
                            {r.name}
                          </Anchor>
                        ) : (
                          c.render(r)
                        )}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
