/**
 * The command line's contact with the world: the only module family allowed to read files, the
 * environment and the terminal. Commands receive an `CliIO` so tests can run them in-process too.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';

/** What a command may use of the outside world. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a whole file (`-`: standard input). */
  readText(path: string): Promise<string>;
  /** Streams a file's lines (`-`: standard input), without holding the file in memory. */
  readLines(path: string): AsyncIterable<string>;
  /** Opens an output (`-` or undefined: standard output) for streaming writes. */
  openOutput(path: string | undefined): { write(text: string): Promise<void>; close(): Promise<void> };
  writeText(path: string, text: string): Promise<void>;
  /** Creates a directory and its parents, if missing (`match --csv DIR`); an IO without it writes into an existing one. */
  makeDirectory?(path: string): Promise<void>;
  /** Whether standard error is a terminal (progress lines are shown only then). */
  stderrIsTTY: boolean;
}

/** A command: its arguments (after the command name) and the IO; resolves to the exit code. */
export type CliCommand = (args: string[], io: CliIO) => Promise<number>;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A streaming output with back-pressure: one persistent `error` listener records a failure (a missing
 * directory, EPIPE) so it is reported by the next write or by close, never thrown later; listeners
 * added to wait for `drain` are removed once it comes, so memory stays flat however long the output.
 */
const openStreamOutput: CliIO['openOutput'] = (path) => {
  const toStdout = path === undefined || path === '-';
  // A 1 MiB buffer: one result line is larger than the 16 KiB default, so every write would wait for drain.
  const stream: Writable = toStdout ? process.stdout : createWriteStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let failure: Error | undefined;
  const onError = (error: Error): void => {
    failure ??= error;
  };
  stream.on('error', onError);
  return {
    write: (text) =>
      new Promise<void>((resolve, reject) => {
        if (failure) return reject(failure);
        if (stream.write(text)) return resolve();
        const settle = (): void => {
          stream.off('drain', settle);
          stream.off('error', settle);
          if (failure) reject(failure);
          else resolve();
        };
        stream.on('drain', settle);
        stream.on('error', settle);
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (toStdout) {
          stream.off('error', onError);
          return failure ? reject(failure) : resolve();
        }
        if (failure) return reject(failure);
        stream.end(() => (failure ? reject(failure) : resolve()));
      }),
  };
};

/** The process's real IO. */
export function processIO(): CliIO {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readText: (path) => (path === '-' ? readStdin() : readFile(path, 'utf8')),
    readLines: (path) => createInterface({ input: path === '-' ? process.stdin : createReadStream(path, 'utf8'), crlfDelay: Infinity }),
    openOutput: openStreamOutput,
    writeText: (path, text) => writeFile(path, text, 'utf8'),
    makeDirectory: async (path) => void (await mkdir(path, { recursive: true })),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}
