import type { ReactNode } from 'react';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Account, Contact } from '@shared/domain';
import '../../i18n';
import { buildAccount, buildContact } from '../../../../test/support/factories';
import type { CrmDatabase } from '../../data/database';
import type { Repositories } from '../../data/repositories';
import { openTestReplica } from '../../data/test-replica';
import { renderInTeamWorkspace } from '../../hooks/test-team-workspace';
import { AccountDetailPage } from './account-detail-page';
import { AccountFormModal } from './components/account-form-modal';

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

/** An account of t1 whose phone only managers may see (the replica holds it empty), or one the policy leaves alone. */
async function accountOf(hidePhone: boolean): Promise<Account> {
  const account = await repos.accounts.create(
    buildAccount({ phone: hidePhone ? '' : '0571-88886666' }),
  );
  await repos.settings.saveFieldPolicy({
    rules: hidePhone
      ? [{ collection: 'accounts', field: 'phone', roles: ['manager'], ownTeam: false }]
      : [],
  });
  return account;
}

describe('account: a phone the field policy hides', { timeout: 30_000 }, () => {
  const page = (id: string) =>
    renderWith(
      <Routes>
        <Route path="/accounts/:id" element={<AccountDetailPage />} />
      </Routes>,
      `/accounts/${id}`,
    );

  it('shows Hidden on the account page', async () => {
    const account = await accountOf(true);
    page(account.id);
    expect(await screen.findByTestId('account-phone-hidden')).toBeTruthy();
  });

  it('shows the phone on the account page when the policy does not hide it', async () => {
    const account = await accountOf(false);
    page(account.id);
    expect(await screen.findByText('0571-88886666')).toBeTruthy();
    expect(screen.queryByTestId('account-phone-hidden')).toBeNull();
  });

  it('shows Hidden, read-only, in the form and saves without it', async () => {
    const account = await accountOf(true);
    renderWith(<AccountFormModal opened onClose={() => undefined} account={account} />);
    await waitFor(() =>
      expect(screen.getByTestId('account-phone')).toHaveProperty('value', '已隐藏'),
    );
    expect(screen.getByTestId('account-phone')).toHaveProperty('readOnly', true);

    const update = vi.spyOn(repos.accounts, 'update');
    fireEvent.click(await screen.findByTestId('account-save'));
    await waitFor(() => expect(update).toHaveBeenCalled());
    expect(update.mock.calls[0]?.[1]).not.toHaveProperty('phone');
    expect(update.mock.calls[0]?.[1]).toHaveProperty('website');
  });
});

/** A contact of t1 whose mobile (with `hideMobile`; otherwise its WeChat) only managers may see. */
async function contactOf(hideMobile: boolean): Promise<Contact> {
  const account = await repos.accounts.create(buildAccount());
  // The replica holds what the server sent: a hidden mobile arrives empty.
  const contact = await repos.contacts.create(
    buildContact({ accountId: account.id, mobile: hideMobile ? '' : '13800138000' }),
  );
  await repos.settings.saveFieldPolicy({
    rules: hideMobile
      ? [{ collection: 'contacts', field: 'mobile', roles: ['manager'], ownTeam: false }]
      : [{ collection: 'contacts', field: 'wechat', roles: ['manager'], ownTeam: false }],
  });
  return contact;
}

describe("account page (a contact's page): contacts' mobiles", { timeout: 30_000 }, () => {
  const page = (accountId: string) =>
    renderWith(
      <Routes>
        <Route path="/accounts/:id" element={<AccountDetailPage />} />
      </Routes>,
      `/accounts/${accountId}`,
    );

  it('shows Hidden instead of an empty mobile', async () => {
    const contact = await contactOf(true);
    page(contact.accountId);
    const row = await screen.findByTestId('account-contact-row');
    await waitFor(() => expect(row.textContent).toContain('已隐藏'));
  });

  it('shows the mobile when the policy does not hide it', async () => {
    const contact = await contactOf(false);
    page(contact.accountId);
    const row = await screen.findByTestId('account-contact-row');
    expect(row.textContent).toContain('13800138000');
    expect(row.textContent).not.toContain('已隐藏');
  });
});
