import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconMessage, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Contact } from '@shared/domain';
import { PageHeader } from '../../components/page-header';
import { useFilterShortcut } from '../../components/use-filter-shortcut';
import { VirtualTable, type Column } from '../../components/virtual-table';
import { useUserMap } from '../../entities/members/queries';
import { useContactList } from '../../entities/contacts/queries';
import { ContactFormModal } from '../../entities/contacts/components/contact-form-modal';
import { useWriteAccess } from '../../hooks/use-write-access';
import { useShortcut } from '../../components/shortcuts/use-shortcut';
import { HiddenValue } from '../../components/hidden-value';
import { useFieldHider } from '../../entities/settings/field-policy';
import { ExportMenu } from '../../components/export-menu';
import { ImportButton } from '../../components/import-button';
import { contactExports } from '../../entities/contacts/contact-exports';
import { usePendingRowMark } from '../../entities/sync/components/pending-mark';
import { CommentsDrawer } from '../../entities/comments/components/comments-drawer';
import { useMergeSelection } from '../../components/merge/merge-selection';

export function ContactsPage() {
  const { t } = useTranslation();
  const pendingMark = usePendingRowMark('contacts');
  // Who may not create here (a viewer) gets no new-record button.
  const canCreate = useWriteAccess('contacts', null).canWrite;
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 200);
  const [opened, modal] = useDisclosure(false);
  const [editing, setEditing] = useState<Contact | undefined>();
  // A contact's comments open beside the list (its account page holds the account's own thread).
  const [commenting, setCommenting] = useState<Contact | null>(null);
  useShortcut(
    'newRecord',
    canCreate
      ? () => {
          setEditing(undefined);
          modal.open();
        }
      : null,
  );
  const list = useContactList(debounced);
  const filterInput = useFilterShortcut();
  const users = useUserMap();
  const hides = useFieldHider('contacts');

  const exports = contactExports(t, users, hides);
  // Two or more selected rows can be merged (issue 19).
  const mergeSelection = useMergeSelection<Contact>('contacts');
  const columns: Column<Contact>[] = [
    ...(canCreate ? [mergeSelection.column] : []),
    {
      key: 'name',
      header: exports.name.header,
      render: (c) => c.name,
      export: exports.name,
    },
    {
      key: 'title',
      header: exports.title.header,
      render: (c) => c.title || '—',
      export: exports.title,
    },
    {
      key: 'mobile',
      header: exports.mobile.header,
      width: 140,
      render: (c) => (hides(c, 'mobile') ? <HiddenValue /> : c.mobile || '—'),
      export: exports.mobile,
    },
    {
      key: 'email',
      header: exports.email.header,
      render: (c) => (hides(c, 'email') ? <HiddenValue /> : c.email || '—'),
      export: exports.email,
    },
    {
      key: 'role',
      header: exports.role.header,
      // Wide enough for "Technical buyer", in its own letters (issue 16: "ECONOMIC B…").
      width: 150,
      render: (c) =>
        c.decisionRole ? (
          <Badge variant="light" tt="none">
            {t(`lists.decisionRole.${c.decisionRole}`)}
          </Badge>
        ) : (
          '—'
        ),
      export: exports.role,
    },
    {
      key: 'owner',
      header: exports.owner.header,
      width: 110,
      render: (c) => users.get(c.ownerId)?.name ?? '—',
      export: exports.owner,
    },
    {
      key: 'actions',
      header: t('common.actions'),
      width: 70,
      render: (c) => (
        <Group gap={4} wrap="nowrap" onClick={(event) => event.stopPropagation()}>
          <Tooltip label={t('comments.openHint')}>
            <ActionIcon
              variant="subtle"
              onClick={() => setCommenting(c)}
              // Out of the Tab order: the row is the tab stop (nested-interactive); `m` on the row opens it.
              tabIndex={-1}
              aria-keyshortcuts="m"
              aria-label={t('comments.open')}
              data-testid="contact-comments"
            >
              <IconMessage size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('contacts.title')}>
        <ExportMenu
          columns={columns}
          source={list.exportPages}
          name={t('contacts.title')}
          testId="contacts-export"
        />
        {canCreate && mergeSelection.button}
        {canCreate && <ImportButton kind="contacts" />}
        {canCreate && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => {
              setEditing(undefined);
              modal.open();
            }}
            data-testid="new-contact"
          >
            {t('contacts.new')}
          </Button>
        )}
      </PageHeader>
      <Group mb="sm">
        <TextInput
          ref={filterInput}
          leftSection={<IconSearch size={16} />}
          placeholder={t('contacts.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={280}
        />
      </Group>
      <VirtualTable
        rows={list.rows}
        columns={columns}
        rowKey={(c) => c.id}
        onRowClick={(c) =>
          c.accountId ? void navigate(`/accounts/${c.accountId}`) : (setEditing(c), modal.open())
        }
        onRowKey={(key, c) => {
          if (key === 'm') {
            setCommenting(c);
            return true;
          }
          return canCreate && mergeSelection.handleRowKey(key, c);
        }}
        onEndReached={list.loadMore}
        loading={list.isLoading}
        testId="contacts-table"
        label={t('contacts.title')}
        positionKey={`contacts:${debounced}`}
        rowMark={(c) => pendingMark(c.id)}
      />
      <ContactFormModal opened={opened} onClose={modal.close} contact={editing} />
      <CommentsDrawer
        target={
          commenting && {
            collection: 'contacts',
            id: commenting.id,
            teamId: commenting.teamId,
            accountId: commenting.accountId,
          }
        }
        name={commenting?.name ?? ''}
        onClose={() => setCommenting(null)}
      />
    </>
  );
}
