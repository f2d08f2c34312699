import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../shared/sync';
import { LEAD_ASSIGNMENT_KEY, type Lead, type LeadAssignmentValue } from '../../shared/domain';
import { buildLead } from '../support/factories';
import { api, engineName, eventually, useTestServer, type TestClient } from './support/harness';

/**
 * Lead assignment across teams (issue 19; sync/server/records/lead-assignment.ts): a rep of East creates an
 * unowned lead that the rules give to North. East's laptop must not keep a copy it may no longer read — the push
 * reply is a tombstone for it, and a scope exit covers a replica that missed the reply — while North's rep and a
 * manager above both teams get the lead. Real laptops (the app's sync engine and repositories) over real sockets.
 */
describe(
  `a lead assigned to another team leaves its creator's laptop (${engineName})`,
  {
    timeout: 120_000,
  },
  () => {
    const env = useTestServer({ collections: ['leads'] });
    let east: string;
    let north: string;
    let eastRep: SessionResponse;
    let eastMate: SessionResponse;
    let northRep: SessionResponse;
    let regionManager: SessionResponse;

    beforeAll(async () => {
      const region = await env.createTeam('华东华北大区');
      north = await env.createTeam('华北销售', region);
      east = await env.createTeam('华东销售', region);
      eastRep = await env.addUser('rep', east, 'east-creator');
      eastMate = await env.addUser('rep', east, 'east-mate');
      northRep = await env.addUser('rep', north, 'north-rep');
      regionManager = await env.addUser('manager', region, 'region-manager');
      const value: LeadAssignmentValue = {
        enabled: true,
        rules: [
          {
            id: 'beijing-north',
            name: '北京的线索给华北',
            regions: ['beijing'],
            industries: [],
            target: { kind: 'team', teamId: north },
          },
        ],
        capacity: 0,
        fallbackOwnerId: '',
      };
      const res = await api(
        env.server,
        'POST',
        '/api/records/settings',
        {
          id: `${env.admin.workspace.id}:${LEAD_ASSIGNMENT_KEY}`,
          teamId: '',
          kind: 'leadAssignment',
          key: LEAD_ASSIGNMENT_KEY,
          value,
        },
        env.admin.accessToken,
      );
      expect(res.status).toBe(201);
    }, 60_000);

    const storedLead = async (id: string) => {
      const res = await api<Lead>(
        env.server,
        'GET',
        `/api/records/leads/${id}`,
        undefined,
        env.admin.accessToken,
      );
      expect(res.status).toBe(200);
      return res.body;
    };
    /** What the laptop's replica holds of the record, tombstones included (null: nothing). */
    const replicaDoc = async (client: TestClient, id: string) => {
      const doc = await client.db.leads.storageInstance.findDocumentsById([id], true);
      return (doc[0] as (Lead & { _deleted: boolean }) | undefined) ?? null;
    };

    it('East creates an unowned lead the rules give to North: only North and the manager keep it', async () => {
      const eastLaptop = await env.connect(eastRep, { synced: true });
      const mateLaptop = await env.connect(eastMate, { synced: true });
      const northLaptop = await env.connect(northRep, { synced: true });
      const managerLaptop = await env.connect(regionManager, { synced: true });

      const lead = await eastLaptop.repos.leads.create(
        buildLead({ name: '北京朝阳新零售', region: 'beijing', ownerId: '', teamId: east }),
      );
      expect(lead).toMatchObject({ ownerId: '', teamId: east });
      await eastLaptop.engine.awaitInSync();

      await eventually(async () =>
        expect(await storedLead(lead.id)).toMatchObject({
          ownerId: northRep.user.id,
          teamId: north,
        }),
      );
      // North's rep and the manager above both teams have it, with its new owner.
      await eventually(async () => {
        expect(await northLaptop.repos.leads.get(lead.id)).toMatchObject({
          ownerId: northRep.user.id,
          teamId: north,
        });
        expect(await managerLaptop.repos.leads.get(lead.id)).toMatchObject({
          ownerId: northRep.user.id,
        });
      });
      // The creator's laptop let it go: not listed, and its replica holds only a tombstone.
      await eventually(async () => {
        expect(await eastLaptop.repos.leads.get(lead.id)).toBeNull();
        const held = await replicaDoc(eastLaptop, lead.id);
        expect(held === null || held._deleted).toBe(true);
      });
      expect(await eastLaptop.db.leads.count().exec()).toBe(0);
      // Nothing waits to be pushed and nothing was refused: the tombstone is the server's answer, not an edit.
      await eastLaptop.engine.awaitInSync();
      expect(eastLaptop.rejections).toEqual([]);
      expect(await storedLead(lead.id)).toMatchObject({
        ownerId: northRep.user.id,
        deleted: false,
      });

      // A replica of East that missed the reply gets the tombstone from its next pull (a scope exit, as for a move).
      const exits = await env.server.sql.query<{ old_team_id: string }>(
        'SELECT old_team_id FROM scope_exits WHERE workspace_id = $1 AND collection = $2 AND id = $3',
        [env.admin.workspace.id, 'leads', lead.id],
      );
      expect(exits.map((e) => e.old_team_id)).toEqual([east]);
      // The creator's laptop opened again from an empty replica pulls nothing of it; the teammate never had it.
      const fresh = await env.connect(eastRep, { synced: true });
      expect(await fresh.repos.leads.get(lead.id)).toBeNull();
      expect(await mateLaptop.repos.leads.get(lead.id)).toBeNull();
    });

    it('a REST create the rules give to another team answers its id only, not the stored lead', async () => {
      const created = await api<Record<string, unknown>>(
        env.server,
        'POST',
        '/api/records/leads',
        { ...buildLead({ name: '北京朝阳表单线索', region: 'beijing' }), ownerId: '' },
        eastRep.accessToken,
      );
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      // Nothing of the stored record (its new owner, team, fields): the id and a note that it went elsewhere.
      expect(Object.keys(created.body).sort()).toEqual(['id', 'message', 'routedElsewhere']);
      expect(created.body.routedElsewhere).toBe(true);
      expect(await storedLead(id)).toMatchObject({ ownerId: northRep.user.id, teamId: north });
      const read = await api(
        env.server,
        'GET',
        `/api/records/leads/${id}`,
        undefined,
        eastRep.accessToken,
      );
      expect(read.status).toBe(404);
      // A create its creator may still read answers with the stored record, as before.
      const own = await api<Lead>(
        env.server,
        'POST',
        '/api/records/leads',
        buildLead({ name: '上海浦东自有线索', region: 'shanghai' }),
        eastRep.accessToken,
      );
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({
        ownerId: eastRep.user.id,
        teamId: east,
        region: 'shanghai',
      });
    });

    it('a lead the rules place in a team its creator still sees stays on their laptop with its new owner', async () => {
      const managerLaptop = await env.connect(regionManager, { synced: true });
      const lead = await managerLaptop.repos.leads.create(
        buildLead({ name: '北京海淀智能制造', region: 'beijing', ownerId: '', teamId: east }),
      );
      await managerLaptop.engine.awaitInSync();
      await eventually(async () =>
        expect(await managerLaptop.repos.leads.get(lead.id)).toMatchObject({
          ownerId: northRep.user.id,
          teamId: north,
        }),
      );
    });
  },
);
