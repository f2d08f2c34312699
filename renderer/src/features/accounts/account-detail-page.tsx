import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconArrowLeft, IconEdit, IconEye, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Account, Contact } from '@shared/domain';
import { dealsTotal } from '@shared/rules/deal-math';
import { PendingMark, usePendingRowMark } from '../../entities/sync/components/pending-mark';
import { formatDate, formatList, formatMoney } from '../../components/format';
import { tagLabel } from '../../components/list-options';
import { reportWriteError } from '../../components/write-errors';
import { ReadOnlyMarker } from '../../components/read-only-marker';
import { HiddenValue } from '../../components/hidden-value';
import { useFieldHider, useHiddenFields } from '../../entities/settings/field-policy';
import { useWriteAccess } from '../../hooks/use-write-access';
import { useUserMap } from '../../entities/members/queries';
import { useContactsByAccount } from '../../entities/contacts/queries';
import { ContactFormModal } from '../../entities/contacts/components/contact-form-modal';
import { useDealsByAccount } from '../../entities/deals/queries';
import { DealFormModal } from '../../entities/deals/components/deal-form-modal';
import { useTicketsByAccount } from '../../entities/tickets/queries';
import { TicketFormModal } from '../../entities/tickets/components/ticket-form-modal';
import { useContractsByAccount } from '../../entities/contracts/queries';
import { ContractFormModal } from '../../entities/contracts/components/contract-form-modal';
import { AccountTimeline } from '../../entities/activities/components/account-timeline';
import { NpsPanel } from '../../entities/activities/components/nps-panel';
import { CommentThread } from '../../entities/comments/components/comment-thread';
import { LogActivityButton } from '../../entities/activities/components/log-activity-button';
import { RecordHistory } from '../../entities/history/components/record-history';
import { AccountPlan } from '../../entities/plans/components/record-plan';
import { useAccountQuery } from '../../entities/accounts/queries';
import { useDeleteAccountMutation } from '../../entities/accounts/mutations';
import { HealthCard } from '../../entities/accounts/components/health-card';
import { AccountFormModal } from './components/account-form-modal';
import { MergeWithButton } from './components/merge-with-button';
import { useShortcut } from '../../components/shortcuts/use-shortcut';
import { RecordSequenceNav } from '../../components/record-sequence';
import { MergedRedirect } from '../../components/merge/merged-redirect';

/** 单一客户视图: one page with everything about a customer, and the timeline that joins it all. */
export function AccountDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const account = useAccountQuery(id);
  const [editOpened, edit] = useDisclosure(false);
  const remove = useDeleteAccountMutation();
  const access = useWriteAccess('accounts', account.data ?? null);
  // e (components/shortcuts): the edit form, for those who may edit.
  useShortcut('edit', access.canWrite && account.data ? edit.open : null);

  if (account.isLoading) return null;
  if (!account.data) {
    return (
      <Alert color="gray" title={t('accounts.detail.notFound')}>
        <Anchor component={Link} to="/accounts">
          {t('common.back')}
        </Anchor>
      </Alert>
    );
  }
  const a = account.data;
  // Merged away (issue 19): the survivor opens instead.
  if (a.mergedIntoId) return <MergedRedirect kind="accounts" survivorId={a.mergedIntoId} />;

  const handleDelete = () =>
    modals.openConfirmModal({
      title: t('common.delete'),
      children: <Text size="sm">{t('accounts.detail.deleteConfirm', { name: a.name })}</Text>,
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        remove
          .mutateAsync(a.id)
          .then(() => navigate('/accounts'))
          .catch((e: unknown) => reportWriteError(e, t));
      },
    });

  return (
    <Stack data-testid="account-detail">
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          <Button
            variant="subtle"
            component={Link}
            to="/accounts"
            leftSection={<IconArrowLeft size={16} />}
          >
            {t('accounts.title')}
          </Button>
          <RecordSequenceNav kind="accounts" id={a.id} />
          <Title order={2} data-testid="account-title">
            {a.name}
          </Title>
          <Badge variant="light">{t(`lists.accountStatus.${a.status}`)}</Badge>
          {a.tier && (
            <Badge color="grape" variant="light">
              {t(`lists.tier.${a.tier}`)}
            </Badge>
          )}
          {a.deleted && <Badge color="red">{t('accounts.detail.deleted')}</Badge>}
          <ReadOnlyMarker access={access} />
          <PendingMark collection="accounts" id={a.id} />
        </Group>
        {access.canWrite ? (
          <Group gap="xs">
            <LogActivityButton
              withShortcut
              related={{ type: 'account', id: a.id, accountId: a.id, label: a.name }}
            />
            <Button
              variant="default"
              leftSection={<IconEdit size={16} />}
              onClick={edit.open}
              data-testid="edit-account"
            >
              {t('common.edit')}
            </Button>
            <MergeWithButton account={a} />
            <Button
              variant="default"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={handleDelete}
            >
              {t('common.delete')}
            </Button>
          </Group>
        ) : (
          access.known && (
            <Button
              variant="default"
              leftSection={<IconEye size={16} />}
              onClick={edit.open}
              data-testid="view-account"
            >
              {t('common.view')}
            </Button>
          )
        )}
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            <AccountFacts account={a} />
            <AccountTabs account={a} canWrite={access.canWrite} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <HealthCard account={a} />
          <Card withBorder mt="md">
            <Title order={4} mb="sm">
              {t('accounts.detail.timeline')}
            </Title>
            <AccountTimeline accountId={a.id} />
          </Card>
          <Card withBorder mt="md">
            <CommentThread
              target={{ collection: 'accounts', id: a.id, teamId: a.teamId, accountId: a.id }}
            />
          </Card>
        </Grid.Col>
      </Grid>
      <AccountFormModal opened={editOpened} onClose={edit.close} account={a} />
    </Stack>
  );
}

