import type { ReactNode } from 'react';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lead } from '@shared/domain';
import '../../i18n';
import { buildLead } from '../../../../test/support/factories';
import type { CrmDatabase } from '../../data/database';
import type { Repositories } from '../../data/repositories';
import { openTestReplica } from '../../data/test-replica';
import { renderInTeamWorkspace } from '../../hooks/test-team-workspace';
import { LeadFormModal } from './components/lead-form-modal';

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

/** A lead of t1 whose mobile only managers may see (the replica holds it empty), or one the policy leaves alone. */
async function leadOf(hideMobile: boolean): Promise<Lead> {
  const lead = await repos.leads.create(buildLead({ mobile: hideMobile ? '' : '13800138000' }));
  await repos.settings.saveFieldPolicy({
    rules: hideMobile
      ? [{ collection: 'leads', field: 'mobile', roles: ['manager'], ownTeam: false }]
      : [],
  });
  return lead;
}

describe('lead form: a mobile the field policy hides', { timeout: 30_000 }, () => {
  it('shows Hidden, read-only, and saves the other fields without it', async () => {
    const lead = await leadOf(true);
    renderWith(<LeadFormModal opened onClose={() => undefined} lead={lead} />);
    await waitFor(() =>
      expect(screen.getByTestId('lead-mobile')).toHaveProperty('value', '已隐藏'),
    );
    expect(screen.getByTestId('lead-mobile')).toHaveProperty('readOnly', true);

    const update = vi.spyOn(repos.leads, 'update');
    fireEvent.change(screen.getByTestId('lead-name'), { target: { value: '改过的线索' } });
    fireEvent.click(await screen.findByTestId('lead-save'));
    await waitFor(async () => expect((await repos.leads.get(lead.id))?.name).toBe('改过的线索'));
    expect(update.mock.calls[0]?.[1]).not.toHaveProperty('mobile');
    expect(update.mock.calls[0]?.[1]).toHaveProperty('email');
  });

  it('offers the mobile for editing when the policy does not hide it', async () => {
    const lead = await leadOf(false);
    renderWith(<LeadFormModal opened onClose={() => undefined} lead={lead} />);
    await waitFor(() =>
      expect(screen.getByTestId('lead-mobile')).toHaveProperty('value', '13800138000'),
    );
    expect(screen.getByTestId('lead-mobile').getAttribute('data-hidden-field')).toBeNull();
  });
});
