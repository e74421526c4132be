/** The background's log lines, prefixed so they are found among the browser's. */
export function log(msg: string, err?: unknown): void {
  if (err) console.error(`[minsheng-lens] ${msg}`, err);
  else console.info(`[minsheng-lens] ${msg}`);
}
