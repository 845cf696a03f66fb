/**
 * How every CLI command is declared: a name, one help line, a usage text and an option table
 * that `util.parseArgs` checks strictly. `cli.ts` builds the overall help from these, so a
 * new command is one module exporting a `CommandSpec` and one line in `COMMANDS`.
 *
 * Unknown options, missing values and bad values exit 2 with a message naming the option;
 * `--help` (or `-h`) on any command prints its usage to stdout and exits 0.
 */
import { parseArgs } from 'util';
import type { EngineOptions } from '../engine/analysisEngine';
import { defaultCacheDir, openCache } from '../engine/diskCache';
import { coreCount } from '../engine/stagePool';
import { useModel } from '../node/models';
import type { Cli } from './io';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** Shown in the usage text as `--name VALUE`. */
  readonly valueName?: string;
  readonly description: string;
  /** The value must be one of these. */
  readonly choices?: readonly string[];
  /** The value must be a finite number in this range; the parsed value is a number. */
  readonly number?: { readonly min?: number; readonly max?: number; readonly integer?: boolean };
  /** The option may be given several times; the parsed value is a list. */
  readonly multiple?: boolean;
  /** The command cannot run without it. */
  readonly required?: boolean;
  /** Accepted for old scripts, left out of the help. */
  readonly hidden?: boolean;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

type ValueOf<O extends OptionSpec> = O extends { type: 'boolean' } ? boolean : O extends { number: object } ? number : O extends { multiple: true } ? string[] : string;

export type ParsedValues<T extends OptionTable> = { readonly [K in keyof T]?: ValueOf<T[K]> };

export interface ParsedArgs<T extends OptionTable> {
  readonly values: ParsedValues<T>;
  readonly positionals: readonly string[];
}

export interface CommandSpec<T extends OptionTable = OptionTable> {
  readonly name: string;
  /** The synopsis after `corpus-lens `, e.g. `analyze <folder|files…> [--json]`. */
  readonly synopsis: string;
  /** What the command prints, in a line or two (shown in the overall help too). */
  readonly summary: string;
  readonly options: T;
  /** How many positional arguments it takes, and what to call them in messages. */
  readonly positionals: { readonly min: number; readonly max?: number; readonly name: string };
  /**
   * Whether the command takes the shared options (SHARED_OPTIONS: `--model DIR`); every command
   * does unless it says false, so a script can pass the same model to each step.
   */
  readonly sharedOptions?: boolean;
  /** The command analyses articles with the engine, so it takes `--jobs N` (WORKER_OPTIONS) too. */
  readonly workers?: boolean;
  run(cli: Cli, args: ParsedArgs<T>): Promise<number>;
}

/**
 * Options every analysing command takes, declared once and added to every command's table
 * (unless it says `sharedOptions: false`). `--model DIR` is handled here before the command
 * runs; `engineOptions` turns the cache options into the engine's. A new shared option is one
 * entry here and, when the engine needs it, a line in `engineOptions`.
 * `--model DIR`: the entity model `corpus-lens train --out DIR` wrote (default: the built-in one).
 */
export const SHARED_OPTIONS = {
  model: { type: 'string', valueName: 'DIR', description: 'the entity model to tag with: a folder corpus-lens train --out wrote (default: the built-in model)' },
  'no-cache': { type: 'boolean', description: 'analyse every article afresh: read and write no on-disk cache' },
  cache: { type: 'string', valueName: 'DIR', description: 'keep the on-disk cache of per-article results in DIR (default $XDG_CACHE_HOME/corpus-lens, else ~/.cache/corpus-lens)' },
} as const satisfies OptionTable;

/**
 * `--jobs N`, taken by the commands that analyse articles with the engine (`workers: true`):
 * the per-article stages on N worker threads, the corpus layers built once after; output is
 * the same for every N. Default: one per core, on work large enough to repay the workers.
 */
export const WORKER_OPTIONS = {
  jobs: { type: 'string', valueName: 'N', number: { min: 1, max: 256, integer: true }, description: 'analyse the articles on N worker threads (default: one per core; 1: in this process alone); the output is the same' },
} as const satisfies OptionTable;

export type SharedValues = ParsedValues<typeof SHARED_OPTIONS> & ParsedValues<typeof WORKER_OPTIONS>;

/**
 * The engine's options from the shared ones a command was given: the on-disk cache (for the
 * model in use, which `--model` has chosen by now) unless `--no-cache`.
 */
export function engineOptions(cli: Cli, values: object): EngineOptions {
  const shared = values as SharedValues;
  const workers = shared.jobs !== undefined ? { count: shared.jobs } : { count: coreCount(), auto: true };
  if (shared['no-cache']) return { workers };
  return { cache: openCache(shared.cache ?? defaultCacheDir(), (m) => cli.warn(m)), workers };
}

/** A declared command, ready to run on raw arguments (what `cli.ts` lists). */
export interface Command {
  readonly name: string;
  readonly synopsis: string;
  readonly summary: string;
  readonly options: OptionTable;
  readonly positionals: CommandSpec['positionals'];
  /** Parses `args` strictly and runs the command: exit 2 on a usage problem, 0 after `--help`. */
  invoke(cli: Cli, args: readonly string[]): Promise<number>;
}

/** Keeps the option table's literal types, so `run` sees `values.json` as a boolean. */
export function defineCommand<T extends OptionTable>(spec: CommandSpec<T>): Command {
  const full = withSharedOptions(spec);
  return { name: spec.name, synopsis: full.synopsis, summary: spec.summary, options: full.options, positionals: spec.positionals, invoke: (cli, args) => runCommand(spec, cli, args) };
}

