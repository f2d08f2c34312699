import { useMemo } from 'react';
import {
  Alert,
  Button,
  Card,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSettingDraft } from './use-setting-draft';
import {
  APPROVAL_KINDS,
  DEFAULT_APPROVAL_RULES,
  MEMBER_ROLES,
  approvalRulesValueSchema,
  type ApprovalRulesValue,
} from '@shared/domain';
import { useWorkspace } from '../../../hooks/use-workspace';
import { useFieldViewer } from '../../../entities/settings/field-policy';
import { useUserOptions } from '../../../entities/members/queries';
import {
  useApprovalRulesQuery,
  useSaveApprovalRulesMutation,
} from '../../../entities/settings/approval-rules';

type Rule = ApprovalRulesValue['rules'][number];
type RouteStep = Rule['steps'][number];

/** Route-step errors by path ('rules.0.steps.1.memberIds') the shared schema cannot express. */
function stepErrors(value: ApprovalRulesValue): Record<string, string> {
  const out: Record<string, string> = {};
  // A step must name who decides it; the schema allows empty lists (a 'manager' step resolves its own).
  value.rules.forEach((rule, r) =>
    rule.steps.forEach((step, s) => {
      if (step.approverKind === 'members' && step.memberIds.length === 0)
        out[`rules.${r}.steps.${s}.memberIds`] ??= 'approvalRules.membersRequired';
      if (step.approverKind === 'role' && !step.role)
        out[`rules.${r}.steps.${s}.role`] ??= 'approvalRules.roleRequired';
    }),
  );
  return out;
}

function newRuleId(rules: readonly Rule[]): string {
  for (let n = rules.length + 1; ; n++)
    if (!rules.some((r) => r.id === `rule-${n}`)) return `rule-${n}`;
}

const managerStep: RouteStep = { approverKind: 'manager', role: '', memberIds: [] };

/**
 * Approval rules (issue 20): discount thresholds per role, the contract threshold, and per kind the rules that
 * route a request by amount in one or two steps (shared/rules/approval-routing.ts; the server routes by the
 * same setting). Admins edit, everyone else reads.
 */
