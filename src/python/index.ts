// The Python sandbox as the rest of the app sees it: a pool of sandboxed workers.
export { RenderPool } from './render-pool.ts';
export type { PoolProgress, PoolStatus, RenderPoolOptions } from './pool-types.ts';
export type { BytecodeStatus, BytecodeStore } from './pool-bytecode.ts';
export type { Bytecode } from '../../workers/python/protocol.ts';
export type {
  AnswerResult,
  FigureFacts,
  RenderError,
  RenderErrorKind,
  RenderFailure,
  RenderOptions,
  RenderResult,
  RenderSuccess,
  RuntimeInfo,
} from '../../workers/python/api.ts';
export type { RuntimeSource } from '../../workers/python/protocol.ts';
