/**
 * The key a Teams user's enrolment is bound to: their Entra ID object id, the same in every chat, team and tab they
 * meet Maillage in (an activity's `from.aadObjectId`, a Teams sign-in token's `oid`). Object ids are GUIDs, which
 * Microsoft writes in either case: the key is lower case, so the bot and the tab find the same enrolment.
 */
export function teamsAccountKey(objectId: string): string {
  return `aad:${objectId.trim().toLowerCase().slice(0, 100)}`;
}
