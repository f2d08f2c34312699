import { useMemo } from 'react';
import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Deal } from '@shared/domain';
import type { Quote } from '@shared/domain/quote';
import { useWriteAccess } from '../../../hooks/use-write-access';
import { ContractFormModal } from './contract-form-modal';
import { contractPrefillFromQuote, mayMakeContractFrom } from '../quote-prefill';

/**
 * "Create contract" on a quote version of the deal page (issue 20): the contract form prefilled from the quote
 * (account, deal, quoteId, the grand total, a title and the lines in the notes), the number from the pattern.
 * Shown for accepted and sent versions to people who may create contracts.
 */
export function ContractFromQuoteButton({ deal, quote }: { deal: Deal; quote: Quote }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [opened, form] = useDisclosure(false);
  const canCreate = useWriteAccess('contracts', null).canWrite;
  const prefill = useMemo(
    () => (opened ? contractPrefillFromQuote(deal, quote, t, i18n.language) : undefined),
    [opened, deal, quote, t, i18n.language],
  );
  if (!canCreate || !mayMakeContractFrom(quote)) return null;
  return (
    <>
      <Button
        size="xs"
        variant="light"
        leftSection={<IconFileText size={14} />}
        onClick={form.open}
        data-testid="contract-from-quote"
      >
        {t('contractFromQuote.create')}
      </Button>
      {opened && (
        <ContractFormModal
          opened={opened}
          onClose={form.close}
          prefill={prefill}
          onSaved={(contract) => void navigate(`/contracts/${contract.id}`)}
        />
      )}
    </>
  );
}
