import type { Benchmark } from '../types';
import { b1InitialReplication } from './b1-initial-replication';
import { b2AccountsList } from './b2-accounts-list';
import { b3GlobalSearch } from './b3-global-search';
import { b4EditLatency } from './b4-edit-latency';
import { b4Ui } from './b4-ui';
import { b5OfflineBacklog } from './b5-offline-backlog';
import { b6ColdStart } from './b6-cold-start';
import { b8Dashboard } from './b8-dashboard';
import { b9Fanout } from './b9-fanout';
import { b10AccountPlan } from './b10-account-plan';
import { b11Import } from './b11-import';
import { b12FollowUps } from './b12-follow-ups';
import { b13ChurnRisk } from './b13-churn-risk';

/** Every benchmark, in the order of BENCHMARKS.md "Targets". */
export const BENCHMARKS: readonly Benchmark[] = [
  b1InitialReplication,
  b2AccountsList,
  b3GlobalSearch,
  b4EditLatency,
  b4Ui,
  b5OfflineBacklog,
  b6ColdStart,
  b8Dashboard,
  b9Fanout,
  b10AccountPlan,
  b11Import,
  b12FollowUps,
  b13ChurnRisk,
];
