/**
 * Summarises a Chrome `.cpuprofile`: the functions with the most self time and the most total time.
 * Usage: node --import tsx scripts/cpu-profile-summary.ts <file.cpuprofile> [top=30] [fromMs] [toMs]
 * (fromMs/toMs: only the samples in that window, in ms from the profile's start).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg, fromArg, toArg] = process.argv.slice(2);
if (!file) throw new Error('usage: cpu-profile-summary <file.cpuprofile> [top]');
const top = Number(topArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const fromUs = Number(fromArg ?? 0) * 1000;
const toUs = toArg === undefined ? Number.POSITIVE_INFINITY : Number(toArg) * 1000;
const self = new Map<number, number>();
let at = 0;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  at += delta;
  if (at >= fromUs && at <= toUs) self.set(id, (self.get(id) ?? 0) + delta);
});

const label = (n: ProfileNode) => {
  const url = n.callFrame.url.split('/').slice(-2).join('/');
  return `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
};
const selfByLabel = new Map<string, number>();
const totalByLabel = new Map<string, number>();
for (const [id, us] of self) {
  const node = byId.get(id)!;
  selfByLabel.set(label(node), (selfByLabel.get(label(node)) ?? 0) + us);
  // Total: count each label once per sample stack (recursion would double it otherwise).
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const l = label(byId.get(at)!);
    if (seen.has(l)) continue;
    seen.add(l);
    totalByLabel.set(l, (totalByLabel.get(l) ?? 0) + us);
  }
}
const all = [...self.values()].reduce((a, b) => a + b, 0);
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title} (of ${(all / 1000).toFixed(0)} ms sampled)`);
  for (const [l, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${(us / 1000).toFixed(1).padStart(9)} ms  ${l}`);
};
print('self time', selfByLabel);
print('total time', totalByLabel);
