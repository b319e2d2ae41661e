/** Words sorted and wrapped in lines of at most 110 characters: the body of a generated word list. */
export function wrappedWords(words: Iterable<string>): { sorted: string[]; lines: string[] } {
  const sorted = [...words].sort();
  const lines: string[] = [];
  let line = '';
  for (const word of sorted) {
    if (line.length + word.length + 1 > 110) {
      lines.push(line);
      line = '';
    }
    line += (line ? ' ' : '') + word;
  }
  if (line) lines.push(line);
  return { sorted, lines };
}
