import { Card, Text } from '@mantine/core';
import { useDashboardFormats, type DashboardFormats } from './dashboard-formats';

export interface StatProps {
  /** Translated. */
  label: string;
  /** The raw value (money in yuan, percent 0–1, days); null = '—'. */
  value: number | null;
  /** Which of the dashboard formats writes it. */
  format: Exclude<keyof DashboardFormats, 'date'>;
  testId: string;
  /** A line under the number (e.g. "of 12 deals"), translated. */
  hint?: string;
}

/** A headline number: formatted text, the raw value in `data-value`. */
export function Stat({ label, value, format, testId, hint }: StatProps) {
  const formats = useDashboardFormats();
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId} data-value={value ?? ''}>
        {formats[format](value)}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}
