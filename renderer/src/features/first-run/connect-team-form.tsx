import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  PasswordInput,
  SegmentedControl,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { SessionResponse } from '@shared/sync';
import type { Session } from '../../data/session';
import { ApiCallError, authClient, normalizeServerUrl } from '../../data/team/auth-client';
import { TeamSync } from '../../data/team/team-sync';
import { errorMessage } from '../../components/error-messages';
import { logError } from '../../platform/log';

type Mode = 'signIn' | 'join' | 'create';

interface Values {
  serverUrl: string;
  email: string;
  password: string;
  name: string;
  inviteCode: string;
  workspaceName: string;
  uploadLocal: boolean;
}

export interface ConnectResult {
  session: Session;
  uploadLocal: boolean;
}

/** Connect to a team server: sign in, join with an invite code, or create the team's workspace. */
export function ConnectTeamForm({
  onConnected,
  hasLocalWorkspace,
}: {
  onConnected: (result: ConnectResult) => void;
  hasLocalWorkspace: boolean;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('signIn');
  const [error, setError] = useState<string | null>(null);
  /** The server refused to create a workspace for anyone but its admins: offer the way in that remains. */
  const [creationClosed, setCreationClosed] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useForm<Values>({
    initialValues: {
      serverUrl: '',
      email: '',
      password: '',
      name: '',
      inviteCode: '',
      workspaceName: '',
      uploadLocal: false,
    },
    validate: {
      serverUrl: (v) => (v.trim() ? null : t('validation.required')),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('validation.email.format')),
      password: (v) =>
        v.length >= (mode === 'signIn' ? 1 : 8) ? null : t('connect.passwordTooShort'),
      name: (v) => (mode === 'signIn' || v.trim() ? null : t('validation.required')),
      inviteCode: (v) => (mode !== 'join' || v.trim() ? null : t('validation.required')),
      workspaceName: (v) => (mode !== 'create' || v.trim() ? null : t('validation.required')),
    },
  });

  const handleSubmit = async (values: Values) => {
    setError(null);
    setCreationClosed(false);
    setBusy(true);
    try {
      const serverUrl = normalizeServerUrl(values.serverUrl);
      const deviceName = navigator.userAgent.includes('Electron') ? 'Desktop' : 'Browser';
      const common = { email: values.email.trim(), password: values.password, deviceName };
      let response: SessionResponse;
      if (mode === 'signIn') response = await authClient.login(serverUrl, common);
      else if (mode === 'join')
        response = await authClient.join(serverUrl, {
          ...common,
          name: values.name.trim(),
          inviteCode: values.inviteCode.trim(),
        });
      else
        response = await authClient.createWorkspace(serverUrl, {
          ...common,
          name: values.name.trim(),
          workspaceName: values.workspaceName.trim(),
        });
      const session: Session = {
        mode: 'team',
        serverUrl,
        workspaceId: response.workspace.id,
        workspaceName: response.workspace.name,
        userId: response.user.id,
        userName: response.user.name,
        teamId: response.user.teamIds[0] ?? '',
        role: response.user.role,
        deviceId: response.deviceId,
        deviceName,
      };
      await TeamSync.saveSession(session, response);
      onConnected({ session, uploadLocal: values.uploadLocal });
    } catch (e) {
      logError('connect to team server', e);
      setCreationClosed(e instanceof ApiCallError && e.error.code === 'workspace_creation_closed');
      // Errors from this device (the vault) carry a connect.errors key as their message.
      setError(
        e instanceof Error && !(e instanceof ApiCallError)
          ? t(`connect.errors.${e.message}`, { defaultValue: errorMessage(e, t) })
          : errorMessage(e, t, 'connect'),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={form.onSubmit((v) => void handleSubmit(v))}
      noValidate
      data-testid="connect-form"
    >
      <Stack>
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v)}
          data={[
            { value: 'signIn', label: t('connect.signIn') },
            { value: 'join', label: t('connect.join') },
            { value: 'create', label: t('connect.create') },
          ]}
          data-testid="connect-mode"
        />
        <TextInput
          label={t('firstRun.serverUrl')}
          placeholder="https://crm.example.com"
          withAsterisk
          {...form.getInputProps('serverUrl')}
          data-testid="connect-server"
        />
        {mode === 'create' && (
          <TextInput
            label={t('connect.workspaceName')}
            withAsterisk
            {...form.getInputProps('workspaceName')}
            data-testid="connect-workspace"
          />
        )}
        {mode === 'join' && (
          <TextInput
            label={t('connect.inviteCode')}
            withAsterisk
            {...form.getInputProps('inviteCode')}
            data-testid="connect-invite"
          />
        )}
        {mode !== 'signIn' && (
          <TextInput
            label={t('firstRun.yourName')}
            withAsterisk
            {...form.getInputProps('name')}
            data-testid="connect-name"
          />
        )}
        <TextInput
          label={t('connect.email')}
          withAsterisk
          {...form.getInputProps('email')}
          data-testid="connect-email"
        />
        <PasswordInput
          label={t('connect.password')}
          withAsterisk
          {...form.getInputProps('password')}
          data-testid="connect-password"
        />
        {hasLocalWorkspace && (
          <Checkbox
            label={t('connect.uploadLocal')}
            {...form.getInputProps('uploadLocal', { type: 'checkbox' })}
            data-testid="connect-upload"
          />
        )}
        {error && (
          <Alert
            color="red"
            title={creationClosed ? t('connect.creationClosed') : undefined}
            data-testid="connect-error"
          >
            <Stack gap="xs" align="flex-start">
              {error}
              {creationClosed && (
                <Button
                  variant="light"
                  size="xs"
                  onClick={() => {
                    setError(null);
                    setCreationClosed(false);
                    setMode('join');
                  }}
                  data-testid="connect-switch-join"
                >
                  {t('connect.switchToJoin')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        <Button type="submit" loading={busy} data-testid="connect-submit">
          {t(`connect.submit.${mode}`)}
        </Button>
      </Stack>
    </form>
  );
}
