import { Box, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TeamRow, UserRow } from '../schemas';
import { buildTeamTree, type TeamTreeNode } from '../team-tree';
import { NewTeamModal } from './new-team-modal';

/** Teams as the tree that decides who sees what, with how many people each has. */
export function TeamsCard({
  teams,
  users,
  isAdmin,
}: {
  teams: TeamRow[];
  users: UserRow[];
  isAdmin: boolean;
}) {
  const { t } = useTranslation();
  const [opened, modal] = useDisclosure(false);
  const tree = buildTeamTree(teams);
  const memberCount = (teamId: string) => users.filter((u) => u.team_ids.includes(teamId)).length;

  const renderNodes = (nodes: TeamTreeNode[]) =>
    nodes.map((node) => (
      <Box
        key={node.team.id}
        pl={node.depth === 0 ? 0 : 'lg'}
        style={
          node.depth > 0
            ? { borderLeft: '1px solid var(--mantine-color-default-border)' }
            : undefined
        }
      >
        <Group gap="xs" py={4} data-testid="team-node" data-team-id={node.team.id}>
          <IconUsersGroup size={16} />
          <Text size="sm" fw={node.depth === 0 ? 600 : 400}>
            {node.team.name}
          </Text>
          <Text size="xs" c="dimmed">
            {t('teamAdmin.teams.members', { count: memberCount(node.team.id) })}
          </Text>
        </Group>
        {node.children.length > 0 && <Stack gap={0}>{renderNodes(node.children)}</Stack>}
      </Box>
    ));

  return (
    <Card withBorder h="100%" data-testid="team-tree">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('teamAdmin.teams.title')}</Title>
        {isAdmin && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={modal.open}
            data-testid="team-create"
          >
            {t('teamAdmin.teams.new')}
          </Button>
        )}
      </Group>
      {tree.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('teamAdmin.teams.empty')}
        </Text>
      ) : (
        <Stack gap={0}>{renderNodes(tree)}</Stack>
      )}
      {isAdmin && <NewTeamModal opened={opened} onClose={modal.close} teams={teams} />}
    </Card>
  );
}
