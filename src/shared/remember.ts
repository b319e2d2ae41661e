/**
 * Pure functions of a word that keep meeting the same inputs remember their results. Messages are not remembered:
 * a turn is read once (src/reading), so nothing reads the same message twice.
 */

/**
 * Words, titles and headings come back from passage to passage and from message to message: up to `limit` of them
 * are remembered; past it the memory starts afresh, so a flood of new inputs cannot grow it.
 */
export function rememberMany<T>(limit: number, compute: (input: string) => T): (input: string) => T {
  const remembered = new Map<string, T>();
  return (input) => {
    if (remembered.has(input)) return remembered.get(input) as T;
    const result = compute(input);
    if (remembered.size >= limit) remembered.clear();
    remembered.set(input, result);
    return result;
  };
}
