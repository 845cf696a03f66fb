/** corpus-lens: the analysis behind the extension, from a terminal. */
import { agreementCommand } from './agreementCommand';
import { analyzeCommand } from './analyzeCommand';
import { boilerplateCommand } from './boilerplateCommand';
import { commandHelp, type Command } from './command';
import { compareCommand } from './compareCommand';
import { entitiesCommand } from './entitiesCommand';
import { eventsCommand } from './eventsCommand';
import { exportCommand } from './exportCommand';
import { importCommand } from './importCommand';
import { nerCommand } from './nerCommand';
import { quotesCommand } from './quotesCommand';
import { reuseCommand } from './reuseCommand';
import { trainCommand } from './trainCommand';
import { processCli, type Cli } from './io';

const VERSION = '0.1.0';

/** Every command, in the order the help lists them; each module declares its own options. */
const COMMANDS: readonly Command[] = [analyzeCommand, nerCommand, entitiesCommand, boilerplateCommand, quotesCommand, compareCommand, eventsCommand, reuseCommand, exportCommand, importCommand, agreementCommand, trainCommand];

export function overallHelp(): string {
  const lines = ['Usage: corpus-lens <command> [options]', '', 'Commands:'];
  for (const c of COMMANDS) {
    const [first, ...rest] = c.summary.split('\n');
    if (c.synopsis.length <= 33) lines.push(`  ${c.synopsis.padEnd(35)}${first}`);
    else lines.push(`  ${c.synopsis}`, `${' '.repeat(37)}${first}`);
    for (const r of rest) lines.push(`${' '.repeat(37)}${r}`);
  }
  lines.push('', 'corpus-lens <command> --help shows a command\'s options.', 'Results go to stdout; warnings about unreadable files go to stderr.', '');
  return lines.join('\n');
}

export async function main(argv: string[], cli: Cli = processCli()): Promise<number> {
  const [name, ...args] = argv;
  if (!name) return cli.usage(`a command is needed\n${overallHelp()}`);
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === args[0]) : undefined;
    cli.out(topic ? commandHelp(topic) : overallHelp());
    return 0;
  }
  if (name === '--version') {
    cli.out(VERSION);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return cli.usage(`unknown command "${name}"\n${overallHelp()}`);
  return command.invoke(cli, args);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // A failure nobody foresaw: one line saying what happened, the stack only when asked for.
      const err = e as NodeJS.ErrnoException;
      process.stderr.write(`corpus-lens: ${err?.message ?? String(e)}${process.env.CORPUS_LENS_DEBUG ? `\n${err?.stack}` : ' (set CORPUS_LENS_DEBUG=1 for details)'}\n`);
      process.exitCode = 1;
    },
  );
}
