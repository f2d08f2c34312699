import { Badge, Card, Group, MultiSelect, Select, Switch, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MEMBER_ROLES } from '@shared/domain';
import type { MemberRole } from '@shared/domain';
import { useWorkspace } from '../../../hooks/use-workspace';
import { notifySaved } from '../../../components/write-errors';
import { useUpdateUserMutation } from '../mutations';
import { reportApiError } from '../report-api-error';
import type { TeamRow, UserRow } from '../schemas';
import { buildTeamTree, flattenTeamTree } from '../team-tree';

const isRole = (value: string | null): value is MemberRole =>
  (MEMBER_ROLES as readonly string[]).includes(value ?? '');

/**
 * The workspace's people. Admins change roles (a viewer reads and changes nothing), teams, the teams shared
 * with a person read-only, and whether an account is active; nobody can demote
 * or deactivate themselves here (a workspace must keep an admin who can sign in).
 */
export function UsersCard({
  users,
  teams,
  isAdmin,
}: {
  users: UserRow[];
  teams: TeamRow[];
  isAdmin: boolean;
}) {
  const { t } = useTranslation();
  const { session } = useWorkspace();
  const update = useUpdateUserMutation();
  const teamOptions = flattenTeamTree(buildTeamTree(teams)).map(({ team }) => ({
    value: team.id,
    label: team.name,
  }));
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  const roleOptions = MEMBER_ROLES.map((role) => ({
    value: role,
    label: t(`lists.memberRole.${role}`),
  }));

  const save = (
    id: string,
    patch: { role?: MemberRole; teamIds?: string[]; readOnlyTeamIds?: string[]; active?: boolean },
  ) =>
    update.mutate(
      { id, patch },
      { onSuccess: () => notifySaved(t), onError: (error) => reportApiError(error, t) },
    );

  return (
    <Card withBorder data-testid="team-users">
      <Title order={4} mb="sm">
        {t('teamAdmin.users.title')}
      </Title>
      <Table.ScrollContainer minWidth={700}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('teamAdmin.users.name')}</Table.Th>
              <Table.Th>{t('teamAdmin.users.email')}</Table.Th>
              <Table.Th>{t('teamAdmin.users.role')}</Table.Th>
              <Table.Th>{t('teamAdmin.users.teams')}</Table.Th>
              <Table.Th>{t('teamAdmin.users.readOnlyTeams')}</Table.Th>
              <Table.Th>{t('teamAdmin.users.active')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => {
              const self = user.id === session.userId;
              return (
                <Table.Tr key={user.id} data-testid="user-row" data-user-id={user.id}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm">{user.name}</Text>
                      {self && (
                        <Badge size="xs" variant="light">
                          {t('teamAdmin.users.you')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{user.email}</Text>
                  </Table.Td>
                  <Table.Td>
                    {isAdmin && !self ? (
                      <Select
                        size="xs"
                        w={130}
                        data={roleOptions}
                        value={user.role}
                        allowDeselect={false}
                        onChange={(role) =>
                          isRole(role) && role !== user.role && save(user.id, { role })
                        }
                        aria-label={t('teamAdmin.users.role')}
                        data-testid="user-role"
                      />
                    ) : (
                      <Badge variant="light">
                        {t(`lists.memberRole.${user.role}`, { defaultValue: user.role })}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {isAdmin ? (
                      <MultiSelect
                        size="xs"
                        miw={200}
                        data={teamOptions}
                        value={user.team_ids}
                        onChange={(teamIds) => save(user.id, { teamIds })}
                        aria-label={t('teamAdmin.users.teams')}
                        data-testid="user-teams"
                      />
                    ) : (
                      <Text size="sm">
                        {user.team_ids
                          .map((id) => teamName.get(id) ?? id)
                          .join(t('inbox.separator')) || '—'}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {isAdmin ? (
                      <MultiSelect
                        size="xs"
                        miw={200}
                        data={teamOptions}
                        value={user.read_only_team_ids}
                        onChange={(readOnlyTeamIds) => save(user.id, { readOnlyTeamIds })}
                        aria-label={t('teamAdmin.users.readOnlyTeams')}
                        data-testid="user-read-only-teams"
                      />
                    ) : (
                      <Text size="sm">
                        {user.read_only_team_ids
                          .map((id) => teamName.get(id) ?? id)
                          .join(t('inbox.separator')) || '—'}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      checked={user.active}
                      disabled={!isAdmin || self}
                      onChange={(event) => save(user.id, { active: event.currentTarget.checked })}
                      aria-label={t('teamAdmin.users.active')}
                      data-testid="user-active"
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
