import { useMemo } from 'react';
import {
  ActionIcon,
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
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSettingDraft } from './use-setting-draft';
import {
  DEFAULT_LEAD_ASSIGNMENT,
  INDUSTRY_SECTIONS,
  REGIONS,
  leadAssignmentValueSchema,
  type LeadAssignmentRule,
  type LeadAssignmentValue,
} from '@shared/domain';
import { useListOptions } from '../../../components/list-options';
import { useWorkspace, useRepositories } from '../../../hooks/use-workspace';
import { useFieldViewer } from '../../../entities/settings/field-policy';
import { memberKeys, useUserOptions } from '../../../entities/members/queries';
import {
  useLeadAssignmentQuery,
  useSaveLeadAssignmentMutation,
} from '../../../entities/settings/lead-assignment';

/** A rule id no other rule of the list has (the server keeps the round-robin cursor under it). */
function newRuleId(rules: readonly LeadAssignmentRule[]): string {
  for (let n = rules.length + 1; ; n++)
    if (!rules.some((r) => r.id === `rule-${n}`)) return `rule-${n}`;
}

/**
 * Lead assignment rules (issue 19): the server gives every new unowned lead an owner by these rules, once
 * (shared/rules/lead-assignment.ts; sync/server/records/lead-assignment.ts). Validated by the schema the server
 * holds the setting to; admins edit, everyone else reads.
 */
