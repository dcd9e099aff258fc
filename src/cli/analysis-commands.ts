/**
 * The district-analysis commands of the CLI (forecast, compare, targets). Placeholder until the
 * analysis module lands.
 */
import type { CliCommand } from './io.js';

const notYet: CliCommand = async (_args, io) => {
  io.stderr('not implemented yet\n');
  return 1;
};

export const forecastCommand: CliCommand = notYet;
export const compareCommand: CliCommand = notYet;
export const targetsCommand: CliCommand = notYet;
