import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlayerPause } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/domain';
import {
  effectiveSlaPolicies,
  pickSlaPolicy,
  slaStatus,
  watchedClock,
  type BusinessCalendar,
  type SlaClock,
  type SlaPolicyEntry,
  type SlaStatus,
} from '@shared/rules';
import { useRepositories } from '../../hooks/use-workspace';
import { useClock } from '../../hooks/use-clock';
import { calendarOf } from '../../data/repositories/sla-settings';
import { formatDateTime } from '../../components/format';

/** What the SLA timers need: the working calendar and the policies in force (issue 21). */
export interface SlaSettings {
  calendar: BusinessCalendar;
  policies: SlaPolicyEntry[];
}

export const slaSettingsKey = ['settings', 'sla'] as const;

/** The working calendar and the SLA policies, live (a settings change refreshes them). */
export function useSlaSettings(): SlaSettings | undefined {
  const repos = useRepositories();
  return useQuery({
    queryKey: slaSettingsKey,
    queryFn: async (): Promise<SlaSettings> => {
      const [value, stored] = await Promise.all([
        repos.settings.workingCalendar(),
        repos.settings.slaPolicies(),
      ]);
      return { calendar: calendarOf(value), policies: effectiveSlaPolicies(stored) };
    },
  }).data;
}

/** A ticket's SLA at `now` by the shared rule; null when no policy applies. */
export function slaOf(
  ticket: Ticket,
  tier: string,
  settings: SlaSettings | undefined,
  now: number,
): SlaStatus | null {
  if (!settings) return null;
  const policy = pickSlaPolicy(settings.policies, tier);
  return policy ? slaStatus(ticket, policy, settings.calendar, now) : null;
}

const COLORS = { ok: 'green', warning: 'yellow', breached: 'red', met: 'gray' } as const;

/** "1 h 20 min", "3 d 2 h", "45 min" — whole minutes, rounded toward the deadline. */
export function useSlaDuration() {
  const { t } = useTranslation();
  return (ms: number) => {
    const minutes = Math.max(0, Math.ceil(Math.abs(ms) / 60_000 - 1e-9));
    if (minutes < 60) return t('tickets.sla.minutes', { count: minutes });
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return t('tickets.sla.hoursMinutes', { hours, minutes: minutes % 60 });
    return t('tickets.sla.daysHours', { days: Math.floor(hours / 24), hours: hours % 24 });
  };
}

/** One clock as a colored badge: time left, overdue by, paused, met. */
export function SlaClockBadge({ clock, testId }: { clock: SlaClock; testId?: string }) {
  const { t } = useTranslation();
  const duration = useSlaDuration();
  const label =
    clock.state === 'met'
      ? t('tickets.sla.met')
      : clock.leftMs <= 0 || clock.state === 'breached'
        ? t('tickets.sla.overdueBy', { duration: duration(clock.leftMs) })
        : t('tickets.sla.left', { duration: duration(clock.leftMs) });
  return (
    <Badge
      color={COLORS[clock.state]}
      variant={clock.state === 'met' ? 'light' : 'filled'}
      leftSection={clock.paused ? <IconPlayerPause size={12} /> : undefined}
      data-testid={testId}
      data-state={clock.state}
      data-paused={clock.paused ? 'true' : 'false'}
    >
      {clock.paused ? `${t('tickets.sla.paused')} · ${label}` : label}
    </Badge>
  );
}

/** The tickets list's timer: the watched clock (first response, then resolution), ticking each second. */
export function SlaListTimer({
  ticket,
  tier,
  settings,
}: {
  ticket: Ticket;
  tier: string;
  settings: SlaSettings | undefined;
}) {
  const { t } = useTranslation();
  const now = useClock(1000);
  const status = slaOf(ticket, tier, settings, now);
  if (!status)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const clock = watchedClock(status);
  return (
    <Tooltip label={t(`tickets.sla.clock.${clock.name}`)}>
      <span>
        <SlaClockBadge clock={clock} testId={`sla-timer-${ticket.id}`} />
      </span>
    </Tooltip>
  );
}

/** The ticket page's timers: both clocks with their due times and the policy's name. */
export function SlaTimers({ ticket, tier }: { ticket: Ticket; tier: string }) {
  const { t } = useTranslation();
  const settings = useSlaSettings();
  const now = useClock(1000);
  const status = slaOf(ticket, tier, settings, now);
  if (!status)
    return (
      <Text size="sm" c="dimmed" data-testid="sla-none">
        {t('tickets.sla.noPolicy')}
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="sla-timers">
      <Text size="sm" data-testid="sla-policy-name">
        {t('tickets.sla.policy', { name: status.policy.value.name })}
      </Text>
      {[status.firstResponse, status.resolution].map((clock) => (
        <Group key={clock.name} justify="space-between" wrap="nowrap">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t(`tickets.sla.clock.${clock.name}`)}
            </Text>
            {Number.isFinite(clock.breachAt) && !clock.stopped && (
              <Text size="xs" c="dimmed">
                {t('tickets.sla.dueAt', { time: formatDateTime(clock.breachAt) })}
              </Text>
            )}
          </Stack>
          <SlaClockBadge clock={clock} testId={`sla-${clock.name}`} />
        </Group>
      ))}
    </Stack>
  );
}
