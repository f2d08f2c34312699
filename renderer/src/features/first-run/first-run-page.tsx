import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Center,
  Container,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCloud, IconDeviceLaptop } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../data/session';
import { localSession } from '../../data/workspace';
import { HeaderControls } from '../../components/header-controls';
import { markFirstContent } from '../../platform/startup';
import { ConnectTeamForm } from './connect-team-form';

/** Set once a local workspace exists on this computer (offered for upload when connecting to a team). */
export const LOCAL_WORKSPACE_FLAG = 'crm.hasLocalWorkspace';

/**
 * First run: work locally (a local workspace, no server) or connect to a team server. The team option is
 * a stub until team sync lands; a local workspace can be uploaded then.
 */
export function FirstRunPage({
  onStart,
  notice,
}: {
  onStart: (session: Session, options: { uploadLocal: boolean }) => void;
  notice?: string | null;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [workspaceName, setWorkspaceName] = useState('');
  const hasLocalWorkspace = localStorage.getItem(LOCAL_WORKSPACE_FLAG) === 'yes';
  // This screen has its content on mount: controls deferred past the first screen (components/after-first-content.tsx) mount.
  useEffect(markFirstContent, []);

  return (
    <Container size="md" py="xl">
      <Center mb="md">
        <HeaderControls />
      </Center>
      {notice && (
        <Alert color="orange" mb="md" data-testid="first-run-notice">
          {notice}
        </Alert>
      )}
      <Stack align="center" mb="xl">
        <Title order={1}>{t('firstRun.title')}</Title>
        <Text c="dimmed" ta="center">
          {t('firstRun.subtitle')}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder padding="lg">
          <Stack>
            <IconDeviceLaptop size={32} />
            <Title order={3}>{t('firstRun.local.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('firstRun.local.description')}
            </Text>
            <TextInput
              label={t('firstRun.yourName')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              data-testid="first-run-name"
            />
            <TextInput
              label={t('firstRun.workspaceName')}
              placeholder={t('firstRun.defaultWorkspace')}
              value={workspaceName}
              onChange={(e) => setWorkspaceName(e.currentTarget.value)}
            />
            <Button
              onClick={() => {
                localStorage.setItem(LOCAL_WORKSPACE_FLAG, 'yes');
                onStart(
                  localSession(
                    name.trim() || 'Me',
                    workspaceName.trim() || t('firstRun.defaultWorkspace'),
                  ),
                  { uploadLocal: false },
                );
              }}
              data-testid="start-local"
            >
              {t('firstRun.local.action')}
            </Button>
          </Stack>
        </Card>
        <Card withBorder padding="lg">
          <Stack>
            <IconCloud size={32} />
            <Title order={3}>{t('firstRun.team.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('firstRun.team.description')}
            </Text>
            <ConnectTeamForm
              hasLocalWorkspace={hasLocalWorkspace}
              onConnected={({ session, uploadLocal }) => onStart(session, { uploadLocal })}
            />
          </Stack>
        </Card>
      </SimpleGrid>
    </Container>
  );
}
