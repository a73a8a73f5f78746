// Turns a ChatRequest into web-llm's OpenAI-shaped request. Structured output uses WebLLM's own
// shape ({type:'json_object', schema: <string>}), and the prompt must also ask for JSON, or the
// grammar lets the model emit whitespace until max_tokens.
import type { ChatCompletionMessageParam, ChatCompletionRequestStreaming } from '@mlc-ai/web-llm';
import type { ChatMessage, ChatRequest, ResponseFormat } from '../types.ts';

export function buildWebLlmRequest(request: ChatRequest): ChatCompletionRequestStreaming {
  const messages = withJsonInstruction(request.messages, request.responseFormat).map(toMessage);
  const out: ChatCompletionRequestStreaming = {
    messages,
    stream: true,
    stream_options: { include_usage: true },
  };
  if (request.temperature !== undefined) out.temperature = request.temperature;
  if (request.topP !== undefined) out.top_p = request.topP;
  if (request.maxTokens !== undefined) out.max_tokens = request.maxTokens;
  if (request.stop?.length) out.stop = request.stop;
  // WebLLM rejects non-integer seeds.
  if (request.seed !== undefined && Number.isInteger(request.seed)) out.seed = request.seed;
  if (request.responseFormat) {
    out.response_format = {
      type: 'json_object',
      schema: JSON.stringify(request.responseFormat.schema),
    };
  }
  return out;
}

export function jsonInstruction(format: ResponseFormat): string {
  return `Reply with one JSON object only (no prose, no code fences) that matches the JSON schema "${format.name}": ${JSON.stringify(format.schema)}`;
}

function withJsonInstruction(
  messages: ChatMessage[],
  format: ResponseFormat | undefined,
): ChatMessage[] {
  if (!format) return messages;
  const instruction = jsonInstruction(format);
  const [first, ...rest] = messages;
  // WebLLM requires the system message first, and only one.
  if (first?.role === 'system') {
    return [{ role: 'system', content: `${textOf(first.content)}\n\n${instruction}` }, ...rest];
  }
  return [{ role: 'system', content: instruction }, ...messages];
}

function toMessage(message: ChatMessage): ChatCompletionMessageParam {
  if (message.role !== 'user' || typeof message.content === 'string') {
    return { role: message.role, content: textOf(message.content) } as ChatCompletionMessageParam;
  }
  // WebLLM accepts one text part per message: join the text, keep images as image_url parts.
  const text = textOf(message.content);
  const images = message.content.flatMap((part) =>
    part.type === 'image' ? [{ type: 'image_url' as const, image_url: { url: part.dataUrl } }] : [],
  );
  return { role: 'user', content: [{ type: 'text', text }, ...images] };
}

function textOf(content: ChatMessage['content']): string {
  if (typeof content === 'string') return content;
  return content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n');
}
