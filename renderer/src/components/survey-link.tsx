import { Alert, Button, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CSAT_SURVEY_PATH, NPS_SURVEY_PATH, surveyLinkResponse } from '@shared/sync';
import { useWorkspace } from '../hooks/use-workspace';
import { reportWriteError } from './write-errors';

/**
 * Makes a one-time survey token for a ticket (CSAT) or a contact (NPS) over the server (issue 21; team workspaces
 * only) and shows it once, with where the customer's form posts it.
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
  const path = kind === 'csat' ? CSAT_SURVEY_PATH : NPS_SURVEY_PATH;
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
          <Text size="xs">{t('surveys.linkHint', { path })}</Text>
          <Group gap="xs" mt={4} wrap="nowrap">
            <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {make.data.token}
            </Text>
            <CopyButton value={make.data.token}>
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
