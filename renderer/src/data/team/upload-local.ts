import { LOCAL_USER_ID, type CollectionName } from '@shared/domain';
import { openCrmDatabase } from '../database';
import type { Workspace } from '../workspace';

const UPLOADED: CollectionName[] = [
  'accounts',
  'contacts',
  'leads',
  'deals',
  'contracts',
  'tickets',
  'activities',
  'approvals',
];
const PAGE = 500;

/**
 * "Upload my local workspace": copies the local workspace's business records into a team workspace's
 * replica, re-stamped with the team workspace, the person's team and user id; replication then pushes
 * them (and the server validates them like any other write). The local workspace itself is left intact.
 */
export async function uploadLocalWorkspace(
  target: Workspace,
  localDatabaseName: string,
  onProgress?: (done: number) => void,
): Promise<number> {
  const { session } = target;
  const restamp = (userId: string) =>
    userId === LOCAL_USER_ID || userId === '' ? session.userId : userId;
  let copied = 0;
  // One local collection open at a time: RxDB open-core allows 13 open collections per page and the team
  // workspace already has 11 open.
  for (const name of UPLOADED) {
    const local = await openCrmDatabase({ name: localDatabaseName, collections: [name] });
    try {
      for (let skip = 0; ; skip += PAGE) {
        const docs = await local[name]
          .find({ selector: {}, sort: [{ id: 'asc' }], limit: PAGE, skip })
          .exec();
        if (docs.length === 0) break;
        const records = docs.map((doc) => {
          const data = doc.toJSON() as Record<string, unknown> & {
            ownerId: string;
            createdBy: string;
            updatedBy: string;
          };
          return {
            ...data,
            workspaceId: session.workspaceId,
            teamId: session.teamId,
            ownerId: restamp(data.ownerId),
            createdBy: restamp(data.createdBy),
            updatedBy: session.userId,
          };
        });
        const result = await target.db[name].bulkInsert(records as never[]);
        copied += result.success.length;
        onProgress?.(copied);
        if (docs.length < PAGE) break;
      }
    } finally {
      await local.close();
    }
  }
  return copied;
}