/** The spec with the shared options it takes added to its table and synopsis. */
function withSharedOptions<T extends OptionTable>(spec: CommandSpec<T>): CommandSpec<T> {
  if (spec.sharedOptions === false) return spec;
  return { ...spec, synopsis: `${spec.synopsis} [--model DIR]`, options: { ...spec.options, ...SHARED_OPTIONS, ...(spec.workers ? WORKER_OPTIONS : {}) } };
}

export function commandHelp(spec: Pick<Command, 'name' | 'synopsis' | 'summary' | 'options'>): string {
  const lines = [`Usage: corpus-lens ${spec.synopsis}`, '', ...spec.summary.split('\n').map((l) => `  ${l}`)];
  const shown = Object.entries(spec.options).filter(([, o]) => !o.hidden);
  if (shown.length) {
    lines.push('', 'Options:');
    const heads = shown.map(([name, o]) => `--${name}${o.short ? `, -${o.short}` : ''}${o.type === 'string' ? ` ${o.valueName ?? 'VALUE'}` : ''}`);
    const width = Math.max(...heads.map((h) => h.length), '--help, -h'.length) + 3;
    shown.forEach(([, o], i) => {
      const choices = o.choices ? ` (${o.choices.join(', ')})` : '';
      lines.push(`  ${heads[i].padEnd(width)}${o.description}${choices}${o.required ? ' [required]' : ''}`);
    });
    lines.push(`  ${'--help, -h'.padEnd(width)}show this help`);
  }
  return lines.join('\n') + '\n';
}

/** Parses `args` for `spec` and runs it; every usage problem becomes exit 2 with a message. */
export async function runCommand<T extends OptionTable>(given: CommandSpec<T>, cli: Cli, args: readonly string[]): Promise<number> {
  const spec = withSharedOptions(given);
  const parsed = parseCommandArgs(spec, args);
  if (parsed === 'help') {
    cli.out(commandHelp(spec));
    return 0;
  }
  if (typeof parsed === 'string') return cli.usage(`${spec.name}: ${parsed}\nusage: corpus-lens ${spec.synopsis} (corpus-lens ${spec.name} --help for more)`);
  if (spec.sharedOptions !== false) {
    const model = (parsed.values as Record<string, unknown>).model as string | undefined;
    try {
      useModel(model);
    } catch (e) {
      return cli.usage(`${spec.name}: --model ${(e as Error).message}`);
    }
    try {
      return await spec.run(cli, parsed);
    } finally {
      // In-process callers (tests, the extension's CLI capture) get the built-in model back.
      useModel(undefined);
    }
  }
  return spec.run(cli, parsed);
}

/** The parsed arguments, 'help', or a message saying what is wrong. */
export function parseCommandArgs<T extends OptionTable>(spec: CommandSpec<T>, args: readonly string[]): ParsedArgs<T> | 'help' | string {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, o] of Object.entries(spec.options)) options[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  let raw: { values: Record<string, string | boolean | Array<string | boolean> | undefined>; positionals: string[] };
  try {
    raw = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (e) {
    return describeParseError(e, spec.options);
  }
  if (raw.values.help) return 'help';
  const values: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(spec.options)) {
    const v = raw.values[name];
    if (v === undefined) {
      if (o.required) return `--${name} is required`;
      continue;
    }
    for (const one of Array.isArray(v) ? v : [v]) {
      if (typeof one !== 'string') continue;
      if (one === '') return `--${name} needs a value`;
      if (o.choices && !o.choices.includes(one)) return `--${name} must be one of ${o.choices.join(', ')}, not "${one}"`;
    }
    if (o.number && typeof v === 'string') {
      const n = Number(v);
      const { min, max } = o.number;
      if (v.trim() === '' || !Number.isFinite(n)) return `--${name} must be a number, not "${v}"`;
      if (o.number.integer && !Number.isInteger(n)) return `--${name} must be a whole number, not ${v}`;
      if ((min !== undefined && n < min) || (max !== undefined && n > max)) return `--${name} must be ${rangeText(min, max)}, not ${v}`;
      values[name] = n;
    } else values[name] = v;
  }
  const { min, max, name } = spec.positionals;
  if (raw.positionals.length < min) return min === 1 ? `needs ${name}` : `needs at least ${min} ${name}`;
  if (max !== undefined && raw.positionals.length > max) {
    return max === 0 ? `takes no ${name} (got "${raw.positionals[0]}")` : `takes at most ${max} ${name} (got ${raw.positionals.length})`;
  }
  return { values: values as ParsedValues<T>, positionals: raw.positionals };
}

function rangeText(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return `between ${min} and ${max}`;
  return min !== undefined ? `at least ${min}` : `at most ${max}`;
}

function describeParseError(e: unknown, table: OptionTable): string {
  const err = e as { code?: string; message?: string };
  const named = /'(-{1,2}[^'\s]*)/.exec(err.message ?? '')?.[1];
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const known = Object.keys(table).filter((k) => !table[k].hidden);
    return `unknown option ${named ?? ''}${known.length ? ` (options: ${known.map((k) => `--${k}`).join(', ')})` : ' (this command takes no options)'}`;
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = named ? table[named.replace(/^-+/, '')] : undefined;
    if (option?.type === 'boolean' || /does not take an argument/.test(err.message ?? '')) return `${named} takes no value`;
    if (/ambiguous/.test(err.message ?? '')) return `${named} needs a value (write ${named}=VALUE for a value starting with "-")`;
    return `${named} needs a value`;
  }
  return err.message ?? String(e);
}