function AccountFacts({ account: a }: { account: Account }) {
  const { t, i18n } = useTranslation();
  const users = useUserMap();
  const hidden = useHiddenFields('accounts', a);
  const fact = (label: string, value: React.ReactNode) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </div>
  );
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        {fact(t('fields.creditCode'), a.creditCode)}
        {fact(t('fields.industry'), a.industry ? t(`industry.${a.industry}`) : '')}
        {fact(t('fields.sizeBand'), a.sizeBand ? t(`lists.sizeBand.${a.sizeBand}`) : '')}
        {fact(t('fields.region'), a.region ? t(`lists.region.${a.region}`) : '')}
        {fact(t('fields.source'), a.source ? t(`lists.source.${a.source}`) : '')}
        {fact(t('common.owner'), users.get(a.ownerId)?.name)}
        {fact(
          t('fields.phone'),
          hidden.has('phone') ? <HiddenValue testId="account-phone-hidden" /> : a.phone,
        )}
        {fact(t('fields.website'), a.website)}
        {fact(
          t('fields.tags'),
          formatList(
            a.tags.map((tag) => tagLabel(t, tag)),
            i18n.language,
          ),
        )}
        {fact(t('fields.address'), a.address)}
      </SimpleGrid>
      {a.notes && (
        <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {a.notes}
        </Text>
      )}
    </Card>
  );
}

