import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { missingStageFields } from '@shared/rules/stage-gate';
import type { Deal, PipelineStage } from '@shared/domain';
import { stageLabel } from '../../../entities/deals/stage-label';

/** A stage change the stage gate refused; the person may fill in the missing fields and try again. */
export interface RefusedMove {
  deal: Deal;
  stage: PipelineStage;
}

export interface StageGateDialogProps {
  refused: RefusedMove | null;
  onClose: () => void;
  /** Open the deal form on the target stage, with the missing fields marked. */
  onFill: (refused: RefusedMove) => void;
}

/** Says which fields the stage needs (stage gates) and offers to fill them in now. */
export function StageGateDialog({ refused, onClose, onFill }: StageGateDialogProps) {
  const { t } = useTranslation();
  const missing = refused ? missingStageFields(refused.deal, refused.stage) : [];
  return (
    <Modal opened={!!refused} onClose={onClose} title={t('deals.gate.title')}>
      {refused && (
        <Stack data-testid="stage-gate-dialog">
          <Text size="sm">
            {t('deals.gate.explain', {
              stage: stageLabel(t, refused.stage),
              deal: refused.deal.name,
            })}
          </Text>
          <List size="sm" data-testid="stage-gate-missing">
            {missing.map((field) => (
              <List.Item key={field}>{t(`fields.${field}`, { defaultValue: field })}</List.Item>
            ))}
          </List>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => onFill(refused)} data-testid="stage-gate-fill">
              {t('deals.gate.fillIn')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
