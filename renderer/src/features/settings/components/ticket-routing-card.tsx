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
  Switch,
  TagsInput,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSettingDraft } from './use-setting-draft';
import {
  DEFAULT_TICKET_ROUTING,
  TICKET_LANGUAGES,
  TICKET_TYPES,
  ticketRoutingValueSchema,
  type TicketRoutingAgent,
  type TicketRoutingValue,
} from '@shared/domain';
import { useWorkspace, useRepositories } from '../../../hooks/use-workspace';
import { useFieldViewer } from '../../../entities/settings/field-policy';
import { memberKeys, useUserOptions } from '../../../entities/members/queries';
import {
  useSaveTicketRoutingMutation,
  useTicketRoutingQuery,
} from '../../../entities/settings/ticket-routing';

/**
 * Skill-based ticket routing (issue 21): agents with their skills and capacity, and the fallback queue. The server
 * routes every new unassigned ticket once by it (shared/rules/ticket-routing.ts; sync/server/records/
 * ticket-routing.ts). Admins edit, everyone else reads.
 */
export function TicketRoutingCard() {
  const { t } = useTranslation();
  const { session } = useWorkspace();
  const repos = useRepositories();
  const viewer = useFieldViewer();
  const canEdit = session.mode === 'local' || viewer?.role === 'admin';
  const saved = useTicketRoutingQuery();
  const save = useSaveTicketRoutingMutation();
  const userOptions = useUserOptions();
  const teams = useQuery({ queryKey: memberKeys.teams(), queryFn: () => repos.members.teams() });
  const teamOptions = useMemo(
    () => (teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
    [teams.data],
  );
  const typeOptions = useMemo(
    () => TICKET_TYPES.map((v) => ({ value: v, label: t(`lists.ticketType.${v}`) })),
    [t],
  );
  const languageOptions = useMemo(
    () => TICKET_LANGUAGES.map((v) => ({ value: v, label: t(`tickets.language.${v}`) })),
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
    schema: ticketRoutingValueSchema,
    fallback: DEFAULT_TICKET_ROUTING,
    saved: saved.data,
    save,
  });
  const change = (patch: Partial<TicketRoutingValue>) =>
    update((current) => ({ ...current, ...patch }));
  const changeAgent = (index: number, patch: Partial<TicketRoutingAgent>) =>
    change({ agents: draft.agents.map((a, i) => (i === index ? { ...a, ...patch } : a)) });

  const fallback = draft.fallback;

  return (
    <Card withBorder data-testid="ticket-routing-card">
      <Title order={4} mb={4}>
        {t('ticketRouting.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('ticketRouting.description')}
      </Text>
      {!canEdit && (
        <Alert color="gray" mb="sm">
          {t('ticketRouting.adminOnly')}
        </Alert>
      )}
      <Stack gap="sm">
        <Switch
          label={t('ticketRouting.enabled')}
          checked={draft.enabled}
          disabled={!canEdit}
          onChange={(e) => change({ enabled: e.currentTarget.checked })}
          data-testid="ticket-routing-enabled"
        />
        {draft.agents.map((agent, index) => (
          <Fieldset
            key={index}
            legend={t('ticketRouting.agentLegend', { n: index + 1 })}
            data-testid={`ticket-routing-agent-${index}`}
          >
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('ticketRouting.agent')}
                  data={userOptions}
                  value={agent.memberId || null}
                  disabled={!canEdit}
                  searchable
                  onChange={(memberId) => changeAgent(index, { memberId: memberId ?? '' })}
                  error={errorAt(`agents.${index}.memberId`) ?? errorAt('agents')}
                  data-testid={`ticket-routing-agent-${index}-member`}
                />
                <NumberInput
                  label={t('ticketRouting.capacity')}
                  description={t('ticketRouting.capacityHint')}
                  value={agent.capacity}
                  disabled={!canEdit}
                  allowDecimal={false}
                  min={0}
                  onChange={(v) =>
                    changeAgent(index, { capacity: typeof v === 'number' ? v : Number.NaN })
                  }
                  error={errorAt(`agents.${index}.capacity`)}
                  data-testid={`ticket-routing-agent-${index}-capacity`}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <MultiSelect
                  label={t('ticketRouting.types')}
                  placeholder={t('ticketRouting.any')}
                  data={typeOptions}
                  value={agent.types}
                  disabled={!canEdit}
                  onChange={(types) => changeAgent(index, { types: types })}
                  data-testid={`ticket-routing-agent-${index}-types`}
                />
                <TagsInput
                  label={t('ticketRouting.products')}
                  placeholder={t('ticketRouting.productsHint')}
                  value={agent.products}
                  disabled={!canEdit}
                  onChange={(products) => changeAgent(index, { products })}
                  error={errorAt(`agents.${index}.products`)}
                  data-testid={`ticket-routing-agent-${index}-products`}
                />
                <MultiSelect
                  label={t('ticketRouting.languages')}
                  placeholder={t('ticketRouting.any')}
                  data={languageOptions}
                  value={agent.languages}
                  disabled={!canEdit}
                  onChange={(languages) =>
                    changeAgent(index, {
                      languages: languages,
                    })
                  }
                  data-testid={`ticket-routing-agent-${index}-languages`}
                />
              </SimpleGrid>
              {canEdit && (
                <Group>
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() => change({ agents: draft.agents.filter((_, i) => i !== index) })}
                  >
                    {t('ticketRouting.removeAgent')}
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
                  agents: [
                    ...draft.agents,
                    { memberId: '', types: [], products: [], languages: [], capacity: 0 },
                  ],
                })
              }
              data-testid="ticket-routing-add-agent"
            >
              {t('ticketRouting.addAgent')}
            </Button>
          </Group>
        )}
        <Fieldset legend={t('ticketRouting.fallback')}>
          <Stack gap="xs">
            <Text size="xs" c="dimmed">
              {t('ticketRouting.fallbackHint')}
            </Text>
            <SegmentedControl
              aria-label={t('ticketRouting.fallback')}
              value={fallback.kind}
              disabled={!canEdit}
              data={[
                { value: 'none', label: t('ticketRouting.fallbackNone') },
                { value: 'member', label: t('ticketRouting.fallbackMember') },
                { value: 'teamManager', label: t('ticketRouting.fallbackTeamManager') },
              ]}
              onChange={(kind) =>
                change({
                  fallback:
                    kind === 'member'
                      ? { kind: 'member', memberId: '' }
                      : kind === 'teamManager'
                        ? { kind: 'teamManager', teamId: '' }
                        : { kind: 'none' },
                })
              }
              data-testid="ticket-routing-fallback-kind"
            />
            {fallback.kind === 'member' && (
              <Select
                label={t('ticketRouting.fallbackMemberLabel')}
                data={userOptions}
                value={fallback.memberId || null}
                disabled={!canEdit}
                searchable
                onChange={(memberId) =>
                  change({ fallback: { kind: 'member', memberId: memberId ?? '' } })
                }
                error={errorAt('fallback.memberId')}
                data-testid="ticket-routing-fallback-member"
              />
            )}
            {fallback.kind === 'teamManager' && (
              <Select
                label={t('ticketRouting.fallbackTeamLabel')}
                data={teamOptions}
                value={fallback.teamId || null}
                disabled={!canEdit}
                onChange={(teamId) =>
                  change({ fallback: { kind: 'teamManager', teamId: teamId ?? '' } })
                }
                error={errorAt('fallback.teamId')}
                data-testid="ticket-routing-fallback-team"
              />
            )}
          </Stack>
        </Fieldset>
      </Stack>
      {tried && Object.keys(errors).length > 0 && (
        <Alert color="red" mt="sm" role="alert" data-testid="ticket-routing-invalid">
          {t('ticketRouting.invalid')}
        </Alert>
      )}
      {canEdit && (
        <Group mt="sm">
          <Button onClick={handleSave} loading={save.isPending} data-testid="ticket-routing-save">
            {t('ticketRouting.save')}
          </Button>
        </Group>
      )}
      {save.isSuccess && (
        <Alert color="green" mt="sm" data-testid="ticket-routing-saved">
          {t('ticketRouting.saved')}
        </Alert>
      )}
    </Card>
  );
}
