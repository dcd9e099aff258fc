/**
 * Reads a request body ahead of its use, up to a limit.
 *
 * Why: a batch's results are about twenty times the size of its requests, and many HTTP clients (Java's
 * `HttpURLConnection`, most .NET and scripting clients) send the whole body before they read any of the
 * response. If the service stopped reading the body whenever the response could not be written, such a
 * client and the service would each wait for the other for ever. So the body is read as fast as it
 * comes, whatever the response is doing, and held until its lines are assessed: memory is bounded by
 * the body limit, never by the length of the results (which stream with back-pressure).
 */
import type { Readable } from 'node:stream';
import { httpError, ISSUES } from './issues.js';

/**
 * The chunks of `stream`, read eagerly; the iteration fails with a 413 `HttpError` (`body-too-large`) once more than
 * `limit` bytes have come (the stream is then destroyed), or with the stream's own error.
 */
export function readAhead(stream: Readable, limit: number): AsyncIterable<Uint8Array> {
  const queue: Uint8Array[] = [];
  let received = 0;
  let ended = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const onData = (chunk: Uint8Array | string): void => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    received += bytes.length;
    if (received > limit) {
      failure ??= httpError(413, ISSUES.bodyTooLarge(limit));
      detach();
      stream.destroy();
    } else queue.push(bytes);
    notify();
  };
  const onEnd = (): void => {
    ended = true;
    notify();
  };
  const onError = (error: Error): void => {
    failure ??= error;
    notify();
  };
  // A body cut off before its end (the client went away) is an error, not a short batch.
  const onClose = (): void => {
    if (!ended) failure ??= new Error('the request body ended early (the client closed the connection)');
    notify();
  };
  const detach = (): void => {
    stream.off('data', onData);
    stream.off('end', onEnd);
    stream.off('close', onClose);
  };
  stream.on('data', onData);
  stream.on('end', onEnd);
  stream.on('error', onError);
  stream.on('close', onClose);
  return {
    async *[Symbol.asyncIterator]() {
      try {
        for (;;) {
          const next = queue.shift();
          if (next !== undefined) {
            yield next;
            continue;
          }
          if (failure) throw failure;
          if (ended) return;
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        }
      } finally {
        detach();
        // The consumer stopped early (the response failed): nothing more is read.
        if (!ended && !stream.destroyed) stream.destroy();
      }
    },
  };
}
