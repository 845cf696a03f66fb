/** The CLI's only outputs: results on stdout, every message for people on stderr. */
import { promises as fs } from 'fs';
import { describeFsError } from '../node/files';
export interface Cli {
  out(text: string): void;
  warn(message: string): void;
  usage(message: string): number;
}

export function processCli(): Cli {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    warn: (message) => process.stderr.write(`corpus-lens: ${message}\n`),
    usage(message) {
      process.stderr.write(`corpus-lens: ${message}\n`);
      return 2;
    },
  };
}

/** A whole input file as text, or null after saying on stderr why it cannot be read. */
export async function readInputFile(cli: Cli, file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    cli.warn(`${file}: ${describeFsError(e)}`);
    return null;
  }
}
