import { useEffect, useState } from 'react';
import { Button, Group, TextInput } from '@mantine/core';
import { IconExternalLink, IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { InboxEntry } from '../../../data/inbox-collection';
import { useRepositories } from '../../../hooks/use-workspace';
import { contractKeys } from '../queries';
import { loadNextContractNumber } from '../numbering';

/**
 * A contract the server refused for a number another contract holds (issue 20): the next free number by the
 * pattern is proposed (past the refused one too, which may belong to a contract this replica cannot see), the
 * person may change it, and the contract as typed is applied again with it, so nothing is lost.
 */
export function ContractNumberFix({
  entry,
  onApply,
  applying,
}: {
  entry: InboxEntry;
  /** Applies the entry again with `attempted` carrying the new number (the inbox's apply). */
  onApply: (fixed: InboxEntry) => void;
  applying: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const repos = useRepositories();
  const taken = entry.params.number ?? '';
  const proposal = useQuery({
    queryKey: [...contractKeys.all, 'nextNumber', 'inbox', entry.id],
    queryFn: () => loadNextContractNumber(repos, taken ? [taken] : []),
  });
  const [number, setNumber] = useState('');
  useEffect(() => {
    if (proposal.data && !number) setNumber(proposal.data);
    // Only the first proposal fills the field; the person's typing wins afterwards.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [proposal.data]);

  const handleApply = () =>
    onApply({ ...entry, attempted: { ...entry.attempted, number: number.trim() } });

  return (
    <Group align="flex-end" gap="xs" data-testid="contract-number-fix">
      <TextInput
        size="xs"
        label={t('inbox.contractNumber.label')}
        value={number}
        onChange={(e) => setNumber(e.currentTarget.value)}
        ff="monospace"
        data-testid="contract-number-fix-input"
      />
      <Button
        size="xs"
        leftSection={<IconRefresh size={14} />}
        onClick={handleApply}
        disabled={!number.trim() || number.trim() === taken}
        loading={applying}
        data-testid="contract-number-fix-apply"
      >
        {t('inbox.contractNumber.apply')}
      </Button>
      {entry.params.existingId && (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconExternalLink size={14} />}
          onClick={() => void navigate(`/contracts/${entry.params.existingId}`)}
          data-testid="contract-number-open-existing"
        >
          {t('inbox.contractNumber.openExisting')}
        </Button>
      )}
    </Group>
  );
}
