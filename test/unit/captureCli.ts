import type { Cli } from '../../src/cli/io';

/** A CLI whose stdout and stderr are kept as strings, for running commands in process. */
export function captureCli(): Cli & { stdout: string; stderr: string } {
  const c = {
    stdout: '',
    stderr: '',
    out(text: string) {
      c.stdout += text.endsWith('\n') ? text : text + '\n';
    },
    warn(message: string) {
      c.stderr += message + '\n';
    },
    usage(message: string) {
      c.stderr += message + '\n';
      return 2;
    },
  };
  return c;
}
