import type { Repositories } from '../data/repositories';

/**
 * The repositories pages render with while the replica is still opening (cold start, BENCHMARKS.md B6): the first
 * screen shows its snapshot from the query cache (first-screen-cache.ts), and whatever it asks the
 * repositories meanwhile — a count, the saved filters, the next page — waits for the replica and is then made
 * on it. A deferred call looks to the caller exactly like a slow one. Repositories' synchronous members
 * (SYNC_MEMBERS, complete by type) cannot wait and throw until the replica is open.
 */
export interface PendingRepositories {
  repos: Repositories;
  /** The replica is open: pending and later calls go to these. */
  resolve(repos: Repositories): void;
  /** The replica could not be opened: pending and later calls fail with this. */
  reject(error: unknown): void;
}

/** The public members of the repositories that are not methods returning a promise: they cannot wait. */
type SyncMember = {
  [R in keyof Repositories]: {
    [K in keyof Repositories[R]]: Repositories[R][K] extends (...args: never[]) => Promise<unknown>
      ? never
      : K;
  }[keyof Repositories[R]];
}[keyof Repositories];

/**
 * Every synchronous member, kept complete by the compiler: a repository that gains one fails to type-check
 * here until it is listed (and a listed name that is no longer synchronous fails too).
 */
const SYNC_MEMBER_NAMES = {
  validate: true,
  selectorFor: true,
  changes$: true,
  changedRecords$: true,
  salesDealChanges$: true,
  changedActivities$: true,
  collectionName: true,
} as const satisfies Record<SyncMember, true>;
export const SYNC_MEMBERS: ReadonlySet<string> = new Set(Object.keys(SYNC_MEMBER_NAMES));

type Method = (...args: unknown[]) => Promise<unknown>;

export function createPendingRepositories(): PendingRepositories {
  let resolveRepos!: (repos: Repositories) => void;
  let rejectRepos!: (error: unknown) => void;
  const real = new Promise<Repositories>((resolve, reject) => {
    resolveRepos = resolve;
    rejectRepos = reject;
  });
  // Each deferred call hands the failure to its caller.
  real.catch(() => undefined);
  let opened: Repositories | null = null;

  const call = (repo: string, method: string, args: unknown[]): Promise<unknown> =>
    real.then((repos) => {
      const target = (repos as unknown as Record<string, Record<string, Method>>)[repo];
      return target[method](...args);
    });

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
              return (...args: unknown[]) => call(repo, method, args);
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
