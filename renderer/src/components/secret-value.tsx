import { Button, Code, CopyButton, Group } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/**
 * A secret shown once (a webhook's signing secret, a capture key): the value and a copy button. `testId` names
 * both: `<testId>-value` and `<testId>-copy`.
 */
export function SecretValue({
  value,
  testId,
  copyLabel,
  copiedLabel,
}: {
  value: string;
  testId: string;
  copyLabel: string;
  copiedLabel: string;
}) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Code fz="sm" style={{ wordBreak: 'break-all' }} data-testid={`${testId}-value`}>
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button
            size="xs"
            variant="light"
            leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            onClick={copy}
            data-testid={`${testId}-copy`}
          >
            {copied ? copiedLabel : copyLabel}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
