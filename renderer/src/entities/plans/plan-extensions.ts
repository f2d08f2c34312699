import type { Extensions } from '@tiptap/core';
import { ReactRenderer } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { Mention } from '@tiptap/extension-mention';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { SuggestionOptions, SuggestionProps } from '@tiptap/suggestion';
import type { DocHandle, PresenceUser } from '@sync/client';
import { DOC_FIELD } from '@sync/client';
import { MentionList, type MentionItem, type MentionListHandle } from './components/mention-list';

export interface MentionSources {
  /** People of the workspace (members collection) matching the query. */
  people: (query: string) => Promise<MentionItem[]>;
  /** Accounts and deals matching the query. */
  records: (query: string) => Promise<MentionItem[]>;
}

type Suggestion = Omit<SuggestionOptions<MentionItem>, 'editor'>;

/** Renders the suggestion list next to the caret, inside the editor's React tree (Mantine theme applies). */
function renderSuggestions(): Suggestion['render'] {
  return () => {
    let renderer: ReactRenderer<MentionListHandle> | null = null;
    let container: HTMLDivElement | null = null;
    const place = (props: SuggestionProps<MentionItem>) => {
      const rect = props.clientRect?.();
      if (!rect || !container) return;
      container.style.left = `${Math.round(rect.left)}px`;
      container.style.top = `${Math.round(rect.bottom + 4)}px`;
    };
    const close = () => {
      renderer?.destroy();
      container?.remove();
      renderer = null;
      container = null;
    };
    return {
      onStart: (props) => {
        renderer = new ReactRenderer(MentionList, { props, editor: props.editor });
        container = document.createElement('div');
        container.style.position = 'fixed';
        container.style.zIndex = '400';
        container.dataset.print = 'hide';
        container.appendChild(renderer.element);
        document.body.appendChild(container);
        place(props);
      },
      onUpdate: (props) => {
        renderer?.updateProps(props);
        place(props);
      },
      onKeyDown: ({ event }) => {
        if (event.key === 'Escape') {
          close();
          return true;
        }
        return renderer?.ref?.onKeyDown(event) ?? false;
      },
      onExit: close,
    };
  };
}

/**
 * The editor of plans and notes: StarterKit without its own undo (Yjs' undo manager, which only undoes this
 * person's edits, comes with Collaboration), checklists, tables, links, @people and #records, and the live
 * carets of everyone else, labelled with their names and colours.
 */
export function planExtensions(
  handle: DocHandle,
  user: PresenceUser,
  mentions: MentionSources,
): Extensions {
  return [
    ...planContentExtensions(mentions),
    Collaboration.configure({ document: handle.doc, field: DOC_FIELD }),
    // Works with the awareness alone: a local workspace has no provider, and its one person sees no one else.
    CollaborationCaret.configure({
      provider: { awareness: handle.awareness },
      user: { name: user.name, color: user.color, userId: user.userId },
    }),
  ];
}

/** The content model (schema) of plans and notes, without the collaboration plugins. */
export function planContentExtensions(mentions: MentionSources): Extensions {
  return [
    StarterKit.configure({
      undoRedo: false,
      link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
    }),
    TaskList,
    TaskItem.configure({ nested: true }),
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    Mention.configure({
      HTMLAttributes: { class: 'plan-mention' },
      suggestions: [
        { char: '@', items: ({ query }) => mentions.people(query), render: renderSuggestions() },
        { char: '#', items: ({ query }) => mentions.records(query), render: renderSuggestions() },
      ],
    }),
  ];
}
