/** The CLI's only outputs: results on stdout, every message for people on stderr. */
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
