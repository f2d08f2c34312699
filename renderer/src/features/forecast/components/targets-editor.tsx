import { useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, NumberInput, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Member } from '@shared/domain';
import { maySetTarget, targetSettingKey } from '@shared/rules/forecast';
import type { Access } from '../../../data/access';
import type { StoredTarget } from '../../../data/repositories/setting-repository';
import { reportWriteError } from '../../../components/write-errors';
import { useSaveTargetMutation } from '../queries';

/**
 * 设定目标: the target of each team and person the writer may set (shared/rules/forecast.ts maySetTarget — the
 * server's rule), for the period on screen. Blank = no target of its own for that period.
 */
export function TargetsEditor({
  members,
  targets,
  periodKey,
  periodLabel,
  access,
}: {
  members: Member[];
  targets: StoredTarget[];
  periodKey: string;
  periodLabel: string;
  access: Access | undefined;
}) {
  const { t } = useTranslation();
  const byKey = useMemo(
    () =>
      new Map(targets.map((target) => [targetSettingKey(target.memberId, target.period), target])),
    [targets],
  );
  const editable = useMemo(() => {
    if (!access) return [];
    const writer = { role: access.principal.role, scope: access.scope };
    const live = members.filter((m) => !m.deleted && (m.kind === 'team' || m.active));
    return live
      .filter((m) => maySetTarget(writer, m))
      .sort(
        (a, b) =>
          Number(a.kind === 'user') - Number(b.kind === 'user') || a.name.localeCompare(b.name),
      );
  }, [members, access]);

  if (!access) return null;
  if (access.principal.role !== 'admin' && access.principal.role !== 'manager')
    return (
      <Alert color="gray" data-testid="targets-read-only">
        {t('forecast.targets.readOnly')}
      </Alert>
    );
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {t('forecast.targets.intro', { period: periodLabel })}
      </Text>
      {editable.length === 0 ? (
        <Alert color="gray">{t('forecast.targets.none')}</Alert>
      ) : (
        <Table data-testid="targets-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('forecast.targets.member')}</Table.Th>
              <Table.Th>{t('forecast.targets.amount')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {editable.map((member) => (
              <TargetRow
                key={`${member.id}@${periodKey}`}
                member={member}
                periodKey={periodKey}
                stored={byKey.get(targetSettingKey(member.id, periodKey))?.amount ?? null}
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

function TargetRow({
  member,
  periodKey,
  stored,
}: {
  member: Member;
  periodKey: string;
  stored: number | null;
}) {
  const { t } = useTranslation();
  const save = useSaveTargetMutation();
  const [value, setValue] = useState<number | string>(stored ?? '');
  const [error, setError] = useState<string | null>(null);
  // A target synced from another laptop replaces what is shown (unless the person is typing a change).
  useEffect(() => setValue(stored ?? ''), [stored]);

  const submit = async (amount: number | null) => {
    if (amount !== null && (!Number.isFinite(amount) || amount < 0 || amount > 1e13)) {
      setError(t('forecast.targets.invalid'));
      return;
    }
    setError(null);
    try {
      await save.mutateAsync({ memberId: member.id, period: periodKey, amount });
      if (amount === null) setValue('');
      notifications.show({
        color: 'green',
        message: t(amount === null ? 'forecast.targets.cleared' : 'forecast.targets.saved'),
        autoClose: 1500,
      });
    } catch (cause) {
      reportWriteError(cause, t);
    }
  };
  const handleSave = () => {
    if (value === '' || value === null) {
      void submit(null);
      return;
    }
    void submit(typeof value === 'number' ? value : Number(value));
  };

  return (
    <Table.Tr data-testid={`target-row-${member.id}`}>
      <Table.Td>
        <Group gap="xs">
          <Text size="sm">{member.name}</Text>
          <Badge size="xs" variant="light" color={member.kind === 'team' ? 'blue' : 'gray'}>
            {t(member.kind === 'team' ? 'forecast.targets.team' : 'forecast.targets.person')}
          </Badge>
        </Group>
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={`${t('forecast.targets.amount')} ${member.name}`}
          value={value}
          onChange={(next) => {
            setValue(next);
            setError(null);
          }}
          min={0}
          decimalScale={2}
          thousandSeparator=","
          prefix="¥"
          error={error}
          onKeyDown={(event) => {
            if (event.key === 'Enter') handleSave();
          }}
          data-testid={`target-amount-${member.id}`}
        />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            onClick={handleSave}
            loading={save.isPending}
            data-testid={`target-save-${member.id}`}
          >
            {t('forecast.targets.save')}
          </Button>
          {stored !== null && (
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              onClick={() => void submit(null)}
              data-testid={`target-clear-${member.id}`}
            >
              {t('forecast.targets.clear')}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
