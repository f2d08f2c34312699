import { Anchor, Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { parseCommentBody, relatedOfCollection, withCurrentNames } from '@shared/rules';
import { relatedPath } from '../../activities/components/activity-kinds';
import { useMentionNames } from '../queries';

/**
 * A comment's text with its @members as chips and its #records as links that open the record, each under its
 * current name (a member or record renamed since the comment was written reads as it is called now).
 */
export function CommentBody({ body, lineClamp }: { body: string; lineClamp?: number }) {
  const { t } = useTranslation();
  const names = useMentionNames(body);
  return (
    <Text
      size="sm"
      style={{ whiteSpace: 'pre-wrap' }}
      lineClamp={lineClamp}
      data-testid="comment-body"
    >
      {withCurrentNames(parseCommentBody(body), names).map((segment, i) => {
        if (segment.kind === 'text') return <span key={i}>{segment.text}</span>;
        if (segment.kind === 'member')
          return (
            <Badge
              key={i}
              component={Link}
              to="/team"
              variant="light"
              size="sm"
              tt="none"
              style={{ cursor: 'pointer', verticalAlign: 'baseline' }}
              aria-label={t('comments.memberChip', { name: segment.name })}
              data-testid="mention-chip"
            >
              @{segment.name}
            </Badge>
          );
        const path = relatedPath(relatedOfCollection(segment.collection), segment.id);
        return path ? (
          <Anchor key={i} component={Link} to={path} size="sm" data-testid="record-mention">
            #{segment.name}
          </Anchor>
        ) : (
          <span key={i}>#{segment.name}</span>
        );
      })}
    </Text>
  );
}
