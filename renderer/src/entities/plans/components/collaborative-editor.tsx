import { useEffect, useMemo } from 'react';
import { Avatar, Badge, Button, Center, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { RichTextEditor, type RichTextEditorLabels } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import { IconFileTypePdf, IconMarkdown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DocHandle, DocSyncState } from '@sync/client';
import { useWorkspace } from '../../../hooks/use-workspace';
import { getBridge } from '../../../platform/bridge';
import { planExtensions, type MentionSources } from '../plan-extensions';
import { applyTemplateOnce, type PmNode } from '../plan-template';
import { toMarkdown } from '../plan-markdown';
import { useDocHandle, useDocState, usePresence } from '../use-doc';
import '@mantine/tiptap/styles.css';
import '../plan-editor.css';

export interface CollaborativeEditorProps {
  /** Document name, e.g. docNameFor('account-plan', account.id). */
  docName: string;
  /** Title for exports (file name, heading). */
  title: string;
  /** Content for a new, empty document (account plans); notes start empty. */
  template?: (t: TFunction) => PmNode;
  /** Smaller toolbar and height (deal notes). */
  compact?: boolean;
}

/** A plan or note edited together live: the document comes from the workspace's DocManager. */
export function CollaborativeEditor(props: CollaborativeEditorProps) {
  const handle = useDocHandle(props.docName);
  const { t } = useTranslation();
  if (!handle) {
    return (
      <Center py="lg">
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            {t('plans.loading')}
          </Text>
        </Group>
      </Center>
    );
  }
  return <EditorForHandle key={handle.name} handle={handle} {...props} />;
}

type Status =
  | 'local'
  | 'readOnly'
  | 'denied'
  | 'error'
  | 'offline'
  | 'offlineUnsynced'
  | 'connecting'
  | 'syncing'
  | 'synced';
const STATUS_COLOR: Record<Status, string> = {
  local: 'gray',
  readOnly: 'yellow',
  denied: 'red',
  error: 'red',
  offline: 'gray',
  offlineUnsynced: 'orange',
  connecting: 'blue',
  syncing: 'blue',
  synced: 'green',
};

/** One word for where the document stands (shown as a badge; the journeys read data-state). */
export function docStatus(state: DocSyncState): Status {
  if (state.connection === 'local') return 'local';
  if (state.connection === 'denied') return 'denied';
  if (state.connection === 'error') return 'error';
  if (state.readOnly) return 'readOnly';
  if (state.connection === 'offline') return state.unsynced ? 'offlineUnsynced' : 'offline';
  if (state.connection === 'connecting') return state.unsynced ? 'offlineUnsynced' : 'connecting';
  return state.unsynced || !state.serverSynced ? 'syncing' : 'synced';
}

function useMentionSources(): MentionSources {
  const { repos } = useWorkspace();
  const { t } = useTranslation();
  return useMemo<MentionSources>(
    () => ({
      people: async (query) => {
        const q = query.toLowerCase();
        const users = await repos.members.users();
        return users
          .filter((u) => u.name.toLowerCase().includes(q))
          .slice(0, 8)
          .map((u) => ({ id: u.id, label: u.name }));
      },
      records: async (query) => {
        const [accounts, deals] = await Promise.all([
          repos.accounts.listPage({ text: query }, { field: 'updatedAt', direction: 'desc' }, 5, 0),
          repos.deals.listPage({ text: query }, 5, 0),
        ]);
        return [
          ...accounts.map((a) => ({
            id: `account:${a.id}`,
            label: a.name,
            kind: t('plans.mention.account'),
          })),
          ...deals.map((d) => ({
            id: `deal:${d.id}`,
            label: d.name,
            kind: t('plans.mention.deal'),
          })),
        ];
      },
    }),
    [repos, t],
  );
}

function editorLabels(t: TFunction): Partial<RichTextEditorLabels> {
  const k = (key: string) => t(`plans.toolbar.${key}`);
  return {
    boldControlLabel: k('bold'),
    italicControlLabel: k('italic'),
    underlineControlLabel: k('underline'),
    strikeControlLabel: k('strike'),
    clearFormattingControlLabel: k('clear'),
    linkControlLabel: k('link'),
    unlinkControlLabel: k('unlink'),
    bulletListControlLabel: k('bulletList'),
    orderedListControlLabel: k('orderedList'),
    tasksControlLabel: k('tasks'),
    tasksSinkLabel: k('tasksSink'),
    tasksLiftLabel: k('tasksLift'),
    blockquoteControlLabel: k('blockquote'),
    hrControlLabel: k('hr'),
    undoControlLabel: k('undo'),
    redoControlLabel: k('redo'),
    linkEditorInputLabel: k('linkInput'),
    tableInsertControlLabel: k('tableInsert'),
    tableDeleteControlLabel: k('tableDelete'),
    tableColumnAfterControlLabel: k('columnAfter'),
    tableColumnDeleteControlLabel: k('columnDelete'),
    tableRowAfterControlLabel: k('rowAfter'),
    tableRowDeleteControlLabel: k('rowDelete'),
    h1ControlLabel: k('h1'),
    h2ControlLabel: k('h2'),
    h3ControlLabel: k('h3'),
  };
}

function safeFileName(title: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not contain
  return title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 100) || 'plan';
}

