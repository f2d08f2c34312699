/**
 * Performance marks at each stage an edit passes through (local write, push sent, changes received, replica
 * write, query invalidation), so a benchmark can tell where click-to-other-screen time goes (BENCHMARKS.md
 * "B4.ui"). Off unless `localStorage['crm.debug.stageMarks'] === '1'`: a mark costs little, but an app left
 * running for days must not fill the performance timeline.
 */
export const STAGE_MARKS_FLAG = 'crm.debug.stageMarks';

let enabled: boolean | null = null;

function marksEnabled(): boolean {
  if (enabled === null) {
    try {
      enabled = globalThis.localStorage?.getItem(STAGE_MARKS_FLAG) === '1';
    } catch {
      // Storage refused (a sandboxed page): no marks.
      enabled = false;
    }
  }
  return enabled;
}

/** Marks `stage` on the performance timeline (`stage:<name>`) when the debug flag is on. */
export function markStage(name: string): void {
  if (marksEnabled()) performance.mark(`stage:${name}`);
}
