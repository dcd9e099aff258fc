/**
 * readAhead: the body of POST /batch is read as fast as it comes, whatever the consumer does (so a
 * client that sends everything before it reads cannot deadlock with the service), up to the limit.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isHttpError } from '../src/issues.js';
import { readAhead } from '../src/read-ahead.js';

const KiB = 1024;

describe('readAhead', () => {
  it('reads ahead: with nobody consuming, 1 MiB is written without back-pressure (a plain stream pushes back after 16 KiB)', () => {
    const control = new PassThrough();
    const accepted = Array.from({ length: 16 }, () => control.write(Buffer.alloc(64 * KiB)));
    // The control: the 16 KiB high-water mark is passed by the first 64 KiB chunk.
    expect(accepted.every(Boolean)).toBe(false);

    const body = new PassThrough();
    readAhead(body, 2 * 1024 * KiB);
    const written = Array.from({ length: 16 }, () => body.write(Buffer.alloc(64 * KiB)));
    expect(written.every(Boolean)).toBe(true);
    expect(body.readableLength).toBe(0);
  });

  it('gives the chunks in order, and ends with the body', async () => {
    const body = new PassThrough();
    const chunks = readAhead(body, 100);
    body.write('ab');
    body.end('cd');
    const got: string[] = [];
    for await (const c of chunks) got.push(Buffer.from(c).toString());
    expect(got.join('')).toBe('abcd');
  });

  it('exactly the limit is read; one byte more fails with 413 body-too-large after the chunks before it', async () => {
    const exact = new PassThrough();
    const exactChunks = readAhead(exact, 10);
    exact.end(Buffer.alloc(10));
    let n = 0;
    for await (const c of exactChunks) n += c.length;
    expect(n).toBe(10);

    const body = new PassThrough();
    const chunks = readAhead(body, 10);
    body.write(Buffer.alloc(6));
    body.write(Buffer.alloc(5)); // 11 > 10
    const got: number[] = [];
    let failure: unknown;
    try {
      for await (const c of chunks) got.push(c.length);
    } catch (error) {
      failure = error;
    }
    expect(got).toEqual([6]);
    expect(isHttpError(failure) && failure.statusCode).toBe(413);
    expect(isHttpError(failure) && failure.issues[0]).toMatchObject({ code: 'body-too-large', maximum: 10 });
    expect(body.destroyed).toBe(true);
  });

  it('a body cut off before its end (the client went away) is an error, not a short batch', async () => {
    const body = new PassThrough();
    const chunks = readAhead(body, 100);
    body.write('ab');
    body.destroy();
    await expect(async () => {
      for await (const _ of chunks) void _;
    }).rejects.toThrow(/ended early/);
  });

  it('a consumer that stops early stops the reading: the body is destroyed', async () => {
    const body = new PassThrough();
    const chunks = readAhead(body, 100);
    body.write('ab');
    for await (const _ of chunks) break;
    expect(body.destroyed).toBe(true);
  });
});
