import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Combobox, Group, Text, Textarea, useCombobox } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { memberToken, recordToken, type CommentableCollection } from '@shared/rules';
import type { SearchHit } from '../../../data/services/global-search';
import { useRepositories } from '../../../hooks/use-workspace';
import { useUsersQuery } from '../../members/queries';
import { searchMentionableRecords } from '../queries';

/** What is being typed after an '@' or '#' just before the caret (null: no picker). */
interface Trigger {
  sigil: '@' | '#';
  query: string;
  /** Where the sigil is in the text. */
  start: number;
}

const TRIGGER = /(^|\s)([@#])([^\s@#[\]()]{0,30})$/;

function triggerAt(text: string, caret: number): Trigger | null {
  const match = TRIGGER.exec(text.slice(0, caret));
  if (!match) return null;
  return {
    sigil: match[2] as '@' | '#',
    query: match[3],
    start: caret - match[3].length - 1,
  };
}

interface Option {
  value: string;
  label: string;
  hint: string;
  token: string;
}

export interface CommentComposerProps {
  initialBody?: string;
  submitLabel: string;
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
  /** The accessible name of the text box. */
  label: string;
}

/**
 * Writes a comment: plain text where typing '@' opens a picker of members and '#' a picker of records (global
 * search); the choice becomes a mention token (shared/rules/comments.ts). Arrow keys move in the picker, Enter or
 * Tab picks, Escape closes it; Ctrl/⌘+Enter sends.
 */
export function CommentComposer({
  initialBody = '',
  submitLabel,
  onSubmit,
  onCancel,
  autoFocus,
  label,
}: CommentComposerProps) {
  const { t } = useTranslation();
  const repos = useRepositories();
  const { data: users } = useUsersQuery();
  const [body, setBody] = useState(initialBody);
  const [trigger, setTrigger] = useState<Trigger | null>(null);
  const [records, setRecords] = useState<SearchHit[]>([]);
  const [sending, setSending] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  // Records for '#': the global search, newest query wins.
  useEffect(() => {
    if (trigger?.sigil !== '#') return;
    let current = true;
    void searchMentionableRecords(repos, trigger.query).then((hits) => {
      if (current) setRecords(hits);
    });
    return () => {
      current = false;
    };
  }, [repos, trigger?.sigil, trigger?.query]);

  const options: Option[] =
    trigger?.sigil === '@'
      ? (users ?? [])
          .filter((u) => u.active && u.name.toLowerCase().includes(trigger.query.toLowerCase()))
          .slice(0, 8)
          .map((u) => ({ value: u.id, label: u.name, hint: '', token: memberToken(u.id, u.name) }))
      : trigger?.sigil === '#'
        ? records.map((hit) => ({
            value: `${hit.kind}:${hit.id}`,
            label: hit.title,
            hint: t(`comments.kinds.${hit.kind}`),
            token: recordToken(hit.kind as CommentableCollection, hit.id, hit.title),
          }))
        : [];

  useEffect(() => {
    if (trigger && options.length > 0) {
      combobox.openDropdown();
      combobox.selectFirstOption();
    } else combobox.closeDropdown();
    // The options list is derived from these.
  }, [trigger, options.length]); // eslint-disable-line react-hooks/exhaustive-deps

  const follow = (text: string, caret: number) => {
    setBody(text);
    setTrigger(triggerAt(text, caret));
  };

  const pick = (value: string) => {
    const option = options.find((o) => o.value === value);
    if (!option || !trigger) return;
    const caret = trigger.start + 1 + trigger.query.length;
    const next = `${body.slice(0, trigger.start)}${option.token} ${body.slice(caret)}`;
    const at = trigger.start + option.token.length + 1;
    setBody(next);
    setTrigger(null);
    combobox.closeDropdown();
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(at, at);
    });
  };

  const send = async () => {
    if (!body.trim() || sending) return;
    setSending(true);
    try {
      await onSubmit(body);
      setBody('');
      setTrigger(null);
    } finally {
      setSending(false);
    }
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    } else if (event.key === 'Tab' && combobox.dropdownOpened) {
      const selected = combobox.getSelectedOptionIndex();
      const option = options[selected < 0 ? 0 : selected];
      if (option) {
        event.preventDefault();
        pick(option.value);
      }
    } else if (event.key === 'Escape' && combobox.dropdownOpened) {
      event.stopPropagation();
      setTrigger(null);
    }
  };

  return (
    <Group align="flex-end" gap="xs" wrap="nowrap" data-testid="comment-composer">
      <Combobox store={combobox} onOptionSubmit={pick} withinPortal={false}>
        <Combobox.Target>
          <Textarea
            ref={textarea}
            style={{ flex: 1 }}
            aria-label={label}
            placeholder={t('comments.placeholder')}
            autosize
            minRows={2}
            maxRows={8}
            value={body}
            autoFocus={autoFocus}
            onChange={(e) => follow(e.currentTarget.value, e.currentTarget.selectionStart)}
            onKeyDown={handleKeyDown}
            onBlur={() => combobox.closeDropdown()}
            data-testid="comment-input"
          />
        </Combobox.Target>
        <Combobox.Dropdown>
          <Combobox.Options
            aria-label={t(trigger?.sigil === '#' ? 'comments.pickRecord' : 'comments.pickMember')}
          >
            {options.map((o) => (
              <Combobox.Option value={o.value} key={o.value} data-testid="mention-option">
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm">{o.label}</Text>
                  {o.hint && (
                    <Text size="xs" c="dimmed">
                      {o.hint}
                    </Text>
                  )}
                </Group>
              </Combobox.Option>
            ))}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      <Group gap={4} wrap="nowrap">
        {onCancel && (
          <Button variant="default" size="xs" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
        <Button
          size="xs"
          onClick={() => void send()}
          loading={sending}
          disabled={!body.trim()}
          title={t('comments.sendHint')}
          data-testid="comment-send"
        >
          {submitLabel}
        </Button>
      </Group>
    </Group>
  );
}
