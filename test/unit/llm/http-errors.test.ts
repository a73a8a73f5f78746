// HTTP status and thrown-error mapping, Retry-After parsing, key scrubbing; presets.
import { describe, expect, it } from 'vitest';
import { errorFromStatus, errorFromThrown, parseRetryAfter } from '../../../src/llm/http-errors.ts';
import { getPreset, PRESETS } from '../../../src/llm/presets.ts';
import { KEY } from './adapter-helpers.ts';

describe('http-errors', () => {
  it('parses Retry-After as seconds, as an HTTP date, and retry-after-ms', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter(new Headers({ 'retry-after': '3' }), now)).toBe(3000);
    expect(
      parseRetryAfter(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now),
    ).toBe(5000);
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(
      250,
    );
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }), now)).toBeNull();
    expect(parseRetryAfter(new Headers(), now)).toBeNull();
  });

  it('maps statuses to kinds', () => {
    const kind = (status: number, body = '') => errorFromStatus(status, body, new Headers()).kind;
    expect(kind(401)).toBe('auth');
    expect(kind(403)).toBe('auth');
    expect(kind(429)).toBe('rate-limit');
    expect(kind(529)).toBe('overloaded');
    expect(kind(503)).toBe('overloaded');
    expect(kind(502)).toBe('overloaded');
    expect(
      kind(400, '{"error":{"message":"This model\'s maximum context length is 8192 tokens"}}'),
    ).toBe('context-length');
    expect(
      kind(400, '{"type":"error","error":{"message":"prompt is too long: 210000 tokens"}}'),
    ).toBe('context-length');
    expect(kind(400, '{"error":{"message":"too long","code":"context_length_exceeded"}}')).toBe(
      'context-length',
    );
    expect(kind(400, '{"error":{"message":"temperature must be <= 2"}}')).toBe('bad-request');
  });

  it('maps thrown errors: TypeError → network (with a CORS hint), AbortError → aborted', () => {
    const network = errorFromThrown(new TypeError('Failed to fetch'));
    expect(network.kind).toBe('network');
    expect(network.message).toMatch(/CORS/);
    expect(network.retryable).toBe(true);
    expect(errorFromThrown(new DOMException('x', 'AbortError')).kind).toBe('aborted');
  });

  it('scrubs a key the server echoes back', () => {
    const error = errorFromStatus(401, `{"error":{"message":"bad key ${KEY}"}}`, new Headers(), [
      KEY,
    ]);
    expect(error.message).not.toContain(KEY);
    expect(error.message).toContain('[redacted]');
  });
});

describe('presets', () => {
  it('covers the endpoints with base URLs and key needs', () => {
    expect(PRESETS.map((p) => p.id)).toEqual([
      'openai',
      'openrouter',
      'groq',
      'together',
      'ollama',
      'llama-cpp',
      'vllm',
      'custom',
    ]);
    expect(getPreset('ollama').baseUrl).toBe('http://localhost:11434/v1');
    expect(getPreset('ollama').notes).toContain('OLLAMA_ORIGINS');
    expect(getPreset('llama-cpp').baseUrl).toBe('http://localhost:8080/v1');
    expect(getPreset('vllm').baseUrl).toBe('http://localhost:8000/v1');
    expect(getPreset('openai').needsKey).toBe(true);
    expect(getPreset('ollama').needsKey).toBe(false);
    expect(getPreset('custom').capabilities.structured).toBe('prompt');
  });
});
