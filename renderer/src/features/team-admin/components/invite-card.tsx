import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconCheck, IconCopy, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MEMBER_ROLES, type MemberRole } from '@shared/domain';
import { formatDateTime } from '../../../components/format';
import { useCreateInviteMutation } from '../mutations';
import { reportApiError } from '../report-api-error';
import type { InviteResponse, TeamRow } from '../schemas';
import { buildTeamTree, flattenTeamTree } from '../team-tree';

/** Invites a colleague: pick a role and a team, hand over the one-time code (valid until it expires). */
export function InviteCard({ teams }: { teams: TeamRow[] }) {
  const { t } = useTranslation();
  const create = useCreateInviteMutation();
  const [role, setRole] = useState<MemberRole>('rep');
  const [teamId, setTeamId] = useState<string | null>(null);
  const [invite, setInvite] = useState<InviteResponse | null>(null);
  const teamOptions = flattenTeamTree(buildTeamTree(teams)).map(({ team, depth }) => ({
    value: team.id,
    label: `${'— '.repeat(depth)}${team.name}`,
  }));

  const handleCreate = () =>
    create.mutate(
      { role, teamId: teamId ?? '' },
      { onSuccess: setInvite, onError: (error) => reportApiError(error, t) },
    );

  return (
    <Card withBorder h="100%" data-testid="team-invite">
      <Title order={4} mb="sm">
        {t('teamAdmin.invite.title')}
      </Title>
      <Stack gap="sm">
        <Group grow align="flex-end">
          <Select
            label={t('teamAdmin.invite.role')}
            data={MEMBER_ROLES.map((value) => ({ value, label: t(`lists.memberRole.${value}`) }))}
            value={role}
            allowDeselect={false}
            onChange={(value) => value && setRole(value)}
            data-testid="invite-role"
          />
          <Select
            label={t('teamAdmin.invite.team')}
            placeholder={t('teamAdmin.invite.defaultTeam')}
            data={teamOptions}
            value={teamId}
            onChange={setTeamId}
            clearable
            data-testid="invite-team"
          />
        </Group>
        <Group>
          <Button
            leftSection={<IconUserPlus size={16} />}
            onClick={handleCreate}
            loading={create.isPending}
            data-testid="invite-create"
          >
            {t('teamAdmin.invite.create')}
          </Button>
        </Group>
        {invite && (
          <Alert color="green" data-testid="invite-result">
            <Stack gap={6}>
              <Text size="sm">{t('teamAdmin.invite.share')}</Text>
              <Group gap="xs">
                <Code fz="lg" data-testid="invite-code">
                  {invite.code}
                </Code>
                <CopyButton value={invite.code}>
                  {({ copied, copy }) => (
                    <Button
                      size="xs"
                      variant="light"
                      color={copied ? 'teal' : undefined}
                      leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                      onClick={copy}
                      data-testid="invite-copy"
                    >
                      {copied ? t('teamAdmin.invite.copied') : t('teamAdmin.invite.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
              <Text size="xs" c="dimmed" data-testid="invite-expires">
                {t('teamAdmin.invite.expires', { date: formatDateTime(invite.expiresAt) })}
              </Text>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
