/** Splitting text into lines while keeping exact offsets into the original string. */

export interface TextLine {
  /** 1-based line number, as editors and the CLI show it. */
  readonly number: number;
  /** Offset of the first character of the line. */
  readonly start: number;
  /** Offset just past the last character, excluding the line break. */
  readonly end: number;
  readonly text: string;
}

/** Splits on \n, \r\n and lone \r; offsets always index the untouched input. */
export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  let number = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ number, start, end: i, text: text.slice(start, i) });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
      number++;
    }
  }
  lines.push({ number, start, end: text.length, text: text.slice(start) });
  return lines;
}

export function isBlank(line: string): boolean {
  return line.trim().length === 0;
}

/** The span of a line with surrounding white space trimmed, or null when it is blank. */
export function trimmedSpan(line: TextLine): { start: number; end: number } | null {
  const lead = line.text.length - line.text.trimStart().length;
  const trail = line.text.length - line.text.trimEnd().length;
  if (lead === line.text.length) return null;
  return { start: line.start + lead, end: line.end - trail };
}

/** A list item: a bullet or a number ("* ", "• ", "- ", "3. ", "2) ") opening the line. */
export function isListItem(line: string): boolean {
  return /^\s*([*•·▪◦‣-]|\d{1,3}[.)])\s/.test(line);
}
