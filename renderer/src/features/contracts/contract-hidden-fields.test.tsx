import type { ReactNode } from 'react';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Contract } from '@shared/domain';
import '../../i18n';
import { buildAccount, buildContract } from '../../../../test/support/factories';
import type { CrmDatabase } from '../../data/database';
import type { Repositories } from '../../data/repositories';
import { openTestReplica } from '../../data/test-replica';
import { renderInTeamWorkspace } from '../../hooks/test-team-workspace';
import { ContractFormModal } from '../../entities/contracts/components/contract-form-modal';
import { ContractDetailPage } from './contract-detail-page';

let db: CrmDatabase;
let repos: Repositories;

beforeEach(async () => {
  ({ db, repos } = await openTestReplica());
});
afterEach(async () => {
  cleanup();
  await db.close();
});

function renderWith(ui: ReactNode, path = '/') {
  return renderInTeamWorkspace(ui, db, repos, path);
}

/** A contract of t1 whose amount (with plan and payments) only managers may see, or one the policy leaves alone. */
async function contractOf(hideAmount: boolean): Promise<Contract> {
  const account = await repos.accounts.create(buildAccount());
  // The replica holds what the server sent: a hidden amount arrives as 0, plan and payments empty.
  const contract = await repos.contracts.create(
    buildContract({ accountId: account.id, amount: hideAmount ? 0 : 120_000 }),
  );
  await repos.settings.saveFieldPolicy({
    rules: hideAmount
      ? [{ collection: 'contracts', field: 'amount', roles: ['manager'], ownTeam: false }]
      : [],
  });
  return contract;
}

describe('contract page: an amount the field policy hides', { timeout: 30_000 }, () => {
  const page = (id: string) =>
    renderWith(
      <Routes>
        <Route path="/contracts/:id" element={<ContractDetailPage />} />
      </Routes>,
      `/contracts/${id}`,
    );

  it('shows Hidden instead of ¥0 and offers no payment form', async () => {
    const contract = await contractOf(true);
    page(contract.id);
    const amount = await screen.findByTestId('contract-amount-value');
    await waitFor(() => expect(amount.textContent).toContain('已隐藏'));
    expect(amount.textContent).not.toContain('¥');
    expect(screen.getByTestId('payment-plan-hidden')).toBeTruthy();
    expect(screen.getByTestId('payments-hidden')).toBeTruthy();
    expect(screen.queryByTestId('payment-form')).toBeNull();
  });

  it('shows the amount when the policy does not hide it', async () => {
    const contract = await contractOf(false);
    page(contract.id);
    const amount = await screen.findByTestId('contract-amount-value');
    expect(amount.textContent).toContain('120,000');
    expect(amount.textContent).not.toContain('已隐藏');
    expect(screen.getByTestId('payment-form')).toBeTruthy();
  });
});

describe('contract form: an amount the field policy hides', { timeout: 30_000 }, () => {
  it('shows Hidden, read-only, and saves the other fields without amount or plan', async () => {
    const contract = await contractOf(true);
    renderWith(<ContractFormModal opened onClose={() => undefined} contract={contract} />);
    // The policy is read from the replica: the field turns into the marker once it is known.
    await waitFor(() =>
      expect(screen.getByTestId('contract-amount')).toHaveProperty('value', '已隐藏'),
    );
    expect(screen.getByTestId('contract-amount')).toHaveProperty('readOnly', true);
    expect(screen.getByTestId('payment-plan-hidden')).toBeTruthy();
    expect(screen.queryByTestId('plan-add')).toBeNull();

    const update = vi.spyOn(repos.contracts, 'update');
    fireEvent.change(screen.getByTestId('contract-title'), { target: { value: '改过的合同' } });
    fireEvent.click(await screen.findByTestId('contract-save'));
    await waitFor(async () =>
      expect((await repos.contracts.get(contract.id))?.title).toBe('改过的合同'),
    );
    // The save sends no hidden field: nothing for the server to refuse (sync.rejected.hiddenField).
    const patch = update.mock.calls[0]?.[1];
    expect(patch).not.toHaveProperty('amount');
    expect(patch).not.toHaveProperty('paymentPlan');
    expect(patch).toHaveProperty('title', '改过的合同');
  });

  it('offers the amount for editing when the policy does not hide it', async () => {
    const contract = await contractOf(false);
    renderWith(<ContractFormModal opened onClose={() => undefined} contract={contract} />);
    const amount = await screen.findByTestId('contract-amount');
    await waitFor(() => expect(amount).toHaveProperty('value', '¥120,000'));
    expect(amount.getAttribute('data-hidden-field')).toBeNull();
    expect(screen.getByTestId('payment-plan-editor')).toBeTruthy();
  });
});
