import type { Benchmark } from '../types';
import { b1InitialReplication } from './b1-initial-replication';

/** Every benchmark, in handbook order (BENCHMARKS.md "Targets"). */
export const BENCHMARKS: readonly Benchmark[] = [b1InitialReplication];
