// Writes a fake server reply in the OpenAI-compatible or Anthropic wire format.
//
// reply: { text?, finishReason?: 'stop'|'length', model?, usage?: {promptTokens, completionTokens},
//   omitUsage?, status?, headers?, error?: string, fault?: 'hang'|'drop'|'invalid-json'|'stream-error',
//   latencyMs?, chunkSize?, chunkDelayMs? }
import { setTimeout as sleep } from 'node:timers/promises';

function countPromptChars(body) {
  let total = typeof body.system === 'string' ? body.system.length : 0;
  for (const message of body.messages ?? []) {
    if (typeof message.content === 'string') total += message.content.length;
    else
      for (const part of message.content ?? [])
        total += typeof part.text === 'string' ? part.text.length : 1000;
  }
  return total;
}

function usageOf(request, reply, text) {
  return (
    reply.usage ?? {
      promptTokens: Math.ceil(countPromptChars(request.body) / 4) + 1,
      completionTokens: Math.ceil(text.length / 4),
    }
  );
}

function pieces(text, size) {
  const out = [];
  for (let at = 0; at < text.length; at += Math.max(1, size)) out.push(text.slice(at, at + size));
  return out;
}

/** Handles what is common to both formats; returns true when the reply was fully written. */
async function writeCommon(res, request, reply, cors, errorBody) {
  if (reply.latencyMs > 0) await sleep(reply.latencyMs);
  if (reply.fault === 'drop' && (!request.stream || !(reply.text ?? ''))) {
    // The connection closes before any reply (a JSON body cannot arrive half-way usefully).
    res.socket?.destroy();
    return true;
  }
  if (reply.fault === 'hang') {
    await new Promise((resolve) => res.on('close', resolve));
    return true;
  }
  if (reply.status !== undefined && reply.status >= 400) {
    res.writeHead(reply.status, { ...cors, 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(errorBody(reply.status, reply.error ?? 'error')));
    return true;
  }
  return false;
}

/** A non-streamed reply takes as long as its chunks would have taken to stream. */
async function generationTime(reply, text) {
  const chunks = Math.ceil(text.length / Math.max(1, reply.chunkSize));
  if (reply.chunkDelayMs > 0 && chunks > 1) await sleep(reply.chunkDelayMs * (chunks - 1));
}

function startStream(res, cors) {
  res.writeHead(200, { ...cors, 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.write(': keep-alive\n\n');
}

async function streamPieces(res, reply, list, write) {
  for (const [i, piece] of list.entries()) {
    if (res.destroyed) return false;
    if (i > 0 && reply.chunkDelayMs > 0) await sleep(reply.chunkDelayMs);
    write(piece);
    if (reply.fault === 'drop' && i >= Math.floor(list.length / 2)) {
      // Let what was written reach the client, then cut the connection mid-stream.
      await sleep(20);
      res.socket?.destroy();
      return false;
    }
  }
  return true;
}

export async function writeOpenAi(res, request, reply, cors) {
  const errorBody = (status, message) => ({
    error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'error', code: status },
  });
  if (await writeCommon(res, request, reply, cors, errorBody)) return;
  const text = reply.text ?? '';
  const model = reply.model ?? request.body.model ?? 'fake-model';
  const finish = reply.finishReason ?? 'stop';
  const usage = usageOf(request, reply, text);
  const wireUsage = {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.promptTokens + usage.completionTokens,
  };
  if (!request.stream) {
    await generationTime(reply, text);
    if (res.destroyed) return;
    res.writeHead(200, { ...cors, 'content-type': 'application/json' });
    if (reply.fault === 'invalid-json') {
      res.end('{"choices": [ {"message": ');
      return;
    }
    const body = {
      id: `chatcmpl-${request.index}`,
      object: 'chat.completion',
      model,
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: finish }],
    };
    if (!reply.omitUsage) body.usage = wireUsage;
    res.end(JSON.stringify(body));
    return;
  }
  startStream(res, cors);
  if (reply.fault === 'invalid-json') {
    res.end('data: {"choices": [\n\n');
    return;
  }
  const chunk = (choices, extra = {}) =>
    `data: ${JSON.stringify({ id: `chatcmpl-${request.index}`, object: 'chat.completion.chunk', model, choices, ...extra })}\n\n`;
  res.write(chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]));
  const list = pieces(text, reply.chunkSize);
  const complete = await streamPieces(res, reply, list, (piece) =>
    res.write(chunk([{ index: 0, delta: { content: piece }, finish_reason: null }])),
  );
  if (!complete || res.destroyed) return;
  if (reply.fault === 'stream-error') {
    res.end(
      `data: ${JSON.stringify({ error: { message: 'overloaded, try again', type: 'server_error' } })}\n\n`,
    );
    return;
  }
  res.write(chunk([{ index: 0, delta: {}, finish_reason: finish }]));
  if (!reply.omitUsage && request.body.stream_options?.include_usage)
    res.write(chunk([], { usage: wireUsage }));
  res.end('data: [DONE]\n\n');
}

