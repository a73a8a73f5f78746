// Reads a Server-Sent Events body with eventsource-parser (comments such as keep-alives are dropped
// by the parser). The reader is cancelled when the caller stops early or the signal aborts.
import { EventSourceParserStream, type EventSourceMessage } from 'eventsource-parser/stream';

export type { EventSourceMessage };

export async function* readSseEvents(
  body: ReadableStream<BufferSource>,
): AsyncGenerator<EventSourceMessage, void, undefined> {
  const reader = body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream())
    .getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
