/**
 * The bin itself: help, version, unknown commands, and the dispatch to every subcommand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareCommand } from '../../src/cli/compare-command.js';
import { forecastCommand } from '../../src/cli/forecast-command.js';
import { targetsCommand } from '../../src/cli/targets-command.js';
import { COMMANDS, packageVersion, runCli } from '../../src/cli/commands.js';
import { memoryIO, ROOT, runBuilt } from './helpers.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };

describe('mentougou-srdi (built)', () => {
  it('is the bin of package.json, with a shebang', () => {
    expect(pkg.bin['mentougou-srdi']).toBe('./dist/cli.js');
    expect(readFileSync(join(ROOT, 'dist', 'cli.js'), 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });

  it('--version prints the version of package.json', () => {
    const run = runBuilt(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${pkg.version}\n`);
  });

  it('--help and help print the usage on stdout, exit 0', () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const run = runBuilt(args);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('Usage: mentougou-srdi <command>');
      for (const name of ['assess', 'batch', 'verify', 'schema', 'edition', 'forecast', 'compare', 'targets']) expect(run.stdout).toContain(name);
    }
  });

  it('help <command> and <command> --help print the command usage', () => {
    expect(runBuilt(['help', 'batch']).stdout).toContain('用法：mentougou-srdi batch');
    expect(runBuilt(['help', 'batch', '--lang', 'en']).stdout).toContain('Usage: mentougou-srdi batch');
    const run = runBuilt(['verify', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('用法：mentougou-srdi verify');
  });

  it('no command: the usage on stderr, exit 2', () => {
    const run = runBuilt([]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: mentougou-srdi');
  });

  it('an unknown command: exit 2', () => {
    const run = runBuilt(['asses']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown command: asses');
    expect(runBuilt(['help', 'nope']).status).toBe(2);
    expect(runBuilt(['toString']).status).toBe(2);
  });
});

describe('runCli (in-process)', () => {
  it('reads the version from the sources too', () => {
    expect(packageVersion()).toBe(pkg.version);
  });

  it('dispatches forecast, compare and targets to the analysis commands', async () => {
    expect(COMMANDS.forecast).toBe(forecastCommand);
    expect(COMMANDS.compare).toBe(compareCommand);
    expect(COMMANDS.targets).toBe(targetsCommand);
    for (const name of ['forecast', 'compare', 'targets']) {
      const io = memoryIO({});
      expect(await runCli([name, '--help'], io)).toBeTypeOf('number');
      expect(io.err.join('')).not.toContain('unknown command');
    }
  });

  it('turns an unexpected failure of a command into exit 2 with its message', async () => {
    const io = memoryIO({});
    // verify reads the directory with node:fs; a path that is a file named like a directory fails cleanly.
    expect(await runCli(['verify', join(ROOT, 'package.json', 'x')], io)).toBe(2);
    expect(io.err.join('')).toContain('cannot read vectors');
  });
});
