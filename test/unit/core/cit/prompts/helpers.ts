// Shared inputs for the prompt tests.
import { messageText, type PromptMessage } from '../../../../../src/core/cit/prompts/task.ts';
import type { RuntimeFacts } from '../../../../../src/core/cit/prompts/runtime.ts';

export const OFFLINE_RUNTIME: RuntimeFacts = {
  python: '3.8.2',
  numpy: '1.17.5',
  matplotlib: '3.3.3',
  importable: ['matplotlib', 'numpy', 'scipy', 'networkx', 'squarify', 'math', 'random'],
  notes: 'Hard-code the data; if you use np.random, the runtime seeds it.',
};

export const CURRENT_RUNTIME: RuntimeFacts = {
  python: '3.12.7',
  numpy: '2.0.2',
  matplotlib: '3.8.4',
  importable: ['matplotlib', 'numpy'],
  notes: '',
};

/** All text of a conversation, messages joined. */
export function allText(messages: readonly PromptMessage[]): string {
  return messages.map(messageText).join('\n');
}

/** The last line of the last user message. */
export function lastUserLine(messages: readonly PromptMessage[]): string {
  const last = [...messages].reverse().find((message) => message.role === 'user');
  const lines = last ? messageText(last).trimEnd().split('\n') : [];
  return lines[lines.length - 1] ?? '';
}
