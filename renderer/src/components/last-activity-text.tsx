import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import 'dayjs/locale/zh-cn';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

dayjs.extend(relativeTime);

/** A record's last customer activity (lastActivityAt, issue 18) as relative time; "—" when there was none. */
export function LastActivityText({ at }: { at: number }) {
  const { i18n } = useTranslation();
  if (!at)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Text size="sm" c="dimmed" title={new Date(at).toLocaleString(i18n.language)}>
      {dayjs(at)
        .locale(i18n.language === 'zh-CN' ? 'zh-cn' : 'en')
        .fromNow()}
    </Text>
  );
}
