import type {
  AccountCursor,
  AccountFilter,
  AccountPage,
  AccountSort,
  Repositories,
} from '../data/repositories';
import type { Member } from '@shared/domain';
import { DEFAULT_ACCOUNT_SORT } from '../entities/accounts/queries';
import { warmAccountsPage, warmUsers } from './first-screen';

/**
 * Repositories to render with while the replica is still opening (cold start, handbook B6). Every call waits
 * for the real repositories and is then made on them — except the two reads the accounts list needs first
 * (its first page and the people it names), which answer from what warm-replica.js read before the bundle ran
 * (app/first-screen.ts), when there is such a read and it belongs to this session. A deferred call looks to
 * the caller exactly like a slow one; the few synchronous members of repositories (SYNC_MEMBERS) cannot be
 * deferred and throw until the replica is open (no page rendered before that uses them).
 */
export interface PendingRepositories {
  repos: Repositories;
  /** The replica is open: pending and later calls go to these. */
  resolve(repos: Repositories): void;
  /** The replica could not be opened: pending and later calls fail with this. */
  reject(error: unknown): void;
}

function isFirstAccountsPage(
  filter: AccountFilter,
  sort: AccountSort,
  cursor: AccountCursor | null,
): boolean {
  return (
    cursor === null &&
    Object.values(filter).every((value) => value === undefined || value === '') &&
    sort.field === DEFAULT_ACCOUNT_SORT.field &&
    sort.direction === DEFAULT_ACCOUNT_SORT.direction
  );
}

type Method = (...args: unknown[]) => Promise<unknown>;

/** Repository members that return a value at once (EntityRepository, AccountRepository): not deferrable. */
const SYNC_MEMBERS = new Set(['validate', 'selectorFor', 'changes$', 'collectionName']);

/**
 * `useWarmRead`: answer the first page and the people from warm-replica.js's read — only for the session the
 * page started with (the read is of that session's replica; app.tsx decides).
 */
export function createPendingRepositories(options: { useWarmRead: boolean }): PendingRepositories {
  let resolveRepos!: (repos: Repositories) => void;
  let rejectRepos!: (error: unknown) => void;
  const real = new Promise<Repositories>((resolve, reject) => {
    resolveRepos = resolve;
    rejectRepos = reject;
  });
  real.catch(() => undefined);
  let opened: Repositories | null = null;

  const call = (repo: string, method: string, args: unknown[]): Promise<unknown> =>
    real.then((repos) => {
      const target = (repos as unknown as Record<string, Record<string, Method>>)[repo];
      return target[method](...args);
    });

  // The fast answers: the warm read when it is there, the real repository otherwise (or when it is open already).
  const fast: Record<string, Record<string, Method>> = {
    accounts: {
      listPageAfter: async (...args) => {
        const [filter, sort, limit, cursor] = args as [
          AccountFilter,
          AccountSort,
          number,
          AccountCursor | null,
        ];
        if (!opened && options.useWarmRead && isFirstAccountsPage(filter, sort, cursor)) {
          const page: AccountPage | null = await warmAccountsPage(limit);
          if (page) return page;
        }
        return call('accounts', 'listPageAfter', args);
      },
    },
    members: {
      users: async (...args) => {
        if (!opened && options.useWarmRead) {
          const users: Member[] | null = await warmUsers();
          if (users) return users;
        }
        return call('members', 'users', args);
      },
    },
  };

  const repos = new Proxy(
    {},
    {
      get: (_, repo) => {
        if (typeof repo !== 'string') return undefined;
        if (opened) return (opened as unknown as Record<string, unknown>)[repo];
        return new Proxy(
          {},
          {
            get: (__, method) => {
              if (typeof method !== 'string') return undefined;
              // Not a thenable: `await repos.accounts` must not mistake the proxy for a promise.
              if (method === 'then' || method in Object.prototype) return undefined;
              if (SYNC_MEMBERS.has(method))
                throw new Error(
                  `repos.${repo}.${method} is not available until the replica is open`,
                );
              return fast[repo]?.[method] ?? ((...args: unknown[]) => call(repo, method, args));
            },
          },
        );
      },
    },
  ) as unknown as Repositories;

  return {
    repos,
    resolve(value) {
      opened = value;
      resolveRepos(value);
    },
    reject: rejectRepos,
  };
}
