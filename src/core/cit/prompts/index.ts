// The CIT prompt builders (METHOD.md §2–3): pure functions from inputs to the message arrays the
// pipeline sends. Every prompt ends its last user message with a task line (task.ts).
export * from './task.ts';
export * from './plotting-notes.ts';
export * from './runtime.ts';
export * from './script-rules.ts';
export * from './self-instruct.ts';
export * from './evol.ts';
export * from './repair.ts';
export * from './qa.ts';
export * from './rating.ts';
