/** corpus-lens: the analysis behind the extension, from a terminal. */
import { analyzeCommand } from './analyzeCommand';
import { boilerplateCommand } from './boilerplateCommand';
import { compareCommand } from './compareCommand';
import { entitiesCommand } from './entitiesCommand';
import { eventsCommand } from './eventsCommand';
import { exportCommand } from './exportCommand';
import { nerCommand } from './nerCommand';
import { quotesCommand } from './quotesCommand';
import { reuseCommand } from './reuseCommand';
import { processCli, type Cli } from './io';

const VERSION = '0.1.0';

const HELP = `Usage: corpus-lens <command> [options]

Commands:
  analyze <folder|files…> [--json]   article structure: title, outlet, date, dateline,
                                     paragraphs and boilerplate
  ner --conll FILE                   tag CoNLL tokens; prints "token gold predicted"
  entities FILE…                     one JSON line per file: entity mentions with
                                     corpus-wide entity ids
  boilerplate FILE…                  one JSON line per file: every line, boilerplate
                                     or not, and its kind
  quotes FILE… [--partial]           one JSON line per file: quotes with cue and speaker
                                     (--partial: also quoted words inside the writer's sentences)
  compare FILE FILE… [--json]        align articles: shared and unique passages, the
                                     quotes each carries, the entities each covers
  events FILE.jsonl [--threshold N]  group articles (JSON lines with id and text) by
                                     the news event they report: {"id", "event"} lines
  reuse [--min-words N] <folder|files…>
                                     text reuse: one JSON line per passage two articles
                                     share (verbatim, edited, rewritten); see reuse --help
  export --format brat|jsonl|conll|w3c --out DIR <folder|files…>
                                     write entity and quote annotations in a
                                     standard format

Results go to stdout; warnings about unreadable files go to stderr.
`;

type Command = (cli: Cli, args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  analyze: analyzeCommand,
  ner: nerCommand,
  entities: entitiesCommand,
  boilerplate: boilerplateCommand,
  events: eventsCommand,
  quotes: quotesCommand,
  compare: compareCommand,
  export: exportCommand,
  reuse: (cli, args) => reuseCommand(cli, args),
};

export async function main(argv: string[], cli: Cli = processCli()): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stderr.write(HELP);
    return name ? 0 : 2;
  }
  if (name === '--version') {
    cli.out(VERSION);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) return cli.usage(`unknown command "${name}"\n${HELP}`);
  return command(cli, args);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`corpus-lens: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
