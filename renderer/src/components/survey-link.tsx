import { Alert, Button, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { surveyLinkResponse, surveyPageUrl } from '@shared/sync';
import { useWorkspace } from '../hooks/use-workspace';
import { reportWriteError } from './write-errors';

/**
 * Makes a one-time survey link for a ticket (CSAT) or a contact (NPS) over the server (issue 21; team workspaces
 * only) and shows it once: the server's survey page with the token, for the customer's e-mail.
 */
export function SurveyLink({ kind, recordId }: { kind: 'csat' | 'nps'; recordId: string }) {
  const { t } = useTranslation();
  const { sync } = useWorkspace();
  const make = useMutation({
    mutationFn: () => {
      if (!sync) throw new Error('a survey link needs a team workspace');
      return sync.call('POST', '/api/surveys/links', surveyLinkResponse, { kind, recordId });
    },
  });
  if (!sync) return null;
  const url = make.data
    ? surveyPageUrl(sync.session.serverUrl ?? '', make.data.kind, make.data.token)
    : '';
  return (
    <Stack gap={4}>
      <Group>
        <Button
          size="xs"
          variant="light"
          onClick={() => make.mutate(undefined, { onError: (error) => reportWriteError(error, t) })}
          loading={make.isPending}
          data-testid={`${kind}-survey-link`}
        >
          {t('surveys.makeLink')}
        </Button>
      </Group>
      {make.data && (
        <Alert color="blue" data-testid={`${kind}-survey-token`}>
          <Text size="xs">{t('surveys.linkHint')}</Text>
          <Group gap="xs" mt={4} wrap="nowrap">
            <Text
              size="xs"
              ff="monospace"
              style={{ wordBreak: 'break-all' }}
              data-testid={`${kind}-survey-url`}
            >
              {url}
            </Text>
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button size="compact-xs" variant="default" onClick={copy}>
                  {copied ? t('surveys.copied') : t('surveys.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}
