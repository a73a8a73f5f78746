// Public surface of the runtime-source choice (see README.md in this folder).
export { chooseRuntimeSource, readVendorManifest } from './choose-runtime-source.ts';
export type { ChooseRuntimeSourceOptions, RuntimeSource } from './choose-runtime-source.ts';
export type { FetchLike } from './probe.ts';
export * from './runtime-constants.ts';
export * from './runtime-files.ts';
