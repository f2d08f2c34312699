import { useEffect, useImperativeHandle, useState, type Ref } from 'react';
import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface MentionItem {
  id: string;
  label: string;
  /** Shown as a small badge (e.g. "Account" / "Deal"). */
  kind?: string;
}

export interface MentionListHandle {
  onKeyDown(event: KeyboardEvent): boolean;
}

interface MentionListProps {
  items: MentionItem[];
  command: (item: { id: string; label: string }) => void;
  ref?: Ref<MentionListHandle>;
}

/** The suggestion popup of @people and #records: arrow keys move, Enter picks, the mouse works too. */
export function MentionList({ items, command, ref }: MentionListProps) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState(0);
  useEffect(() => setSelected(0), [items]);
  const pick = (index: number) => {
    const item = items[index];
    if (item) command({ id: item.id, label: item.label });
  };
  useImperativeHandle(ref, () => ({
    onKeyDown: (event) => {
      if (items.length === 0) return false;
      if (event.key === 'ArrowDown') setSelected((i) => (i + 1) % items.length);
      else if (event.key === 'ArrowUp') setSelected((i) => (i + items.length - 1) % items.length);
      else if (event.key === 'Enter' || event.key === 'Tab') pick(selected);
      else return false;
      return true;
    },
  }));
  return (
    <Paper shadow="md" withBorder p={4} miw={220} data-testid="mention-list">
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" px="xs" py={4}>
          {t('plans.mention.empty')}
        </Text>
      ) : (
        <Stack gap={0}>
          {items.map((item, index) => (
            <UnstyledButton
              key={item.id}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(index);
              }}
              px="xs"
              py={4}
              bg={index === selected ? 'var(--mantine-color-blue-light)' : undefined}
              style={{ borderRadius: 4 }}
              data-testid="mention-option"
            >
              <Group gap="xs" wrap="nowrap">
                {item.kind && (
                  <Badge size="xs" variant="light">
                    {item.kind}
                  </Badge>
                )}
                <Text size="sm" truncate>
                  {item.label}
                </Text>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
