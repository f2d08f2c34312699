import { useState } from 'react';
import { Button, Group, List, Modal, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { missingStageFields } from '@shared/rules/stage-gate';
import { decisionMakerCandidates } from '@shared/rules/decision-chain';
import type { Deal, PipelineStage } from '@shared/domain';
import { stageLabel } from '../../../entities/deals/stage-label';
import { useContactsByAccount } from '../../../entities/contacts/queries';

/** A stage change the stage gate refused; the person may fill in the missing fields and try again. */
export interface RefusedMove {
  deal: Deal;
  stage: PipelineStage;
}

export interface StageGateDialogProps {
  refused: RefusedMove | null;
  onClose: () => void;
  /** The dialog has closed (after its transition): where focus goes back to the board. */
  onClosed?: () => void;
  /**
   * Open the deal form on the target stage, with the missing fields marked; `decisionMakerId` is a contact of
   * the decision chain chosen here, to fill in the form's decision maker.
   */
  onFill: (refused: RefusedMove, decisionMakerId?: string) => void;
  /**
   * Only the decision maker was missing and a contact of the decision chain was chosen: save them as the deal's
   * decision maker and retry the move.
   */
  onDecisionMaker: (refused: RefusedMove, contactId: string) => void;
}

/**
 * Says which fields the stage needs (stage gates) and offers to fill them in now. When the decision maker is
 * missing and contacts of the account are tagged 决策人 (shared/rules/decision-chain.ts), it offers them
 * (issue 16): the only one is chosen already; when nothing else is missing, one button sets the decision maker
 * and moves the deal.
 */
export function StageGateDialog({
  refused,
  onClose,
  onClosed,
  onFill,
  onDecisionMaker,
}: StageGateDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={!!refused}
      onClose={onClose}
      onExitTransitionEnd={onClosed}
      returnFocus={!onClosed}
      title={t('deals.gate.title')}
    >
      {refused && (
        <StageGateContent
          key={`${refused.deal.id}:${refused.stage.id}`}
          refused={refused}
          onClose={onClose}
          onFill={onFill}
          onDecisionMaker={onDecisionMaker}
        />
      )}
    </Modal>
  );
}

function StageGateContent({
  refused,
  onClose,
  onFill,
  onDecisionMaker,
}: Omit<StageGateDialogProps, 'refused' | 'onClosed'> & { refused: RefusedMove }) {
  const { t } = useTranslation();
  const missing = missingStageFields(refused.deal, refused.stage);
  const needsDecisionMaker = missing.includes('decisionMakerId');
  const contacts = useContactsByAccount(needsDecisionMaker ? refused.deal.accountId : undefined);
  const candidates = needsDecisionMaker
    ? decisionMakerCandidates(refused.deal, contacts.data ?? [])
    : [];
  const [picked, setPicked] = useState<string | null>(null);
  const chosen = picked ?? (candidates.length === 1 ? candidates[0].id : null);
  const onlyDecisionMaker = candidates.length > 0 && missing.length === 1;
  const stage = stageLabel(t, refused.stage);

  return (
    <Stack data-testid="stage-gate-dialog">
      <Text size="sm">{t('deals.gate.explain', { stage, deal: refused.deal.name })}</Text>
      <List size="sm" data-testid="stage-gate-missing">
        {missing.map((field) => (
          <List.Item key={field}>{t(`fields.${field}`, { defaultValue: field })}</List.Item>
        ))}
      </List>
      {candidates.length > 0 && (
        <Radio.Group
          label={t('deals.gate.chainLabel')}
          description={
            onlyDecisionMaker ? t('deals.gate.chainHint') : t('deals.gate.chainFillsForm')
          }
          value={chosen}
          onChange={setPicked}
          data-testid="stage-gate-chain"
        >
          <Stack gap="xs" mt="xs">
            {candidates.map((contact) => (
              <Radio
                key={contact.id}
                value={contact.id}
                label={contact.title ? `${contact.name} · ${contact.title}` : contact.name}
                data-testid="stage-gate-candidate"
                data-contact-name={contact.name}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        {onlyDecisionMaker ? (
          <Button
            disabled={!chosen}
            onClick={() => chosen && onDecisionMaker(refused, chosen)}
            data-testid="stage-gate-use-decision-maker"
            data-autofocus={chosen ? true : undefined}
          >
            {t('deals.gate.useAndMove', { stage })}
          </Button>
        ) : (
          <Button
            onClick={() => onFill(refused, chosen ?? undefined)}
            data-testid="stage-gate-fill"
          >
            {t('deals.gate.fillIn')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
