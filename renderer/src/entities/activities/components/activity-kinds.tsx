import {
  IconCalendarEvent,
  IconMessageCircle,
  IconFileText,
  IconHeadset,
  IconMail,
  IconMapPin,
  IconNote,
  IconPhone,
  IconMoodSmile,
  IconSquareCheck,
  IconTargetArrow,
} from '@tabler/icons-react';
import type { ActivityType, RelatedType } from '@shared/domain';

type IconComponent = typeof IconPhone;

/** Icon and colour of each activity type (timeline bullets, menu items). */
export const ACTIVITY_ICONS: Readonly<Record<ActivityType, IconComponent>> = {
  call: IconPhone,
  meeting: IconCalendarEvent,
  email: IconMail,
  visit: IconMapPin,
  note: IconNote,
  task: IconSquareCheck,
  comment: IconMessageCircle,
  nps: IconMoodSmile,
};

export const ACTIVITY_COLORS: Readonly<Record<ActivityType, string>> = {
  call: 'blue',
  meeting: 'grape',
  email: 'cyan',
  visit: 'teal',
  note: 'gray',
  task: 'orange',
  comment: 'violet',
  nps: 'pink',
};

/** Icons of the other records on a customer timeline. */
export const RECORD_ICONS = {
  deal: IconTargetArrow,
  ticket: IconHeadset,
  contract: IconFileText,
} as const;

/** The order of the "Log activity" menu: the two most common field actions first. */
export const LOGGABLE_TYPES: readonly ActivityType[] = [
  'call',
  'visit',
  'meeting',
  'email',
  'note',
  'task',
];

/** Route of a related record; contacts and leads have no detail page, so their list opens. */
export function relatedPath(type: RelatedType | '', id: string): string | null {
  if (!type || !id) return null;
  switch (type) {
    case 'account':
      return `/accounts/${id}`;
    case 'deal':
      return `/deals/${id}`;
    case 'contract':
      return `/contracts/${id}`;
    case 'ticket':
      return `/tickets/${id}`;
    case 'contact':
      return '/contacts';
    case 'lead':
      return '/leads';
  }
}
