// The fake LLM server in CIT mode: every chat request (OpenAI-compatible or Anthropic format) is
// answered by the template-backed fake LLM of src/llm/demo/cit-responder.ts, loaded through Vite's
// runnerImport (Node 20 cannot import .ts itself). Requests without a CIT task line get the plain
// fake server's reply (a schema example for JSON requests, a greeting otherwise).
//
// Misbehaviour (CitFakeOptions) is set at start and can be changed at run time:
//   POST /__control/cit-options {"brokenCodeEvery": 4, ...}  → replaces the options, restarts the
//   "every Nth" counters; GET /__control/cit-options → the current options.
//
// Run alone (prints the URL):
//   node test/servers/cit-fake-server.mjs --port 0 --latency 0 --seed 1 --broken-every 4 \
//     --wrong-every 5 --duplicate-every 6 --duplicate-question-every 3 --low-score-every 7
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { runnerImport } from 'vite';
import { defaultResponder } from './fake-llm-responder.mjs';
import { startFakeLlmServer } from './fake-llm-server.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RESPONDER = path.join(ROOT, 'src/llm/demo/cit-responder.ts');
const TASK_MODULE = path.join(ROOT, 'src/core/cit/prompts/task.ts');

/** CitFakeOptions keys and their command-line flags. */
const FLAGS = {
  seed: 'seed',
  brokenCodeEvery: 'broken-every',
  wrongAnswerEvery: 'wrong-every',
  duplicateEvery: 'duplicate-every',
  duplicateQuestionEvery: 'duplicate-question-every',
  lowScoreEvery: 'low-score-every',
};

let modules = null;

/** The responder and task modules, compiled once per process. */
async function loadModules() {
  modules ??= Promise.all([
    runnerImport(RESPONDER, { configFile: false, logLevel: 'error' }),
    runnerImport(TASK_MODULE, { configFile: false, logLevel: 'error' }),
  ]).then(([responder, task]) => ({ ...responder.module, ...task.module }));
  return modules;
}

/** Only the known keys, as whole numbers; anything else is refused with a clear message. */
export function checkCitOptions(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new Error('CIT options must be a JSON object, e.g. {"brokenCodeEvery": 4}');
  const options = {};
  for (const [key, raw] of Object.entries(value)) {
    if (!(key in FLAGS)) throw new Error(`unknown CIT option "${key}"`);
    if (raw === null || raw === undefined) continue;
    if (!Number.isInteger(raw) || raw < 0)
      throw new Error(`CIT option "${key}" must be a whole number ≥ 0, got ${JSON.stringify(raw)}`);
    options[key] = raw;
  }
  return options;
}

function partText(part) {
  if (typeof part === 'string') return part;
  if (part?.type === 'text' && typeof part.text === 'string') return part.text;
  return '';
}

/** Turns one wire message's content into the prompt builders' content (images kept as images). */
function toContent(content) {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) =>
    part?.type === 'image_url' || part?.type === 'image'
      ? { type: 'image', dataUrl: String(part.image_url?.url ?? part.source?.data ?? '') }
      : { type: 'text', text: partText(part) },
  );
}

/** The conversation of an OpenAI-compatible or Anthropic request body, as PromptMessages. */
export function promptMessagesOf(request) {
  const body = request.body ?? {};
  const messages = [];
  if (request.format === 'anthropic' && body.system !== undefined) {
    const system = Array.isArray(body.system) ? body.system.map(partText).join('\n') : body.system;
    messages.push({ role: 'system', content: String(system) });
  }
  for (const message of Array.isArray(body.messages) ? body.messages : []) {
    const role = ['system', 'user', 'assistant'].includes(message?.role) ? message.role : 'user';
    messages.push({ role, content: toContent(message?.content) });
  }
  return messages;
}

/**
 * Starts the fake server with the CIT responder.
 * @param {{ cit?: object, latencyMs?: number, chunkSize?: number, chunkDelayMs?: number, port?: number }} options
 */
export async function startCitFakeServer(options = {}) {
  const { createCitResponder, readTask } = await loadModules();
  const { cit = {}, ...serverOptions } = options;
  let citOptions = checkCitOptions(cit);
  let respond = createCitResponder(citOptions);
  const responder = (request) => {
    const messages = promptMessagesOf(request);
    if (readTask(messages) === null) return defaultResponder(request);
    return { text: respond(messages) };
  };
  const setCitOptions = (next) => {
    citOptions = checkCitOptions(next);
    respond = createCitResponder(citOptions);
    return { ...citOptions };
  };
  const server = await startFakeLlmServer({
    chunkSize: 64,
    ...serverOptions,
    responder,
    controls: {
      'cit-options': (body, method) => {
        if (method === 'GET' || body === null) return { options: { ...citOptions } };
        return { options: setCitOptions(body) };
      },
    },
  });
  return {
    ...server,
    /** Replaces the CIT options and restarts the "every Nth" counters. */
    setCitOptions,
    get citOptions() {
      return { ...citOptions };
    },
  };
}

/** CitFakeOptions and server options from command-line arguments. */
export function parseCitServerArgs(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' },
      latency: { type: 'string', default: '0' },
      ...Object.fromEntries(Object.values(FLAGS).map((flag) => [flag, { type: 'string' }])),
    },
  });
  const cit = {};
  for (const [key, flag] of Object.entries(FLAGS))
    if (values[flag] !== undefined) cit[key] = Number(values[flag]);
  return {
    port: Number(values.port),
    latencyMs: Number(values.latency),
    cit: checkCitOptions(cit),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = await startCitFakeServer(parseCitServerArgs(process.argv.slice(2)));
  console.log(server.url);
}
