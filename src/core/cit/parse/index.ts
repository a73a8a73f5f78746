// Parsing of CIT replies: code blocks of the code-writer, JSON of the qa-writer and the raters,
// and the figure-facts summary the Q&A prompts show. Every reply is checked as if a stranger
// wrote it; refusals carry a reason for a person.
export * from './code-block.ts';
export * from './json-reply.ts';
export * from './typed-answer.ts';
export * from './steps-check.ts';
export * from './qa-replies.ts';
export * from './facts-summary.ts';
