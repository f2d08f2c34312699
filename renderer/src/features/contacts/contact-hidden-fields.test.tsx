import type { ReactNode } from 'react';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Contact } from '@shared/domain';
import '../../i18n';
import { buildAccount, buildContact } from '../../../../test/support/factories';
import type { CrmDatabase } from '../../data/database';
import type { Repositories } from '../../data/repositories';
import { openTestReplica } from '../../data/test-replica';
import { renderInTeamWorkspace } from '../../hooks/test-team-workspace';
import { ContactFormModal } from '../../entities/contacts/components/contact-form-modal';

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

describe('contact form: a mobile the field policy hides', { timeout: 30_000 }, () => {
  it('shows Hidden, read-only, and saves the other fields without it', async () => {
    const contact = await contactOf(true);
    renderWith(<ContactFormModal opened onClose={() => undefined} contact={contact} />);
    const mobile = await screen.findByDisplayValue('已隐藏');
    expect(mobile).toHaveProperty('readOnly', true);
    expect(mobile.getAttribute('data-hidden-field')).toBe('true');
    expect(screen.getByTestId('contact-mobile')).toBe(mobile);

    const update = vi.spyOn(repos.contacts, 'update');
    fireEvent.change(screen.getByTestId('contact-name'), { target: { value: '改过的名字' } });
    fireEvent.click(await screen.findByTestId('contact-save'));
    await waitFor(async () =>
      expect((await repos.contacts.get(contact.id))?.name).toBe('改过的名字'),
    );
    // The save sends no hidden field: nothing for the server to refuse (sync.rejected.hiddenField).
    expect(update.mock.calls[0]?.[1]).not.toHaveProperty('mobile');
    expect(update.mock.calls[0]?.[1]).toHaveProperty('email');
  });

  it('offers the mobile for editing when the policy does not hide it', async () => {
    const contact = await contactOf(false);
    renderWith(<ContactFormModal opened onClose={() => undefined} contact={contact} />);
    const mobile = await screen.findByTestId('contact-mobile');
    await waitFor(() => expect(mobile).toHaveProperty('value', '13800138000'));
    expect(mobile.getAttribute('data-hidden-field')).toBeNull();
    // The policy is in force, for another field.
    expect(screen.getByTestId('contact-wechat')).toHaveProperty('value', '已隐藏');
  });
});
