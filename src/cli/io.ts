/** The CLI's only outputs: results on stdout, every message for people on stderr. */
import { promises as fs } from 'fs';
import { decodeArticleBytes } from '../core/text';
import { describeFsError } from '../node/files';
export interface Cli {
  out(text: string): void;
  warn(message: string): void;
  usage(message: string): number;
}

export function processCli(): Cli {
  // A reader that stops early (`| head`) closes the pipe: that ends the output, not in a crash.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    warn: (message) => process.stderr.write(`corpus-lens: ${message}\n`),
    usage(message) {
      process.stderr.write(`corpus-lens: ${message}\n`);
      return 2;
    },
  };
}

/**
 * A whole input file as text (UTF-8, or UTF-16 with its byte-order mark), or null after
 * saying on stderr why it cannot be read; binary files are refused, not read as text.
 */
export async function readInputFile(cli: Cli, file: string): Promise<string | null> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    cli.warn(`${file}: ${describeFsError(e)}`);
    return null;
  }
  const decoded = decodeArticleBytes(bytes);
  if (!decoded.ok) {
    cli.warn(`${file}: ${decoded.message}`);
    return null;
  }
  return decoded.text;
}

/** All of standard input as UTF-8 text (for the map and merge stages that read JSON lines). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
