import { useState } from 'react';
import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { productValueSchema, type ProductValue } from '@shared/domain';
import { issuesFromZod } from '../../../data/errors';
import { notifySaved, reportWriteError } from '../../../components/write-errors';
import type { Product } from '../../../data/repositories';
import { useMyRole, useProductsQuery } from '../../../entities/quotes/queries';
import { useSaveProductMutation } from '../../../entities/quotes/mutations';
import { formatFen, yuanToFen } from '../../../entities/quotes/components/quote-format';

const EMPTY: ProductValue = {
  name: '',
  code: '',
  unit: '',
  unitPriceFen: 0,
  active: true,
  category: '',
};

/** The price list quotes pick from (settings kind `product`, issue 20): admins add, edit and deactivate products. */
export function ProductsCard() {
  const { t, i18n } = useTranslation();
  const products = useProductsQuery();
  const isAdmin = useMyRole() === 'admin';
  const [editing, setEditing] = useState<{ id: string | undefined; value: ProductValue } | null>(
    null,
  );
  const list = products.data ?? [];
  return (
    <Card withBorder data-testid="products-card">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('products.title')}</Title>
        {isAdmin && (
          <Button
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setEditing({ id: undefined, value: EMPTY })}
            data-testid="product-add"
          >
            {t('products.add')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {isAdmin ? t('products.intro') : t('products.readOnly')}
      </Text>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('products.empty')}
        </Text>
      ) : (
        <Table data-testid="products-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('products.field.code')}</Table.Th>
              <Table.Th>{t('products.field.name')}</Table.Th>
              <Table.Th>{t('products.field.category')}</Table.Th>
              <Table.Th>{t('products.field.unit')}</Table.Th>
              <Table.Th ta="right">{t('products.field.unitPrice')}</Table.Th>
              <Table.Th ta="right">{t('products.field.unitCost')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((p: Product) => (
              <Table.Tr key={p.id} data-testid="product-row" opacity={p.value.active ? 1 : 0.6}>
                <Table.Td>{p.value.code}</Table.Td>
                <Table.Td>
                  {p.value.name}{' '}
                  {!p.value.active && (
                    <Badge size="xs" color="gray">
                      {t('products.inactive')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{p.value.category}</Table.Td>
                <Table.Td>{p.value.unit}</Table.Td>
                <Table.Td ta="right">{formatFen(p.value.unitPriceFen, i18n.language)}</Table.Td>
                <Table.Td ta="right">
                  {p.value.unitCostFen === undefined
                    ? '—'
                    : formatFen(p.value.unitCostFen, i18n.language)}
                </Table.Td>
                <Table.Td>
                  {isAdmin && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      leftSection={<IconEdit size={12} />}
                      onClick={() => setEditing({ id: p.id, value: p.value })}
                      data-testid="product-edit"
                    >
                      {t('common.edit')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <ProductModal id={editing.id} initial={editing.value} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}

function ProductModal({
  id,
  initial,
  onClose,
}: {
  id: string | undefined;
  initial: ProductValue;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<ProductValue>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSaveProductMutation();
  const set = (patch: Partial<ProductValue>) => setValue((v) => ({ ...v, ...patch }));
  // An emptied cost field removes the cost (unknown), rather than storing 0 (a real, known cost).
  const setCost = (v: number | string) =>
    setValue((current) => {
      const next = { ...current };
      if (v === '') delete next.unitCostFen;
      else next.unitCostFen = yuanToFen(v);
      return next;
    });
  const handleSave = () => {
    // Field errors from the shared schema before anything is written (nothing valid is lost: the form stays).
    const parsed = productValueSchema.safeParse(value);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of issuesFromZod(parsed.error)) next[issue.path] ??= t(issue.message);
      setErrors(next);
      return;
    }
    setErrors({});
    save.mutate(
      { id, value: parsed.data },
      {
        onSuccess: () => {
          notifySaved(t);
          onClose();
        },
        onError: (e) => reportWriteError(e, t),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={id ? t('products.edit') : t('products.add')}>
      <Stack data-testid="product-form">
        <TextInput
          label={t('products.field.name')}
          value={value.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          error={errors.name}
          withAsterisk
          data-testid="product-name"
        />
        <Group grow>
          <TextInput
            label={t('products.field.code')}
            value={value.code}
            onChange={(e) => set({ code: e.currentTarget.value })}
            error={errors.code}
            data-testid="product-code"
          />
          <TextInput
            label={t('products.field.category')}
            value={value.category}
            onChange={(e) => set({ category: e.currentTarget.value })}
            error={errors.category}
          />
        </Group>
        <Group grow>
          <TextInput
            label={t('products.field.unit')}
            value={value.unit}
            onChange={(e) => set({ unit: e.currentTarget.value })}
            error={errors.unit}
            data-testid="product-unit"
          />
          <NumberInput
            label={t('products.field.unitPrice')}
            value={value.unitPriceFen / 100}
            min={0}
            decimalScale={2}
            thousandSeparator=","
            onChange={(v) => set({ unitPriceFen: yuanToFen(v) })}
            error={errors.unitPriceFen}
            data-testid="product-price"
          />
        </Group>
        <NumberInput
          label={t('products.field.unitCost')}
          description={t('products.field.unitCostHint')}
          value={value.unitCostFen === undefined ? '' : value.unitCostFen / 100}
          min={0}
          decimalScale={2}
          thousandSeparator=","
          onChange={setCost}
          error={errors.unitCostFen}
          data-testid="product-cost"
        />
        <Switch
          label={t('products.field.active')}
          checked={value.active}
          onChange={(e) => set({ active: e.currentTarget.checked })}
          data-testid="product-active"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={handleSave} loading={save.isPending} data-testid="product-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
