declare module 'virtual:minsheng-engine' {
  const engine: import('./prebuilt').PrebuiltEngine;
  export default engine;
}
