/**
 * The command line's contact with the world: the only module family allowed to read files, the
 * environment and the terminal. Commands receive a `CliIO` so tests can run them in-process too.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, fstatSync, type Stats } from 'node:fs';
import { access, constants, type FileHandle, mkdir, open, readdir, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A signal that interrupts a run: the exit code is 128 + its number (130, 143). */
export type InterruptSignal = 'SIGINT' | 'SIGTERM';

/** The interrupts of a run: `signal` aborts (its `reason` the signal's name) on the first SIGINT or SIGTERM. */
export interface Interrupts {
  readonly signal: AbortSignal;
  /** Stops listening (a second signal then has its default effect). */
  stop(): void;
}

/**
 * Where many records go: standard output, or a file written in full or not at all. A file is written to
 * a temporary file beside it and renamed over it by `commit`; `abort` removes the temporary file, so the
 * file stays as it was.
 */
export interface Output {
  write(text: string): Promise<void>;
  /** Writes UTF-8 bytes as they are: the same as `write` of their text, without encoding it again (optional). */
  writeBytes?(bytes: Uint8Array): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** What a command may use of the outside world. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a whole file (`-`: standard input) as UTF-8. */
  readText(path: string): Promise<string>;
  /** Streams a file's bytes (`-`: standard input), without holding the file in memory; stops on `signal`. */
  readBytes(path: string, signal?: AbortSignal): AsyncIterable<Uint8Array>;
  /** The names in a directory, or `null` when `path` is not a directory. */
  listDirectory(path: string): Promise<string[] | null>;
  /**
   * Opens an output (`-` or undefined: standard output).
   *
   * @throws an Error with a message fit for the user when `path` cannot be written: a directory, a
   *   read-only file, a missing directory
   */
  openOutput(path: string | undefined): Promise<Output>;
  /** Writes a whole file. */
  writeText(path: string, text: string): Promise<void>;
  /** Creates a directory and its parents, if missing (`match --csv DIR`); an IO without it writes into an existing one. */
  makeDirectory?(path: string): Promise<void>;
  /** Whether two paths (`-`: standard input) name the same file (same device and inode). */
  sameFile(a: string, b: string): Promise<boolean>;
  /** Listens for SIGINT and SIGTERM until `stop`. */
  interrupts(): Interrupts;
  /** Whether standard error is a terminal (progress lines are shown only then). */
  stderrIsTTY: boolean;
}

/** A command: its arguments (after the command name) and the IO; resolves to the exit code. */
export type CliCommand = (args: string[], io: CliIO) => Promise<number>;

/** The `code` of a Node.js system error (`ENOENT`, `EPIPE`, …), if any. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Whether an error says the reader of a pipe has gone (`| head`). */
export const isBrokenPipe = (error: unknown): boolean => errorCode(error) === 'EPIPE';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function* stdinBytes(signal: AbortSignal | undefined): AsyncGenerator<Uint8Array> {
  const stop = (): void => void process.stdin.destroy();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    for await (const chunk of process.stdin) yield chunk as Buffer;
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

/** Whether standard output has been found closed by its reader (EPIPE). */
let stdoutClosed = false;
let stdoutGuarded = false;

/** One listener on stdout so an EPIPE is recorded instead of thrown as an unhandled `error`. */
function guardStdout(): void {
  if (stdoutGuarded) return;
  stdoutGuarded = true;
  process.stdout.on('error', (error: Error) => {
    if (isBrokenPipe(error)) stdoutClosed = true;
    else process.stderr.write(`cannot write (stdout): ${error.message}\n`);
  });
}

/**
 * Standard output with back-pressure: a failure (EPIPE) is reported by the next write, never thrown
 * later; the listeners added to wait for `drain` are removed once it comes, so memory stays flat.
 */
function stdoutOutput(): Output {
  guardStdout();
  const stream = process.stdout;
  let failure: Error | undefined;
  const onError = (error: Error): void => {
    failure ??= error;
  };
  stream.on('error', onError);
  const broken = (): Error | undefined => failure ?? (stdoutClosed ? Object.assign(new Error('EPIPE: the reader closed standard output'), { code: 'EPIPE' }) : undefined);
  const done = (): void => void stream.off('error', onError);
  const write = (data: string | Uint8Array): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const problem = broken();
      if (problem) return reject(problem);
      if (stream.write(data)) return resolve();
      const settle = (): void => {
        stream.off('drain', settle);
        stream.off('error', settle);
        const late = broken();
        if (late) reject(late);
        else resolve();
      };
      stream.on('drain', settle);
      stream.on('error', settle);
    });
  return {
    write,
    writeBytes: write,
    commit: async () => {
      done();
      const problem = broken();
      if (problem) throw problem;
    },
    abort: async () => done(),
  };
}

