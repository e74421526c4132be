/**
 * `npm run -s cli -- <command>`: the same lib/ engine as the extension, over files.
 * Commands register in `commands`; each returns its exit code.
 */
import { itemsCommand, programmesCommand } from './items';
import { scanCommand } from './scan';
import { CliError, type Command } from './command';

const commands: Record<string, Command> = {
  items: itemsCommand,
  programmes: programmesCommand,
  scan: scanCommand,
};

export const usage = `usage: npm run -s cli -- <command> [options]

commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

  --help   show this help (also: <command> --help)`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage + '\n');
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`unknown command: ${name}\n\n${usage}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.help + '\n');
    return 0;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const message = err instanceof CliError ? err.message : `unexpected error: ${String((err as Error)?.stack ?? err)}`;
    process.stderr.write(`minsheng-lens: ${message}\n`);
    process.exitCode = err instanceof CliError ? err.exitCode : 1;
  },
);
