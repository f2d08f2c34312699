import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Group, Switch, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  MEMBER_ROLES,
  RESTRICTABLE_FIELDS,
  type FieldPolicyValue,
  type FieldRule,
  type MemberRole,
  type RestrictableCollection,
} from '@shared/domain';
import { reportWriteError } from '../../../components/write-errors';
import { formatList } from '../../../components/format';
import {
  useFieldPolicyQuery,
  useFieldViewer,
  useSaveFieldPolicyMutation,
} from '../../../entities/settings/field-policy';

/** Roles a rule can name (admins always see every field). */
const RULE_ROLES = MEMBER_ROLES.filter((role) => role !== 'admin');

interface Row {
  collection: RestrictableCollection;
  field: string;
  covers: readonly string[];
}
const ROWS: Row[] = Object.entries(RESTRICTABLE_FIELDS).flatMap(([collection, fields]) =>
  Object.entries(fields as Record<string, readonly string[]>).map(([field, covers]) => ({
    collection: collection as RestrictableCollection,
    field,
    covers,
  })),
);
const rowKey = (row: { collection: string; field: string }) => `${row.collection}.${row.field}`;

/** The restrictions being edited, by row: absent = not restricted. */
type Draft = Record<string, Pick<FieldRule, 'roles' | 'ownTeam'>>;

function draftOf(policy: FieldPolicyValue): Draft {
  return Object.fromEntries(
    policy.rules.map((rule) => [rowKey(rule), { roles: rule.roles, ownTeam: rule.ownTeam }]),
  );
}

function policyOf(draft: Draft): FieldPolicyValue {
  return {
    rules: ROWS.filter((row) => draft[rowKey(row)]).map((row) => ({
      collection: row.collection,
      field: row.field,
      ...draft[rowKey(row)],
    })),
  };
}

/**
 * Field permissions (issue 14): which sensitive fields are hidden from whom. The server enforces what is saved
 * here in replication (shared/sync/field-policy.ts); this card only edits the workspace's `fieldPolicy`
 * setting. Admins edit, everyone else reads.
 */
export function FieldPolicyCard() {
  const { t, i18n } = useTranslation();
  const policy = useFieldPolicyQuery();
  const save = useSaveFieldPolicyMutation();
  const isAdmin = useFieldViewer()?.role === 'admin';
  const [draft, setDraft] = useState<Draft>({});
  useEffect(() => {
    if (policy.data) setDraft(draftOf(policy.data));
  }, [policy.data]);

  const handleRestricted = (row: Row, on: boolean) => {
    save.reset();
    setDraft((current) => {
      const next = { ...current };
      if (on) next[rowKey(row)] = { roles: ['manager'], ownTeam: true };
      else delete next[rowKey(row)];
      return next;
    });
  };
  const handleChange = (row: Row, change: Partial<Pick<FieldRule, 'roles' | 'ownTeam'>>) => {
    save.reset();
    setDraft((current) => ({ ...current, [rowKey(row)]: { ...current[rowKey(row)], ...change } }));
  };
  const toggleRole = (row: Row, role: MemberRole, on: boolean) => {
    const roles = draft[rowKey(row)]?.roles ?? [];
    handleChange(row, { roles: on ? [...roles, role] : roles.filter((r) => r !== role) });
  };

  return (
    <Card withBorder data-testid="field-policy-card">
      <Title order={4} mb={4}>
        {t('fieldPolicy.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('fieldPolicy.description')}
      </Text>
      {!isAdmin && (
        <Alert color="gray" mb="sm">
          {t('fieldPolicy.adminOnly')}
        </Alert>
      )}
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fieldPolicy.columns.record')}</Table.Th>
            <Table.Th>{t('fieldPolicy.columns.field')}</Table.Th>
            <Table.Th>{t('fieldPolicy.columns.restricted')}</Table.Th>
            <Table.Th>{t('fieldPolicy.columns.roles')}</Table.Th>
            <Table.Th>{t('fieldPolicy.columns.ownTeam')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ROWS.map((row) => {
            const rule = draft[rowKey(row)];
            const testId = `field-policy-${row.collection}-${row.field}`;
            const others = row.covers.filter((f) => f !== row.field);
            return (
              <Table.Tr key={rowKey(row)}>
                <Table.Td>{t(`fieldPolicy.collections.${row.collection}`)}</Table.Td>
                <Table.Td>
                  {t(`fields.${row.field}`)}
                  {others.length > 0 && (
                    <Text size="xs" c="dimmed" component="span" ml={4}>
                      {t('fieldPolicy.covers', {
                        fields: formatList(
                          others.map((f) => t(`fields.${f}`)),
                          i18n.language,
                        ),
                      })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Switch
                    checked={Boolean(rule)}
                    disabled={!isAdmin}
                    onChange={(e) => handleRestricted(row, e.currentTarget.checked)}
                    aria-label={t('fieldPolicy.columns.restricted')}
                    data-testid={`${testId}-restricted`}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {RULE_ROLES.map((role) => (
                      <Checkbox
                        key={role}
                        label={t(`lists.memberRole.${role}`)}
                        checked={rule?.roles.includes(role) ?? false}
                        disabled={!isAdmin || !rule}
                        onChange={(e) => toggleRole(row, role, e.currentTarget.checked)}
                        data-testid={`${testId}-role-${role}`}
                      />
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    checked={rule?.ownTeam ?? false}
                    disabled={!isAdmin || !rule}
                    onChange={(e) => handleChange(row, { ownTeam: e.currentTarget.checked })}
                    aria-label={t('fieldPolicy.columns.ownTeam')}
                    data-testid={`${testId}-own-team`}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {isAdmin && (
        <Group mt="sm">
          <Button
            onClick={() =>
              save.mutate(policyOf(draft), { onError: (error) => reportWriteError(error, t) })
            }
            loading={save.isPending}
            data-testid="field-policy-save"
          >
            {t('fieldPolicy.save')}
          </Button>
        </Group>
      )}
      {save.isSuccess && (
        <Alert color="green" mt="sm" data-testid="field-policy-saved">
          {t('fieldPolicy.saved')}
        </Alert>
      )}
    </Card>
  );
}