/** `canWrite`: the account may be changed, so records can be added to it (same team, same rights). */
function AccountTabs({ account, canWrite }: { account: Account; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const contacts = useContactsByAccount(account.id);
  const contactMark = usePendingRowMark('contacts');
  const deals = useDealsByAccount(account.id);
  const tickets = useTicketsByAccount(account.id);
  const contracts = useContractsByAccount(account.id);
  const [contactOpened, contactModal] = useDisclosure(false);
  const [editingContact, setEditingContact] = useState<Contact | undefined>();
  const [dealOpened, dealModal] = useDisclosure(false);
  const [ticketOpened, ticketModal] = useDisclosure(false);
  const [contractOpened, contractModal] = useDisclosure(false);
  const money = (n: number) => formatMoney(n, i18n.language);
  const hidesContact = useFieldHider('contacts');
  const hidesDeal = useFieldHider('deals');
  const hidesContract = useFieldHider('contracts');
  const openDeals = (deals.data ?? []).filter((d) => d.status === 'open');
  // Search hits of a plan open the plan tab (?tab=plan).
  const [searchParams] = useSearchParams();

  return (
    <Card withBorder>
      <Tabs
        defaultValue={searchParams.get('tab') === 'plan' ? 'plan' : 'contacts'}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="contacts" data-testid="tab-contacts">
            {t('accounts.detail.contacts')} ({contacts.data?.length ?? 0})
          </Tabs.Tab>
          <Tabs.Tab value="deals" data-testid="tab-deals">
            {t('accounts.detail.deals')} ({deals.data?.length ?? 0})
          </Tabs.Tab>
          <Tabs.Tab value="tickets" data-testid="tab-tickets">
            {t('accounts.detail.tickets')} ({tickets.data?.length ?? 0})
          </Tabs.Tab>
          <Tabs.Tab value="contracts" data-testid="tab-contracts">
            {t('accounts.detail.contracts')} ({contracts.data?.length ?? 0})
          </Tabs.Tab>
          <Tabs.Tab value="plan" data-testid="tab-plan">
            {t('plans.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="history" data-testid="tab-history">
            {t('history.tab')}
          </Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="contacts" pt="sm">
          <Group justify="space-between" mb="xs">
            <Text size="sm" c="dimmed">
              {t('contacts.decisionChain')}
            </Text>
            {canWrite && (
              <Button
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() => {
                  setEditingContact(undefined);
                  contactModal.open();
                }}
                data-testid="add-contact"
              >
                {t('accounts.detail.addContact')}
              </Button>
            )}
          </Group>
          <Table highlightOnHover data-testid="account-contacts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.contactName')}</Table.Th>
                <Table.Th>{t('fields.title')}</Table.Th>
                <Table.Th>{t('fields.decisionRole')}</Table.Th>
                <Table.Th>{t('fields.decisionPower')}</Table.Th>
                <Table.Th>{t('fields.mobile')}</Table.Th>
                <Table.Th>{t('fields.email')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(contacts.data ?? []).map((c) => (
                <Table.Tr
                  key={c.id}
                  style={{ cursor: 'pointer' }}
                  onClick={() => {
                    setEditingContact(c);
                    contactModal.open();
                  }}
                  data-testid="account-contact-row"
                >
                  <Table.Td>
                    {contactMark(c.id)}
                    {c.name}
                  </Table.Td>
                  <Table.Td>{c.title}</Table.Td>
                  <Table.Td>
                    {c.decisionRole ? (
                      // Whole, in its own letters: the squeezed table cut it ("TECHNICAL BU…", issue 16).
                      <Badge variant="light" tt="none" miw="max-content">
                        {t(`lists.decisionRole.${c.decisionRole}`)}
                      </Badge>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    {c.decisionPower ? (
                      <Badge
                        color={
                          c.decisionPower === 'high'
                            ? 'red'
                            : c.decisionPower === 'medium'
                              ? 'yellow'
                              : 'gray'
                        }
                        variant="light"
                        miw="max-content"
                      >
                        {t(`lists.decisionPower.${c.decisionPower}`)}
                      </Badge>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{hidesContact(c, 'mobile') ? <HiddenValue /> : c.mobile}</Table.Td>
                  <Table.Td>{hidesContact(c, 'email') ? <HiddenValue /> : c.email}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>

        <Tabs.Panel value="deals" pt="sm">
          <Group justify="space-between" mb="xs">
            <Text size="sm" c="dimmed">
              {t('accounts.detail.openDeals')}: {openDeals.length} ·{' '}
              {t('accounts.detail.pipelineAmount')}: {money(dealsTotal(openDeals))}
            </Text>
            {canWrite && (
              <Button
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={dealModal.open}
                data-testid="add-deal"
              >
                {t('accounts.detail.newDeal')}
              </Button>
            )}
          </Group>
          <Table highlightOnHover data-testid="account-deals">
            <Table.Tbody>
              {(deals.data ?? []).map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/deals/${d.id}`}>
                      {d.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">
                      {t(`lists.stage.${d.stage}`, { defaultValue: d.stage })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{hidesDeal(d, 'amount') ? <HiddenValue /> : money(d.amount)}</Table.Td>
                  <Table.Td>{d.closeDate || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>

        <Tabs.Panel value="tickets" pt="sm">
          <Group justify="flex-end" mb="xs">
            {canWrite && (
              <Button
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={ticketModal.open}
                data-testid="add-ticket"
              >
                {t('accounts.detail.newTicket')}
              </Button>
            )}
          </Group>
          <Table highlightOnHover>
            <Table.Tbody>
              {(tickets.data ?? []).map((ticket) => (
                <Table.Tr key={ticket.id}>
                  <Table.Td>{ticket.number}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/tickets/${ticket.id}`}>
                      {ticket.subject}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`lists.ticketStatus.${ticket.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{t(`lists.ticketPriority.${ticket.priority}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>

        <Tabs.Panel value="contracts" pt="sm">
          <Group justify="flex-end" mb="xs">
            {canWrite && (
              <Button
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={contractModal.open}
                data-testid="add-contract"
              >
                {t('accounts.detail.newContract')}
              </Button>
            )}
          </Group>
          <Table highlightOnHover>
            <Table.Tbody>
              {(contracts.data ?? []).map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.number}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/contracts/${c.id}`}>
                      {c.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {hidesContract(c, 'amount') ? <HiddenValue /> : money(c.amount)}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`lists.contractStatus.${c.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{c.endDate ? formatDate(Date.parse(c.endDate)) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>

        <Tabs.Panel value="plan" pt="sm">
          <AccountPlan accountId={account.id} title={`${account.name} · ${t('plans.tab')}`} />
        </Tabs.Panel>

        <Tabs.Panel value="history" pt="sm">
          <RecordHistory collection="accounts" id={account.id} record={account} />
        </Tabs.Panel>
      </Tabs>
      <ContactFormModal
        opened={contactOpened}
        onClose={contactModal.close}
        accountId={account.id}
        contact={editingContact}
        footer={editingContact && <NpsPanel contact={editingContact} />}
      />
      <DealFormModal opened={dealOpened} onClose={dealModal.close} accountId={account.id} />
      <TicketFormModal opened={ticketOpened} onClose={ticketModal.close} accountId={account.id} />
      <ContractFormModal
        opened={contractOpened}
        onClose={contractModal.close}
        accountId={account.id}
      />
    </Card>
  );
}
