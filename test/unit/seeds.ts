import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';

export const SEEDS_DIR = path.join(__dirname, '..', '..', 'seeds');

export function seedFiles(): string[] {
  return readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
}

/** A seed article by its number prefix ("001"). */
export function seed(prefix: string): string {
  const file = seedFiles().find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix}`);
  return readFileSync(path.join(SEEDS_DIR, file), 'utf8');
}

export function seedPath(prefix: string): string {
  return path.join(SEEDS_DIR, seedFiles().find((f) => f.startsWith(prefix))!);
}