/** Writes all of `bytes` (a write may take fewer bytes than given). */
async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let at = 0;
  while (at < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, at, bytes.length - at);
    at += bytesWritten;
  }
}

/** Text is gathered up to this many characters before a write: one result line is about 20 KB. */
const FLUSH_AT = 1 << 20;

/** A buffered writer over an open file: text, or UTF-8 bytes (`batch --workers`), in the order given. */
function bufferedWriter(handle: FileHandle): { write(text: string): Promise<void>; writeBytes(bytes: Uint8Array): Promise<void>; flush(): Promise<void> } {
  let pending: (string | Uint8Array)[] = [];
  let size = 0;
  let allText = true;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const parts = pending;
    const text = allText;
    pending = [];
    size = 0;
    allText = true;
    await writeAll(handle, text ? Buffer.from(parts.join(''), 'utf8') : Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p))));
  };
  const add = async (part: string | Uint8Array): Promise<void> => {
    pending.push(part);
    size += part.length;
    if (typeof part !== 'string') allText = false;
    if (size >= FLUSH_AT) await flush();
  };
  return { write: add, writeBytes: add, flush };
}

const statOrNull = async (path: string): Promise<Stats | null> => {
  try {
    return await stat(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
};

const quietly = async (act: () => Promise<unknown>): Promise<void> => {
  try {
    await act();
  } catch {
    // best effort: the first failure is the one reported
  }
};

/**
 * A file output. An existing regular file is replaced only by `commit` (temporary file beside it, fsync,
 * rename; its permissions kept; a symbolic link is followed, so the file it names is replaced). A device
 * or a FIFO (`/dev/null`, `/dev/full`, a named pipe) is written straight to: there is nothing to rename.
 */
async function fileOutput(path: string): Promise<Output> {
  const existing = await statOrNull(path);
  if (existing?.isDirectory()) throw new Error(`${path} is a directory`);
  if (existing !== null && !existing.isFile()) {
    const handle = await open(path, 'w');
    const writer = bufferedWriter(handle);
    return {
      write: writer.write,
      writeBytes: writer.writeBytes,
      commit: async () => {
        try {
          await writer.flush();
        } finally {
          await quietly(() => handle.close());
        }
      },
      abort: () => quietly(() => handle.close()),
    };
  }
  // Permission bits, not access(2): a read-only file is refused even when run as root.
  if (existing !== null && (existing.mode & 0o222) === 0) throw new Error(`${path} is read-only`);
  if (existing !== null) await access(path, constants.W_OK);
  const target = existing === null ? path : await realpath(path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', 0o666);
  if (existing !== null) await handle.chmod(existing.mode & 0o7777);
  const writer = bufferedWriter(handle);
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return {
    write: writer.write,
    writeBytes: writer.writeBytes,
    commit: async () => {
      try {
        await writer.flush();
        await handle.sync();
        await close();
        await rename(temporary, target);
      } catch (error) {
        await quietly(close);
        await quietly(() => unlink(temporary));
        throw error;
      }
    },
    abort: async () => {
      await quietly(close);
      await quietly(() => unlink(temporary));
    },
  };
}

/** The process's real IO. */
export function processIO(): CliIO {
  guardStdout();
  return {
    stdout: (text) => {
      if (!stdoutClosed) process.stdout.write(text);
    },
    stderr: (text) => void process.stderr.write(text),
    readText: (path) => (path === '-' ? readStdin() : readFile(path, 'utf8')),
    readBytes: (path, signal) => (path === '-' ? stdinBytes(signal) : createReadStream(path, signal ? { signal } : {})),
    listDirectory: async (path) => {
      if (path === '-') return null;
      const info = await stat(path);
      return info.isDirectory() ? readdir(path) : null;
    },
    openOutput: (path) => (path === undefined || path === '-' ? Promise.resolve(stdoutOutput()) : fileOutput(path)),
    writeText: (path, text) => writeFile(path, text, 'utf8'),
    makeDirectory: async (path) => void (await mkdir(path, { recursive: true })),
    sameFile: async (a, b) => {
      try {
        const first = a === '-' ? fstatSync(0) : await statOrNull(a);
        const second = b === '-' ? fstatSync(0) : await statOrNull(b);
        return first !== null && second !== null && first.dev === second.dev && first.ino === second.ino;
      } catch {
        return false;
      }
    },
    interrupts: () => {
      const controller = new AbortController();
      const onInt = (): void => controller.abort('SIGINT' satisfies InterruptSignal);
      const onTerm = (): void => controller.abort('SIGTERM' satisfies InterruptSignal);
      process.once('SIGINT', onInt);
      process.once('SIGTERM', onTerm);
      return {
        signal: controller.signal,
        stop: () => {
          process.off('SIGINT', onInt);
          process.off('SIGTERM', onTerm);
        },
      };
    },
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}