export function LeadAssignmentCard() {
  const { t } = useTranslation();
  const { session } = useWorkspace();
  const repos = useRepositories();
  const viewer = useFieldViewer();
  const canEdit = session.mode === 'local' || viewer?.role === 'admin';
  const saved = useLeadAssignmentQuery();
  const save = useSaveLeadAssignmentMutation();
  const userOptions = useUserOptions();
  const teams = useQuery({ queryKey: memberKeys.teams(), queryFn: () => repos.members.teams() });
  const teamOptions = useMemo(
    () => (teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
    [teams.data],
  );
  const regionOptions = useListOptions('region', REGIONS);
  const industryOptions = useMemo(
    () =>
      INDUSTRY_SECTIONS.map((code) => ({ value: code, label: `${code} ${t(`industry.${code}`)}` })),
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
    schema: leadAssignmentValueSchema,
    fallback: DEFAULT_LEAD_ASSIGNMENT,
    saved: saved.data,
    save,
  });
  const change = (patch: Partial<LeadAssignmentValue>) =>
    update((current) => ({ ...current, ...patch }));
  const changeRule = (index: number, patch: Partial<LeadAssignmentRule>) =>
    change({ rules: draft.rules.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  const moveRule = (index: number, by: -1 | 1) => {
    const rules = [...draft.rules];
    const [rule] = rules.splice(index, 1);
    rules.splice(index + by, 0, rule);
    change({ rules });
  };

  return (
    <Card withBorder data-testid="lead-assignment-card">
      <Title order={4} mb={4}>
        {t('leadAssignment.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('leadAssignment.description')}
      </Text>
      {!canEdit && (
        <Alert color="gray" mb="sm">
          {t('leadAssignment.adminOnly')}
        </Alert>
      )}
      <Stack gap="sm">
        <Switch
          label={t('leadAssignment.enabled')}
          checked={draft.enabled}
          disabled={!canEdit}
          onChange={(e) => change({ enabled: e.currentTarget.checked })}
          data-testid="lead-assignment-enabled"
        />
        {draft.rules.map((rule, index) => (
          <Fieldset
            key={rule.id}
            legend={t('leadAssignment.ruleLegend', { n: index + 1 })}
            data-testid={`lead-assignment-rule-${index}`}
          >
            <Stack gap="xs">
              <TextInput
                label={t('leadAssignment.ruleName')}
                value={rule.name}
                disabled={!canEdit}
                onChange={(e) => changeRule(index, { name: e.currentTarget.value })}
                error={errorAt(`rules.${index}.name`)}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <MultiSelect
                  label={t('leadAssignment.regions')}
                  placeholder={t('leadAssignment.any')}
                  data={regionOptions}
                  value={rule.regions}
                  disabled={!canEdit}
                  searchable
                  onChange={(regions) =>
                    changeRule(index, { regions: regions as LeadAssignmentRule['regions'] })
                  }
                  data-testid={`lead-assignment-rule-${index}-regions`}
                />
                <MultiSelect
                  label={t('leadAssignment.industries')}
                  placeholder={t('leadAssignment.any')}
                  data={industryOptions}
                  value={rule.industries}
                  disabled={!canEdit}
                  searchable
                  onChange={(industries) => changeRule(index, { industries })}
                  data-testid={`lead-assignment-rule-${index}-industries`}
                />
              </SimpleGrid>
              <Group align="flex-end" wrap="wrap">
                <SegmentedControl
                  aria-label={t('leadAssignment.targetKind')}
                  value={rule.target.kind}
                  disabled={!canEdit}
                  data={[
                    { value: 'team', label: t('leadAssignment.roundRobin') },
                    { value: 'member', label: t('leadAssignment.member') },
                  ]}
                  onChange={(kind) =>
                    changeRule(index, {
                      target:
                        kind === 'team'
                          ? { kind: 'team', teamId: '' }
                          : { kind: 'member', memberId: '' },
                    })
                  }
                  data-testid={`lead-assignment-rule-${index}-kind`}
                />
                {rule.target.kind === 'team' ? (
                  <Select
                    label={t('leadAssignment.team')}
                    data={teamOptions}
                    value={rule.target.teamId || null}
                    disabled={!canEdit}
                    onChange={(teamId) =>
                      changeRule(index, { target: { kind: 'team', teamId: teamId ?? '' } })
                    }
                    error={errorAt(`rules.${index}.target.teamId`)}
                    data-testid={`lead-assignment-rule-${index}-team`}
                  />
                ) : (
                  <Select
                    label={t('leadAssignment.memberLabel')}
                    data={userOptions}
                    value={rule.target.memberId || null}
                    disabled={!canEdit}
                    searchable
                    onChange={(memberId) =>
                      changeRule(index, { target: { kind: 'member', memberId: memberId ?? '' } })
                    }
                    error={errorAt(`rules.${index}.target.memberId`)}
                    data-testid={`lead-assignment-rule-${index}-member`}
                  />
                )}
              </Group>
              {canEdit && (
                <Group gap="xs">
                  <ActionIcon
                    variant="default"
                    disabled={index === 0}
                    onClick={() => moveRule(index, -1)}
                    aria-label={t('leadAssignment.moveUp')}
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    disabled={index === draft.rules.length - 1}
                    onClick={() => moveRule(index, 1)}
                    aria-label={t('leadAssignment.moveDown')}
                  >
                    ↓
                  </ActionIcon>
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() => change({ rules: draft.rules.filter((_, i) => i !== index) })}
                  >
                    {t('leadAssignment.removeRule')}
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
                      name: '',
                      regions: [],
                      industries: [],
                      target: { kind: 'team', teamId: '' },
                    },
                  ],
                })
              }
              data-testid="lead-assignment-add-rule"
            >
              {t('leadAssignment.addRule')}
            </Button>
          </Group>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('leadAssignment.capacity')}
            description={t('leadAssignment.capacityHint')}
            value={draft.capacity}
            disabled={!canEdit}
            allowDecimal={false}
            min={0}
            onChange={(v) => change({ capacity: typeof v === 'number' ? v : Number.NaN })}
            error={errorAt('capacity')}
            data-testid="lead-assignment-capacity"
          />
          <Select
            label={t('leadAssignment.fallback')}
            description={t('leadAssignment.fallbackHint')}
            data={userOptions}
            value={draft.fallbackOwnerId || null}
            disabled={!canEdit}
            clearable
            searchable
            onChange={(id) => change({ fallbackOwnerId: id ?? '' })}
            data-testid="lead-assignment-fallback"
          />
        </SimpleGrid>
      </Stack>
      {tried && Object.keys(errors).length > 0 && (
        <Alert color="red" mt="sm" role="alert" data-testid="lead-assignment-invalid">
          {t('leadAssignment.invalid')}
        </Alert>
      )}
      {canEdit && (
        <Group mt="sm">
          <Button onClick={handleSave} loading={save.isPending} data-testid="lead-assignment-save">
            {t('leadAssignment.save')}
          </Button>
        </Group>
      )}
      {save.isSuccess && (
        <Alert color="green" mt="sm" data-testid="lead-assignment-saved">
          {t('leadAssignment.saved')}
        </Alert>
      )}
    </Card>
  );
}
