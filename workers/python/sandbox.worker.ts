// Entry of the sandbox worker (built into a classic script, started from a blob: URL inside the
// sandbox iframe). It only wires PythonRuntime to the protocol.
import { bytecodeBuffers } from './bytecode.ts';
import { installFedFiles } from './fed-files.ts';
import type { WorkerReply, WorkerRequest } from './protocol.ts';
import { createWorkerLoader } from './pyodide-loader.ts';
import { listPythonModules } from './python-modules.ts';
import { PythonRuntime } from './python-runtime.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: WorkerReply, transfer: Transferable[] = []) =>
  scope.postMessage(message, transfer);
let runtime: PythonRuntime | null = null;

// Requests are handled one at a time: the pool never sends a second job before the first replies.
scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'boot') {
    installFedFiles(scope, request.files);
    runtime = new PythonRuntime(
      createWorkerLoader(scope, request.source, request.files),
      listPythonModules(),
    );
    try {
      const info = await runtime.boot(
        request.source,
        (progress) => reply({ type: 'progress', progress }),
        { bytecode: request.bytecode ?? null, harvest: request.harvest === true },
      );
      const bytecode = runtime.takeHarvest();
      reply(
        { type: 'booted', info, bytecode, bytecodeUse: runtime.bytecodeUse },
        bytecodeBuffers(bytecode),
      );
    } catch (error) {
      reply({
        type: 'boot-failed',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  } else if (request.type === 'render' && runtime) {
    const { result, broken } = await runtime.render(request.code, request.options);
    reply(
      { type: 'render-result', jobId: request.jobId, result, broken },
      result.ok ? [result.png.buffer] : [],
    );
  } else if (request.type === 'answer' && runtime) {
    const { result, broken } = runtime.runAnswerProgram(request.renderId, request.program);
    reply({ type: 'answer-result', jobId: request.jobId, result, broken });
  }
};
