/**
 * Keeps the technical detail of a failure for whoever reads the log (the console; main's log in Electron).
 * People see a translated sentence instead (components/error-messages.ts).
 */
export function logError(context: string, error: unknown): void {
  console.error(`[crm] ${context}:`, error);
}
