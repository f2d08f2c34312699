import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lead, LeadScoringValue } from '@shared/domain';
import { scoreLead, type ScorePart, type ScoredLeadFacts } from '@shared/rules';

/** MQL/SQL as a small badge; nothing below both thresholds. */
export function QualificationBadge({ qualification }: { qualification: Lead['qualification'] }) {
  const { t } = useTranslation();
  if (!qualification) return null;
  return (
    <Badge
      size="sm"
      variant="light"
      color={qualification === 'sql' ? 'green' : 'blue'}
      data-testid="lead-qualification-badge"
    >
      {t(`lists.leadQualification.${qualification}`)}
    </Badge>
  );
}

function usePartLabel() {
  const { t } = useTranslation();
  return (part: ScorePart): string => {
    switch (part.kind) {
      case 'source':
        return t('leadScoring.part.source', { source: t(`lists.source.${part.source}`) });
      case 'completeness':
        return t('leadScoring.part.completeness', { field: t(`leadScoring.field.${part.field}`) });
      case 'engagement':
        return t('leadScoring.part.engagement', { count: part.activities, days: part.days });
      case 'industry':
        return t('leadScoring.part.industry', { section: t(`industry.${part.section}`) });
      case 'size':
        return t('leadScoring.part.size', { size: t(`lists.sizeBand.${part.sizeBand}`) });
    }
  };
}

/**
 * A lead's score with the parts that make it up (why it is an MQL or SQL), from the shared rule on what the form
 * holds now: the score the lead will be saved with.
 */
export function LeadScoreBreakdown(props: {
  lead: ScoredLeadFacts;
  rules: LeadScoringValue;
  recentActivities: number;
}) {
  const { t } = useTranslation();
  const label = usePartLabel();
  const { score, qualification, parts } = scoreLead(props.lead, props.rules, {
    recentActivities: props.recentActivities,
  });
  return (
    <Stack gap={4} data-testid="lead-score-breakdown">
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {t('fields.score')}
        </Text>
        <Text size="sm" fw={700} data-testid="lead-score-value">
          {score}
        </Text>
        <QualificationBadge qualification={qualification} />
        <Text size="xs" c="dimmed">
          {t('leadScoring.thresholds', {
            mql: props.rules.mqlThreshold,
            sql: props.rules.sqlThreshold,
          })}
        </Text>
      </Group>
      {parts.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('leadScoring.noPoints')}
        </Text>
      ) : (
        <List size="xs" spacing={0}>
          {parts.map((part) => (
            <List.Item key={`${part.kind}:${'field' in part ? part.field : ''}`}>
              {t('leadScoring.partLine', { label: label(part), points: part.points })}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
