import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Quote, QuoteLine } from '@shared/domain';
import {
  discountThreshold,
  effectiveDiscountPercent,
  quoteLineTotalFen,
  quoteNeedsDiscountApproval,
} from '@shared/rules/quote-math';
import { RecordValidationError } from '../../../data/errors';
import { reportWriteError, notifySaved } from '../../../components/write-errors';
import { useMyRole, useProductsQuery, useQuoteApprovalRulesQuery } from '../queries';
import { useSaveQuoteDraftMutation } from '../mutations';
import { formatFen, yuanToFen } from './quote-format';
import { QuoteTotalsTable } from './quote-totals';

export interface QuoteEditorModalProps {
  dealId: string;
  quote: Quote;
  onClose: () => void;
}

/** Edits a draft version: lines from the price list or free lines, discounts, tax, validity; totals live. */
export function QuoteEditorModal({ dealId, quote, onClose }: QuoteEditorModalProps) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Quote>(quote);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const products = useProductsQuery();
  const rules = useQuoteApprovalRulesQuery();
  const role = useMyRole();
  const save = useSaveQuoteDraftMutation();

  const setLine = (index: number, patch: Partial<QuoteLine>) =>
    setDraft((d) => ({
      ...d,
      lines: d.lines.map((l, i) => (i === index ? { ...l, ...patch } : l)),
    }));
  const addLine = (line: Omit<QuoteLine, 'id'>) =>
    setDraft((d) => ({ ...d, lines: [...d.lines, { ...line, id: crypto.randomUUID() }] }));
  const handlePick = (productId: string | null) => {
    const product = products.data?.find((p) => p.id === productId);
    if (!product) return;
    addLine({
      productId: product.id,
      product: product.value.name,
      unit: product.value.unit,
      quantity: 1,
      unitPriceFen: product.value.unitPriceFen,
      listPriceFen: product.value.unitPriceFen,
      discountPercent: 0,
      // The cost goes with the line so its margin stays what it was when quoted.
      ...(product.value.unitCostFen === undefined
        ? {}
        : { unitCostFen: product.value.unitCostFen }),
    });
  };
  const handleSave = () => {
    setErrors({});
    save.mutate(
      { dealId, quote: draft },
      {
        onSuccess: () => {
          notifySaved(t);
          onClose();
        },
        onError: (error) => {
          if (error instanceof RecordValidationError) {
            const next: Record<string, string> = {};
            for (const issue of error.issues) next[issue.path] ??= t(issue.message);
            setErrors(next);
          }
          reportWriteError(error, t);
        },
      },
    );
  };

  const effective = effectiveDiscountPercent(draft);
  const needsApproval = rules.data ? quoteNeedsDiscountApproval(draft, role, rules.data) : false;
  const active = (products.data ?? []).filter((p) => p.value.active);

  return (
    <Modal
      opened
      onClose={onClose}
      size="90rem"
      title={t('quotes.editor.title', { version: draft.version })}
      data-testid="quote-editor"
    >
      <Stack>
        <Group align="flex-end">
          <Select
            label={t('quotes.editor.pickProduct')}
            placeholder={active.length === 0 ? t('quotes.editor.noProducts') : undefined}
            data={active.map((p) => ({
              value: p.id,
              label: `${p.value.code ? `${p.value.code} · ` : ''}${p.value.name} · ${formatFen(p.value.unitPriceFen, i18n.language)}`,
            }))}
            value={null}
            onChange={handlePick}
            searchable
            disabled={active.length === 0}
            w={420}
            data-testid="quote-pick-product"
          />
          <Button
            variant="default"
            leftSection={<IconPlus size={16} />}
            onClick={() =>
              addLine({
                productId: '',
                product: '',
                unit: '',
                quantity: 1,
                unitPriceFen: 0,
                listPriceFen: 0,
                discountPercent: 0,
              })
            }
            data-testid="quote-add-free-line"
          >
            {t('quotes.editor.addFree')}
          </Button>
        </Group>
        {draft.lines.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('quotes.editor.noLines')}
          </Text>
        ) : (
          <Table data-testid="quote-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('quotes.editor.product')}</Table.Th>
                <Table.Th w={90}>{t('quotes.editor.unit')}</Table.Th>
                <Table.Th w={110}>{t('quotes.editor.quantity')}</Table.Th>
                <Table.Th w={160}>{t('quotes.editor.unitPrice')}</Table.Th>
                <Table.Th w={110}>{t('quotes.editor.lineDiscount')}</Table.Th>
                <Table.Th w={140}>{t('quotes.editor.lineTotal')}</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {draft.lines.map((line, i) => (
                <Table.Tr key={line.id} data-testid={`quote-line-${i}`}>
                  <Table.Td>
                    <TextInput
                      aria-label={t('quotes.editor.product')}
                      value={line.product}
                      onChange={(e) => setLine(i, { product: e.currentTarget.value })}
                      error={errors[`lines.${i}.product`]}
                      data-testid="quote-line-product"
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('quotes.editor.unit')}
                      value={line.unit}
                      onChange={(e) => setLine(i, { unit: e.currentTarget.value })}
                      error={errors[`lines.${i}.unit`]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('quotes.editor.quantity')}
                      value={line.quantity}
                      min={0}
                      decimalScale={3}
                      onChange={(v) => setLine(i, { quantity: typeof v === 'number' ? v : 0 })}
                      error={errors[`lines.${i}.quantity`]}
                      data-testid="quote-line-quantity"
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('quotes.editor.unitPrice')}
                      value={line.unitPriceFen / 100}
                      min={0}
                      decimalScale={2}
                      thousandSeparator=","
                      onChange={(v) => setLine(i, { unitPriceFen: yuanToFen(v) })}
                      error={errors[`lines.${i}.unitPriceFen`]}
                      description={
                        line.listPriceFen && line.listPriceFen !== line.unitPriceFen
                          ? t('quotes.editor.listPrice', {
                              price: formatFen(line.listPriceFen, i18n.language),
                            })
                          : undefined
                      }
                      data-testid="quote-line-price"
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('quotes.editor.lineDiscount')}
                      value={line.discountPercent}
                      min={0}
                      max={100}
                      decimalScale={2}
                      onChange={(v) =>
                        setLine(i, { discountPercent: typeof v === 'number' ? v : 0 })
                      }
                      error={errors[`lines.${i}.discountPercent`]}
                      data-testid="quote-line-discount"
                    />
                  </Table.Td>
                  <Table.Td data-testid="quote-line-total">
                    {formatFen(quoteLineTotalFen(line), i18n.language)}
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('quotes.editor.removeLine')}
                      onClick={() =>
                        setDraft((d) => ({ ...d, lines: d.lines.filter((_, j) => j !== i) }))
                      }
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group align="flex-start">
          <NumberInput
            label={t('quotes.editor.discount')}
            value={draft.discountPercent}
            min={0}
            max={100}
            decimalScale={2}
            onChange={(v) =>
              setDraft((d) => ({ ...d, discountPercent: typeof v === 'number' ? v : 0 }))
            }
            error={errors.discountPercent}
            data-testid="quote-discount"
          />
          <NumberInput
            label={t('quotes.editor.taxRate')}
            value={draft.taxRatePercent}
            min={0}
            max={100}
            decimalScale={2}
            onChange={(v) =>
              setDraft((d) => ({ ...d, taxRatePercent: typeof v === 'number' ? v : 0 }))
            }
            error={errors.taxRatePercent}
            data-testid="quote-tax"
          />
          <DateInput
            label={t('quotes.editor.validUntil')}
            valueFormat="YYYY-MM-DD"
            clearable
            value={draft.validUntil || null}
            onChange={(v: string | null) => setDraft((d) => ({ ...d, validUntil: v ?? '' }))}
            error={errors.validUntil}
            data-testid="quote-valid-until"
          />
        </Group>
        <Textarea
          label={t('quotes.editor.note')}
          value={draft.note}
          onChange={(e) => {
            const note = e.currentTarget.value;
            setDraft((d) => ({ ...d, note }));
          }}
          error={errors.note}
          autosize
          minRows={2}
        />
        <QuoteTotalsTable quote={draft} />
        <Group gap="xs">
          <Text size="sm">
            {t('quotes.totals.effective')}:{' '}
            <b data-testid="quote-effective-discount">{effective} %</b>
          </Text>
          {rules.data && (
            <Badge
              color={needsApproval ? 'orange' : 'green'}
              variant="light"
              data-testid="quote-editor-approval"
            >
              {needsApproval ? t('quotes.approval.needed') : t('quotes.approval.notNeeded')} (
              {discountThreshold(role, rules.data)} %)
            </Badge>
          )}
        </Group>
        {Object.keys(errors).length > 0 && (
          <Alert color="red" data-testid="quote-editor-errors">
            {t('common.fixErrors')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={handleSave} loading={save.isPending} data-testid="quote-save">
            {t('quotes.editor.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
