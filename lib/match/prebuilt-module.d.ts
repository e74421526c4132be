declare module 'virtual:minsheng-engine' {
  const load: () => import('./pack').PrebuiltEngine;
  export default load;
}

/** Build-time flag (wxt.config.ts): true only in builds made with MSL_PERF_MARKS=1, for the bench. */
declare const __MSL_PERF_MARKS__: boolean | undefined;

/** Build-time constant (wxt.config.ts): the random start of this build's highlight names. */
declare const __MSL_HL_PREFIX__: string | undefined;
