import { matchTokens, startsWith } from './phrases';
import { PEER_GROUP } from './vocabulary';

/**
 * « Groupe de parents », « groupe pour parler »: a group of parents named with everyday words is a groupe de parole,
 * whether a parent types it or a service is called so (« Groupe parents d'ados »). Read by the message's reading
 * (understand.ts) and by the offer's classification (classify.ts) alike.
 */

const PEER_GROUP_HEADS: ReadonlySet<string> = new Set(PEER_GROUP.heads.flatMap(matchTokens));
const PEER_GROUP_LINKS: ReadonlySet<string> = new Set(PEER_GROUP.links.flatMap(matchTokens));
const PEER_GROUP_ENDS: ReadonlyArray<readonly string[]> = [...PEER_GROUP.members, ...PEER_GROUP.purposes].map(matchTokens);
const PEER_GROUP_OTHER: ReadonlyArray<readonly string[]> = PEER_GROUP.otherThan.map(matchTokens);
/** The most linking words between « groupe » and the parents: « groupe pour les autres parents ». */
const PEER_GROUP_MAX_LINKS = 3;

/**
 * « Groupe » followed, through linking words only, by parents or by talking (PEER_GROUP): the span of each such
 * group named, head to last word, and whether the words after make it another group (« parents d'élèves »).
 */
export function peerGroups(tokens: readonly string[]): Array<{ start: number; end: number; other: boolean }> {
  const found: Array<{ start: number; end: number; other: boolean }> = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!PEER_GROUP_HEADS.has(tokens[i])) continue;
    let j = i + 1;
    while (j < tokens.length && j - i - 1 < PEER_GROUP_MAX_LINKS && PEER_GROUP_LINKS.has(tokens[j])) j++;
    const end = PEER_GROUP_ENDS.find((words) => startsWith(tokens, j, words));
    if (!end) continue;
    const after = j + end.length;
    const other = PEER_GROUP_OTHER.find((words) => startsWith(tokens, after, words));
    found.push({ start: i, end: after + (other?.length ?? 0), other: other !== undefined });
  }
  return found;
}
