import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  ACCOUNT_TIERS,
  DEFAULT_SLA_POLICY,
  slaPolicyValueSchema,
  TICKET_PRIORITIES,
  type SlaPolicyValue,
} from '@shared/domain';
import { effectiveSlaPolicies, type SlaPolicyEntry } from '@shared/rules';
import { reportWriteError } from '../../../components/write-errors';
import { useWorkspace } from '../../../hooks/use-workspace';
import { useFieldViewer } from '../../../entities/settings/field-policy';
import {
  useDeleteSlaPolicyMutation,
  useSaveSlaPolicyMutation,
  useSlaPoliciesQuery,
} from '../../../entities/settings/sla';

function errorsOf(value: unknown): Record<string, string> {
  const result = slaPolicyValueSchema.safeParse(value);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) out[issue.path.join('.')] ??= issue.message;
  return out;
}

/**
 * SLA policies (issue 21): per ticket priority, the first-response and resolution targets in business minutes
 * (on the working calendar), optionally for some customer tiers only (a policy naming the account's tier wins),
 * and the warning threshold. While none is stored, the default policy applies and is shown here to edit.
 */
export function SlaPoliciesCard() {
  const { t } = useTranslation();
  const { session } = useWorkspace();
  const viewer = useFieldViewer();
  const canEdit = session.mode === 'local' || viewer?.role === 'admin';
  const stored = useSlaPoliciesQuery();
  const [adding, setAdding] = useState(false);
  const policies = effectiveSlaPolicies(stored.data ?? []);
  return (
    <Card withBorder data-testid="sla-policies-card">
      <Title order={4} mb={4}>
        {t('sla.policies.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('sla.policies.description')}
      </Text>
      {!canEdit && (
        <Alert color="gray" mb="sm">
          {t('sla.adminOnly')}
        </Alert>
      )}
      <Stack gap="sm">
        {policies.map((policy, index) => (
          <PolicyEditor
            key={policy.key}
            policy={policy}
            index={index}
            canEdit={canEdit}
            stored={(stored.data ?? []).some((p) => p.key === policy.key)}
          />
        ))}
        {adding && (
          <PolicyEditor
            policy={null}
            index={policies.length}
            canEdit={canEdit}
            stored={false}
            onDone={() => setAdding(false)}
          />
        )}
        {canEdit && !adding && (
          <Group>
            <Button variant="light" onClick={() => setAdding(true)} data-testid="sla-policy-add">
              {t('sla.policies.add')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function PolicyEditor({
  policy,
  index,
  canEdit,
  stored,
  onDone,
}: {
  policy: SlaPolicyEntry | null;
  index: number;
  canEdit: boolean;
  stored: boolean;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveSlaPolicyMutation();
  const remove = useDeleteSlaPolicyMutation();
  const initial = policy?.value ?? { ...DEFAULT_SLA_POLICY, name: '', tiers: [] };
  const [draft, setDraft] = useState<SlaPolicyValue>(initial);
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (policy) setDraft(policy.value);
  }, [policy]);
  const errors = useMemo(() => errorsOf(draft), [draft]);
  const errorAt = (path: string) => (tried && errors[path] ? t(errors[path]) : undefined);
  const change = (patch: Partial<SlaPolicyValue>) => {
    save.reset();
    setDraft((current) => ({ ...current, ...patch }));
  };
  const changeTarget = (
    priority: (typeof TICKET_PRIORITIES)[number],
    field: 'firstResponseMinutes' | 'resolutionMinutes',
    value: number,
  ) =>
    change({
      targets: { ...draft.targets, [priority]: { ...draft.targets[priority], [field]: value } },
    });
  const handleSave = () => {
    setTried(true);
    const parsed = slaPolicyValueSchema.safeParse(draft);
    if (!parsed.success) return;
    save.mutate(
      { key: policy?.key, value: parsed.data },
      { onSuccess: () => onDone?.(), onError: (error) => reportWriteError(error, t) },
    );
  };
  const minutes = (value: string | number) => (typeof value === 'number' ? value : NaN);
  return (
    <Fieldset legend={draft.name || t('sla.policies.unnamed')} data-testid={`sla-policy-${index}`}>
      <Stack gap="xs">
        <Group grow align="flex-start">
          <TextInput
            label={t('sla.policies.name')}
            value={draft.name}
            disabled={!canEdit}
            error={errorAt('name')}
            onChange={(e) => change({ name: e.currentTarget.value })}
            data-testid={`sla-policy-${index}-name`}
          />
          <MultiSelect
            label={t('sla.policies.tiers')}
            placeholder={draft.tiers.length === 0 ? t('sla.policies.anyTier') : undefined}
            data={ACCOUNT_TIERS.map((tier) => ({ value: tier, label: tier }))}
            value={draft.tiers}
            disabled={!canEdit}
            error={errorAt('tiers')}
            onChange={(tiers) => change({ tiers: tiers })}
            data-testid={`sla-policy-${index}-tiers`}
          />
          <NumberInput
            label={t('sla.policies.warnAt')}
            suffix=" %"
            value={draft.warnAtPercent}
            disabled={!canEdit}
            allowDecimal={false}
            error={errorAt('warnAtPercent')}
            onChange={(value) => change({ warnAtPercent: minutes(value) })}
            data-testid={`sla-policy-${index}-warn`}
          />
        </Group>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.priority')}</Table.Th>
              <Table.Th>{t('sla.policies.firstResponse')}</Table.Th>
              <Table.Th>{t('sla.policies.resolution')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...TICKET_PRIORITIES].reverse().map((priority) => (
              <Table.Tr key={priority}>
                <Table.Td>{t(`lists.ticketPriority.${priority}`)}</Table.Td>
                {(['firstResponseMinutes', 'resolutionMinutes'] as const).map((field) => (
                  <Table.Td key={field}>
                    <NumberInput
                      size="xs"
                      value={draft.targets[priority][field]}
                      disabled={!canEdit}
                      allowDecimal={false}
                      aria-label={`${t(`lists.ticketPriority.${priority}`)} ${t(`sla.policies.${field === 'firstResponseMinutes' ? 'firstResponse' : 'resolution'}`)}`}
                      error={errorAt(`targets.${priority}.${field}`)}
                      onChange={(value) => changeTarget(priority, field, minutes(value))}
                      data-testid={`sla-policy-${index}-${priority}-${field}`}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {canEdit && (
          <Group>
            <Button
              size="xs"
              onClick={handleSave}
              loading={save.isPending}
              data-testid={`sla-policy-${index}-save`}
            >
              {t('common.save')}
            </Button>
            {stored && policy && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(policy.key, { onError: (error) => reportWriteError(error, t) })
                }
                data-testid={`sla-policy-${index}-delete`}
              >
                {t('sla.policies.delete')}
              </Button>
            )}
            {onDone && (
              <Button size="xs" variant="default" onClick={onDone}>
                {t('common.cancel')}
              </Button>
            )}
            {save.isSuccess && (
              <Text size="sm" c="green">
                {t('sla.saved')}
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
