/** Tools without type declarations, used by scripts and tests only (never bundled), typed as far as we call them. */
declare module 'addons-linter' {
  const linter: { createInstance(options: { config: Record<string, unknown>; runAsBinary: boolean }): { run(): Promise<unknown> } };
  export default linter;
}

declare module 'picomatch' {
  export default function picomatch(pattern: string, options?: Record<string, unknown>): (path: string) => boolean;
}