export function ApprovalRulesCard() {
  const { t } = useTranslation();
  const { session } = useWorkspace();
  const viewer = useFieldViewer();
  const canEdit = session.mode === 'local' || viewer?.role === 'admin';
  const saved = useApprovalRulesQuery();
  const save = useSaveApprovalRulesMutation();
  const userOptions = useUserOptions();
  const roleOptions = useMemo(
    () => MEMBER_ROLES.map((role) => ({ value: role, label: t(`lists.memberRole.${role}`) })),
    [t],
  );
  const kindOptions = useMemo(
    () => APPROVAL_KINDS.map((kind) => ({ value: kind, label: t(`lists.approvalKind.${kind}`) })),
    [t],
  );
  const {
    draft,
    change: update,
    errors,
    errorAt,
    tried,
    handleSave,
  } = useSettingDraft({
    schema: approvalRulesValueSchema,
    fallback: DEFAULT_APPROVAL_RULES,
    saved: saved.data,
    save,
    moreErrors: stepErrors,
  });
  const change = (patch: Partial<ApprovalRulesValue>) =>
    update((current) => ({ ...current, ...patch }));
  const changeRule = (index: number, patch: Partial<Rule>) =>
    change({ rules: draft.rules.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  const changeStep = (index: number, stepIndex: number, patch: Partial<RouteStep>) =>
    changeRule(index, {
      steps: draft.rules[index].steps.map((s, i) => (i === stepIndex ? { ...s, ...patch } : s)),
    });
  const num = (v: string | number) => (typeof v === 'number' ? v : Number.NaN);

  return (
    <Card withBorder data-testid="approval-rules-card">
      <Title order={4} mb={4}>
        {t('approvalRules.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('approvalRules.description')}
      </Text>
      {!canEdit && (
        <Alert color="gray" mb="sm">
          {t('approvalRules.adminOnly')}
        </Alert>
      )}
      <Stack gap="sm">
        <Fieldset legend={t('approvalRules.thresholds')}>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {(['rep', 'manager', 'admin', 'viewer'] as const).map((role) => (
              <NumberInput
                key={role}
                label={t(`lists.memberRole.${role}`)}
                value={draft.discountThresholds[role]}
                min={0}
                max={100}
                decimalScale={2}
                suffix="%"
                disabled={!canEdit}
                onChange={(v) =>
                  change({ discountThresholds: { ...draft.discountThresholds, [role]: num(v) } })
                }
                error={errorAt(`discountThresholds.${role}`)}
                data-testid={`approval-threshold-${role}`}
              />
            ))}
          </SimpleGrid>
        </Fieldset>
        <NumberInput
          label={t('approvalRules.contractThreshold')}
          value={draft.contractThreshold}
          min={0}
          thousandSeparator=","
          disabled={!canEdit}
          onChange={(v) => change({ contractThreshold: num(v) })}
          error={errorAt('contractThreshold')}
          data-testid="approval-contract-threshold"
        />
        <Text fw={600}>{t('approvalRules.rules')}</Text>
        {draft.rules.map((rule, index) => (
          <Fieldset
            key={rule.id}
            legend={t('approvalRules.ruleLegend', { n: index + 1 })}
            data-testid={`approval-rule-${index}`}
          >
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('approvalRules.kind')}
                  data={kindOptions}
                  value={rule.kind}
                  allowDeselect={false}
                  disabled={!canEdit}
                  onChange={(kind) => kind && changeRule(index, { kind: kind })}
                  data-testid={`approval-rule-${index}-kind`}
                />
                <NumberInput
                  label={t('approvalRules.minAmount')}
                  value={rule.minAmount}
                  min={0}
                  thousandSeparator=","
                  disabled={!canEdit}
                  onChange={(v) => changeRule(index, { minAmount: num(v) })}
                  error={errorAt(`rules.${index}.minAmount`)}
                  data-testid={`approval-rule-${index}-min`}
                />
              </SimpleGrid>
              {rule.steps.map((step, s) => (
                <Group key={s} align="flex-end" wrap="wrap">
                  <Text size="sm" w={60}>
                    {t('approvalRules.step', { n: s + 1 })}
                  </Text>
                  <SegmentedControl
                    aria-label={t('approvalRules.approverKind')}
                    value={step.approverKind}
                    disabled={!canEdit}
                    data={(['manager', 'role', 'members'] as const).map((kind) => ({
                      value: kind,
                      label: t(`approvals.approver.${kind}`, { role: t('approvalRules.role') }),
                    }))}
                    onChange={(kind) =>
                      changeStep(index, s, {
                        approverKind: kind,
                        role: '',
                        memberIds: [],
                      })
                    }
                    data-testid={`approval-rule-${index}-step-${s}-kind`}
                  />
                  {step.approverKind === 'role' && (
                    <Select
                      label={t('approvalRules.role')}
                      data={roleOptions}
                      value={step.role || null}
                      disabled={!canEdit}
                      onChange={(role) => changeStep(index, s, { role: role ?? '' })}
                      error={errorAt(`rules.${index}.steps.${s}.role`)}
                      data-testid={`approval-rule-${index}-step-${s}-role`}
                    />
                  )}
                  {step.approverKind === 'members' && (
                    <MultiSelect
                      label={t('approvalRules.members')}
                      data={userOptions}
                      value={step.memberIds}
                      searchable
                      disabled={!canEdit}
                      onChange={(memberIds) => changeStep(index, s, { memberIds })}
                      error={errorAt(`rules.${index}.steps.${s}.memberIds`)}
                      data-testid={`approval-rule-${index}-step-${s}-members`}
                    />
                  )}
                  {canEdit && s === 1 && (
                    <Button
                      variant="subtle"
                      size="xs"
                      color="red"
                      onClick={() => changeRule(index, { steps: rule.steps.slice(0, 1) })}
                    >
                      {t('approvalRules.removeStep')}
                    </Button>
                  )}
                </Group>
              ))}
              {canEdit && (
                <Group gap="xs">
                  {rule.steps.length < 2 && (
                    <Button
                      variant="light"
                      size="xs"
                      onClick={() => changeRule(index, { steps: [...rule.steps, managerStep] })}
                      data-testid={`approval-rule-${index}-add-step`}
                    >
                      {t('approvalRules.addStep')}
                    </Button>
                  )}
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() => change({ rules: draft.rules.filter((_, i) => i !== index) })}
                  >
                    {t('approvalRules.removeRule')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Fieldset>
        ))}
        {canEdit && (
          <Group>
            <Button
              variant="light"
              onClick={() =>
                change({
                  rules: [
                    ...draft.rules,
                    {
                      id: newRuleId(draft.rules),
                      kind: 'expense',
                      minAmount: 0,
                      steps: [managerStep],
                    },
                  ],
                })
              }
              data-testid="approval-add-rule"
            >
              {t('approvalRules.addRule')}
            </Button>
          </Group>
        )}
      </Stack>
      {tried && Object.keys(errors).length > 0 && (
        <Alert color="red" mt="sm" role="alert" data-testid="approval-rules-invalid">
          {t('approvalRules.invalid')}
        </Alert>
      )}
      {canEdit && (
        <Group mt="sm">
          <Button onClick={handleSave} loading={save.isPending} data-testid="approval-rules-save">
            {t('approvalRules.save')}
          </Button>
        </Group>
      )}
      {save.isSuccess && (
        <Alert color="green" mt="sm" data-testid="approval-rules-saved">
          {t('approvalRules.saved')}
        </Alert>
      )}
    </Card>
  );
}
