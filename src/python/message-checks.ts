// Validation of everything the sandbox iframe sends. Python in the sandbox can call postMessage,
// so a payload is accepted only when its shape matches the contract exactly enough to be safe.
import type {
  AnswerResult,
  RenderErrorKind,
  RenderResult,
  RuntimeInfo,
} from '../../workers/python/api.ts';
import type { BootProgress, HostReply } from '../../workers/python/protocol.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ERROR_KINDS: readonly RenderErrorKind[] = [
  'syntax',
  'runtime',
  'timeout',
  'memory',
  'forbidden',
  'missing-package',
  'unsupported',
  'no-figure',
  'crashed',
];
const BOOT_STAGES = ['runtime', 'packages', 'modules', 'warm-up', 'ready'];
const MAX_TEXT = 1_000_000;
/** RenderSuccess.phash: a 64-bit perceptual hash as 16 lowercase hex digits. */
const PHASH = /^[0-9a-f]{16}$/;

type Shape = Record<string, unknown>;

const isObject = (value: unknown): value is Shape =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_TEXT;
const isTextOrNull = (value: unknown) => value === null || isText(value);
const isCount = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0;
const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
const isIntOrNull = (value: unknown) => value === null || Number.isInteger(value);

/** True when the bytes start with the PNG signature. */
export function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length > PNG_SIGNATURE.length && PNG_SIGNATURE.every((byte, i) => bytes[i] === byte);
}

/** The envelope of a host message: right type tag, numeric worker id where one is due. */
export function isHostReply(value: unknown): value is HostReply {
  if (!isObject(value)) return false;
  switch (value['type']) {
    case 'host-ready':
      return true;
    case 'pong':
      return isCount(value['nonce']);
    case 'from-worker':
      return (
        isCount(value['workerId']) && isObject(value['message']) && isText(value['message']['type'])
      );
    case 'worker-crashed':
      return isCount(value['workerId']) && isText(value['message']);
    default:
      return false;
  }
}

function isRenderError(value: unknown): boolean {
  return (
    isObject(value) &&
    ERROR_KINDS.includes(value['kind'] as RenderErrorKind) &&
    isText(value['message']) &&
    isTextOrNull(value['traceback']) &&
    isIntOrNull(value['line']) &&
    isTextOrNull(value['name'])
  );
}

/** A RuntimeInfo as the worker reports it after boot. */
export function isRuntimeInfo(value: unknown): value is RuntimeInfo {
  return (
    isObject(value) &&
    isText(value['distribution']) &&
    isTextOrNull(value['pyodide']) &&
    isText(value['python']) &&
    isText(value['numpy']) &&
    isText(value['matplotlib']) &&
    isObject(value['optional']) &&
    Array.isArray(value['importable']) &&
    value['importable'].every(isText) &&
    isTextOrNull(value['note']) &&
    isText(value['promptNotes'])
  );
}

/** Boot progress from a worker. */
export function isBootProgress(value: unknown): value is BootProgress {
  return (
    isObject(value) &&
    BOOT_STAGES.includes(value['stage'] as string) &&
    isFiniteNumber(value['fraction']) &&
    value['fraction'] >= 0 &&
    value['fraction'] <= 1
  );
}

function isFacts(value: unknown): boolean {
  return (
    isObject(value) &&
    isCount(value['width']) &&
    isCount(value['height']) &&
    isFiniteNumber(value['dpi']) &&
    Array.isArray(value['axes']) &&
    value['axes'].every(isObject) &&
    Array.isArray(value['texts']) &&
    value['texts'].every(isObject) &&
    Array.isArray(value['findings'])
  );
}

/** A render result, including a real PNG whose header matches the stated size and the pixel cap. */
export function isRenderResult(value: unknown, maxPixels: number): value is RenderResult {
  if (!isObject(value) || !isText(value['stdout']) || !isText(value['stderr'])) return false;
  if (!isFiniteNumber(value['durationMs'])) return false;
  if (value['ok'] === false) return isRenderError(value['error']);
  if (value['ok'] !== true) return false;
  const png = value['png'];
  if (!(png instanceof Uint8Array) || !hasPngSignature(png) || png.length < 24) return false;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return (
    width === value['width'] &&
    height === value['height'] &&
    width * height <= maxPixels * 1.01 &&
    isText(value['renderId']) &&
    isFiniteNumber(value['dpi']) &&
    isFiniteNumber(value['seed']) &&
    Array.isArray(value['warnings']) &&
    Array.isArray(value['compat']) &&
    isCount(value['figureCount']) &&
    isFacts(value['facts']) &&
    typeof value['phash'] === 'string' &&
    PHASH.test(value['phash']) &&
    isRuntimeInfo(value['runtime'])
  );
}

/** An answer program's result. */
export function isAnswerResult(value: unknown): value is AnswerResult {
  if (!isObject(value) || !isText(value['stdout'])) return false;
  if (value['ok'] === false) return isRenderError(value['error']);
  const types = ['number', 'string', 'boolean', 'list', 'none'];
  return value['ok'] === true && types.includes(value['type'] as string);
}
