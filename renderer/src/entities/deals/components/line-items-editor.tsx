import { ActionIcon, Button, Group, NumberInput, Table, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { lineItemTotal, lineItemsTotal } from '@shared/rules/deal-math';
import { formatMoney } from '../../../components/format';

/** A line item as typed: number inputs hold '' while empty. */
export interface LineItemValues {
  id: string;
  product: string;
  quantity: number | string;
  unitPrice: number | string;
  discount: number | string;
}

/** A typed number ('' or a numeric string while editing) as a number; empty counts as 0. */
export function toNumber(value: number | string): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : 0;
}

export function parseLineItems(rows: readonly LineItemValues[]) {
  return rows.map((row) => ({
    id: row.id,
    product: row.product,
    quantity: toNumber(row.quantity),
    unitPrice: toNumber(row.unitPrice),
    discount: toNumber(row.discount),
  }));
}

interface LineItemsForm {
  lineItems: LineItemValues[];
}

/**
 * Quote lines (报价明细): product, quantity, unit price and discount, with each line's total and the grand
 * total (shared/rules/deal-math, rounded to the fen like a printed quote). The deal amount follows the total.
 */
export function LineItemsEditor<T extends LineItemsForm>({ form }: { form: UseFormReturnType<T> }) {
  const { t, i18n } = useTranslation();
  // The generic form is only used through the line item paths below.
  const f = form as unknown as UseFormReturnType<LineItemsForm>;
  const rows = f.values.lineItems;
  const items = parseLineItems(rows);
  const money = (amount: number) => formatMoney(amount, i18n.language);

  const handleAdd = () =>
    f.insertListItem('lineItems', {
      id: crypto.randomUUID(),
      product: '',
      quantity: 1,
      unitPrice: 0,
      discount: 0,
    } satisfies LineItemValues);

  return (
    <div data-testid="line-items">
      <Group justify="space-between" mb={4}>
        <Text fw={500} size="sm">
          {t('fields.lineItems')}
        </Text>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={handleAdd}
          data-testid="line-item-add"
        >
          {t('deals.lineItems.add')}
        </Button>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('deals.lineItems.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={4} horizontalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('deals.lineItems.product')}</Table.Th>
              <Table.Th w={90}>{t('deals.lineItems.quantity')}</Table.Th>
              <Table.Th w={130}>{t('deals.lineItems.unitPrice')}</Table.Th>
              <Table.Th w={90}>{t('deals.lineItems.discount')}</Table.Th>
              <Table.Th w={120} ta="right">
                {t('deals.lineItems.lineTotal')}
              </Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => (
              <Table.Tr key={row.id} data-testid="line-item-row">
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={t('deals.lineItems.product')}
                    {...f.getInputProps(`lineItems.${index}.product`)}
                    data-testid="line-item-product"
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    min={0}
                    decimalScale={2}
                    hideControls
                    aria-label={t('deals.lineItems.quantity')}
                    {...f.getInputProps(`lineItems.${index}.quantity`)}
                    data-testid="line-item-quantity"
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    min={0}
                    decimalScale={2}
                    thousandSeparator=","
                    prefix="¥"
                    hideControls
                    aria-label={t('deals.lineItems.unitPrice')}
                    {...f.getInputProps(`lineItems.${index}.unitPrice`)}
                    data-testid="line-item-price"
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    min={0}
                    max={100}
                    decimalScale={2}
                    suffix="%"
                    hideControls
                    aria-label={t('deals.lineItems.discount')}
                    {...f.getInputProps(`lineItems.${index}.discount`)}
                    data-testid="line-item-discount"
                  />
                </Table.Td>
                <Table.Td ta="right" data-testid="line-item-total">
                  {money(lineItemTotal(items[index]))}
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => f.removeListItem('lineItems', index)}
                    aria-label={t('deals.lineItems.remove')}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Td colSpan={4} ta="right" fw={600}>
                {t('deals.lineItems.grandTotal')}
              </Table.Td>
              <Table.Td ta="right" fw={600} data-testid="line-items-total">
                {money(lineItemsTotal(items))}
              </Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}
    </div>
  );
}
