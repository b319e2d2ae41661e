/**
 * Pure functions of a text that keep meeting the same inputs remember their results, in one of two ways.
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

/**
 * A message is read by several parts of one turn, one right after the other (the main dialog scores it, then the
 * chosen journey answers it): only the last input is remembered. A longer memory would answer repeated messages
 * from memory, which real traffic seldom has and a benchmark does. Arguments after the input are handed to
 * `compute` but are not part of what is remembered: the result must not depend on them in a way that matters.
 */
export function rememberLast<Rest extends unknown[], T>(compute: (input: string, ...rest: Rest) => T): (input: string, ...rest: Rest) => T {
  let last: { input: string; result: T } | undefined;
  return (input, ...rest) => {
    if (last?.input === input) return last.result;
    const result = compute(input, ...rest);
    last = { input, result };
    return result;
  };
}
