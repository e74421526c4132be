/** A CLI command: parses its own arguments, writes to stdout, returns an exit code. */
export interface Command {
  summary: string;
  help: string;
  run(args: string[]): Promise<number>;
}

/** An error the user caused (bad file, bad flag): printed as one line, no stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
