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
  readonly number?: { readonly min?: number; readonly max?: number };
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
  run(cli: Cli, args: ParsedArgs<T>): Promise<number>;
}

/**
 * The options every analysing command takes, declared once: a command spreads them into its
 * table (`options: { json: …, ...ANALYSIS_OPTIONS }`) and turns them into the engine's options
 * with `engineOptions`. A new shared option is one entry here and a line in `engineOptions`.
 */
export const ANALYSIS_OPTIONS = {
  'no-cache': { type: 'boolean', description: 'analyse every article afresh: read and write no on-disk cache' },
  cache: { type: 'string', valueName: 'DIR', description: 'keep the on-disk cache of per-article results in DIR (default $XDG_CACHE_HOME/corpus-lens, else ~/.cache/corpus-lens)' },
} as const satisfies OptionTable;

export type AnalysisValues = ParsedValues<typeof ANALYSIS_OPTIONS>;

/** The engine's options from the shared ones: the on-disk cache unless --no-cache. */
export function engineOptions(cli: Cli, values: AnalysisValues): EngineOptions {
  if (values['no-cache']) return {};
  return { cache: openCache(values.cache ?? defaultCacheDir(), (m) => cli.warn(m)) };
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
  return { name: spec.name, synopsis: spec.synopsis, summary: spec.summary, options: spec.options, positionals: spec.positionals, invoke: (cli, args) => runCommand(spec, cli, args) };
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
export async function runCommand<T extends OptionTable>(spec: CommandSpec<T>, cli: Cli, args: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs(spec, args);
  if (parsed === 'help') {
    cli.out(commandHelp(spec));
    return 0;
  }
  if (typeof parsed === 'string') return cli.usage(`${spec.name}: ${parsed}\nusage: corpus-lens ${spec.synopsis} (corpus-lens ${spec.name} --help for more)`);
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