function EditorForHandle({
  handle,
  title,
  template,
  compact,
}: CollaborativeEditorProps & { handle: DocHandle }) {
  const { t } = useTranslation();
  const { documents } = useWorkspace();
  const state = useDocState(handle);
  const presence = usePresence(handle);
  const mentions = useMentionSources();
  const user = documents.user;
  const extensions = useMemo(
    () => planExtensions(handle, user, mentions),
    [handle, user, mentions],
  );
  const editor = useEditor(
    {
      extensions,
      editable: !state.readOnly,
      shouldRerenderOnTransaction: false,
      // The editable area is a multi-line textbox named by the document's title (also while read-only).
      editorProps: {
        attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': title },
      },
    },
    [extensions],
  );

  useEffect(() => {
    if (editor && !editor.isDestroyed)
      editor.setEditable(!state.readOnly && state.connection !== 'denied');
  }, [editor, state.readOnly, state.connection]);

  // A new plan starts from the template, once: after the device copy and (when online) the first server sync,
  // and only if the document is still empty; concurrent first openers write identical, merging templates.
  useEffect(() => {
    if (!editor || !template) return undefined;
    let cancelled = false;
    void (async () => {
      await handle.loaded;
      const docs = await documents.engine();
      if (docs.mode === 'team') await handle.whenServerSynced(docs.online ? 5000 : 0);
      if (
        cancelled ||
        editor.isDestroyed ||
        handle.state.readOnly ||
        handle.state.connection === 'denied'
      )
        return;
      applyTemplateOnce(handle.doc, editor.schema, template(t));
    })();
    return () => {
      cancelled = true;
    };
  }, [editor, handle, template, documents, t]);

  const handleMarkdown = () => {
    if (!editor) return;
    const markdown = toMarkdown(editor.getJSON() as PmNode, title);
    const url = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${safeFileName(title)}.md`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const handlePdf = () => {
    // The print stylesheet shows only this document while the attribute is set (plan-editor.css).
    document.body.dataset.printPlan = handle.name;
    void getBridge()
      .exportPdf({ suggestedName: safeFileName(title) })
      .finally(() => {
        delete document.body.dataset.printPlan;
      });
  };

  const status = docStatus(state);
  return (
    <Stack
      gap="xs"
      className="plan-print-root"
      data-print-doc={handle.name}
      data-testid="plan-editor"
      data-doc={handle.name}
    >
      <Group justify="space-between" wrap="wrap" data-print="hide">
        <Group gap="xs">
          <Badge
            color={STATUS_COLOR[status]}
            variant="light"
            data-testid="doc-sync-state"
            data-state={status}
          >
            {t(`plans.state.${status}`)}
          </Badge>
          <Tooltip
            label={presence.length <= 1 ? t('plans.presence.alone') : t('plans.presence.here')}
          >
            <Avatar.Group spacing="xs" data-testid="doc-presence">
              {presence.map((u) => (
                <Tooltip
                  key={u.clientId}
                  label={u.self ? `${u.name} (${t('plans.presence.you')})` : u.name}
                >
                  <Avatar
                    size="sm"
                    radius="xl"
                    style={{ backgroundColor: u.color, color: '#fff' }}
                    data-testid="doc-presence-user"
                    data-name={u.name}
                    data-self={u.self ? 'true' : undefined}
                  >
                    {u.name.slice(0, 1).toUpperCase()}
                  </Avatar>
                </Tooltip>
              ))}
            </Avatar.Group>
          </Tooltip>
        </Group>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconMarkdown size={14} />}
            onClick={handleMarkdown}
            data-testid="plan-export-markdown"
          >
            {t('plans.export.markdown')}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconFileTypePdf size={14} />}
            onClick={handlePdf}
            data-testid="plan-export-pdf"
          >
            {t('plans.export.pdf')}
          </Button>
        </Group>
      </Group>
      <Text className="plan-print-title" fw={700} size="lg">
        {title}
      </Text>
      <RichTextEditor
        editor={editor}
        labels={editorLabels(t)}
        className="plan-editor"
        data-compact={compact ? 'true' : undefined}
      >
        {!state.readOnly && (
          <RichTextEditor.Toolbar sticky stickyOffset={60} data-print="hide">
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Undo />
              <RichTextEditor.Redo />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Bold />
              <RichTextEditor.Italic />
              <RichTextEditor.Underline />
              <RichTextEditor.Strikethrough />
              <RichTextEditor.ClearFormatting />
            </RichTextEditor.ControlsGroup>
            {!compact && (
              <RichTextEditor.ControlsGroup>
                <RichTextEditor.H1 />
                <RichTextEditor.H2 />
                <RichTextEditor.H3 />
              </RichTextEditor.ControlsGroup>
            )}
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.BulletList />
              <RichTextEditor.OrderedList />
              <RichTextEditor.TaskList />
              <RichTextEditor.TaskListSink />
              <RichTextEditor.TaskListLift />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Link />
              <RichTextEditor.Unlink />
              <RichTextEditor.Blockquote />
              <RichTextEditor.Hr />
            </RichTextEditor.ControlsGroup>
            {!compact && (
              <RichTextEditor.ControlsGroup>
                <RichTextEditor.TableInsert />
                <RichTextEditor.TableColumnAfter />
                <RichTextEditor.TableRowAfter />
                <RichTextEditor.TableColumnDelete />
                <RichTextEditor.TableRowDelete />
                <RichTextEditor.TableDelete />
              </RichTextEditor.ControlsGroup>
            )}
          </RichTextEditor.Toolbar>
        )}
        <RichTextEditor.Content data-testid="plan-content" />
      </RichTextEditor>
    </Stack>
  );
}
