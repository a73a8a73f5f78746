import type { FakeServerReply, FakeServerRequest } from './fake-llm-server.mjs';

export function schemaExample(schema: unknown): unknown;
export function requestedSchema(format: 'openai' | 'anthropic', body: unknown): unknown;
export function isStructured(format: 'openai' | 'anthropic', body: unknown): boolean;
export function defaultResponder(request: FakeServerRequest): FakeServerReply;
export function faultReply(name: string): FakeServerReply;