export async function writeAnthropic(res, request, reply, cors) {
  const kinds = {
    401: 'authentication_error',
    403: 'permission_error',
    429: 'rate_limit_error',
    529: 'overloaded_error',
    500: 'api_error',
  };
  const errorBody = (status, message) => ({
    type: 'error',
    error: { type: kinds[status] ?? 'invalid_request_error', message },
  });
  if (await writeCommon(res, request, reply, cors, errorBody)) return;
  const text = reply.text ?? '';
  const model = reply.model ?? request.body.model ?? 'fake-model';
  const stopReason =
    reply.finishReason === 'length' ? 'max_tokens' : request.structured ? 'tool_use' : 'end_turn';
  const usage = usageOf(request, reply, text);
  const toolName = request.structured ? request.body.tool_choice.name : null;
  if (!request.stream) {
    await generationTime(reply, text);
    if (res.destroyed) return;
    res.writeHead(200, { ...cors, 'content-type': 'application/json' });
    if (reply.fault === 'invalid-json') {
      res.end('{"content": [ {"type": ');
      return;
    }
    let input = null;
    if (toolName !== null) {
      try {
        input = JSON.parse(text);
      } catch {
        input = { raw: text };
      }
    }
    const body = {
      id: `msg_${request.index}`,
      type: 'message',
      role: 'assistant',
      model,
      content:
        toolName !== null
          ? [{ type: 'tool_use', id: `toolu_${request.index}`, name: toolName, input }]
          : [{ type: 'text', text }],
      stop_reason: stopReason,
      stop_sequence: null,
    };
    if (!reply.omitUsage)
      body.usage = { input_tokens: usage.promptTokens, output_tokens: usage.completionTokens };
    res.end(JSON.stringify(body));
    return;
  }
  startStream(res, cors);
  const event = (type, data) =>
    res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
  if (reply.fault === 'invalid-json') {
    res.end('event: message_start\ndata: {"type": "message_start", \n\n');
    return;
  }
  event('message_start', {
    message: {
      id: `msg_${request.index}`,
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      stop_reason: null,
      usage: reply.omitUsage ? undefined : { input_tokens: usage.promptTokens, output_tokens: 1 },
    },
  });
  event('content_block_start', {
    index: 0,
    content_block:
      toolName !== null
        ? { type: 'tool_use', id: `toolu_${request.index}`, name: toolName, input: {} }
        : { type: 'text', text: '' },
  });
  event('ping', {});
  const list = pieces(text, reply.chunkSize);
  const complete = await streamPieces(res, reply, list, (piece) =>
    event('content_block_delta', {
      index: 0,
      delta:
        toolName !== null
          ? { type: 'input_json_delta', partial_json: piece }
          : { type: 'text_delta', text: piece },
    }),
  );
  if (!complete || res.destroyed) return;
  if (reply.fault === 'stream-error') {
    event('error', { error: { type: 'overloaded_error', message: 'Overloaded' } });
    res.end();
    return;
  }
  event('content_block_stop', { index: 0 });
  event('message_delta', {
    delta: { stop_reason: stopReason, stop_sequence: null },
    usage: reply.omitUsage ? undefined : { output_tokens: usage.completionTokens },
  });
  event('message_stop', {});
  res.end();
}
