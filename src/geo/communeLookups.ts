import KDBush from 'kdbush';
import type { CommuneData, NameRank } from './buildCommunes';
import type { TextColumn } from './textColumn';

/**
 * The commune index's lookups, worked out once when the commune cache is written, so that neither a start nor the
 * first message pays for them: names grouped by matching key (the surest, then the most populous commune first),
 * postcodes grouped (the most populous commune first), and the map of communes a position can name.
 */

/** Values grouped under keys: the values of group g are `values[start[g]]` to `values[start[g + 1] - 1]`. */
export type Groups = { keys: TextColumn; start: Int32Array; values: Int32Array };

export type NameGroups = Groups & { rank: readonly NameRank[] };

export type CommuneLookups = {
  nameGroups: NameGroups;
  postcodeGroups: Groups;
  /** Communes on the map (indexes), in the order of the spatial index's items. */
  located: Int32Array;
  /** kdbush's own buffer over `located`. */
  spatial: ArrayBuffer;
};

function groupsOf<V>(byKey: ReadonlyMap<string, readonly V[]>, value: (v: V) => number): Groups {
  const keys = [...byKey.keys()];
  const start = new Int32Array(keys.length + 1);
  const values: number[] = [];
  keys.forEach((key, g) => {
    start[g] = values.length;
    for (const v of byKey.get(key) ?? []) values.push(value(v));
  });
  start[keys.length] = values.length;
  return { keys, start, values: Int32Array.from(values) };
}

/** The lookups of a set of communes. */
export function communeLookups(data: CommuneData): CommuneLookups {
  const communes = data.communes;
  const index = new Map<string, number>();
  communes.forEach((c, i) => index.set(c.code, i));
  const byPopulation = (a: number, b: number) => communes[b].population - communes[a].population;

  // Each commune once under a name; homonyms by how surely the name means them, then by population.
  const byName = new Map<string, Array<{ commune: number; rank: NameRank }>>();
  for (const name of data.names) {
    const commune = index.get(name.code);
    if (commune === undefined) continue;
    const list = byName.get(name.key);
    if (!list) byName.set(name.key, [{ commune, rank: name.rank }]);
    else if (!list.some((e) => e.commune === commune)) list.push({ commune, rank: name.rank });
  }
  for (const entries of byName.values()) entries.sort((a, b) => a.rank - b.rank || byPopulation(a.commune, b.commune));
  const names = { ...groupsOf(byName, (e) => e.commune), rank: [...byName.values()].flatMap((entries) => entries.map((e) => e.rank)) };

  const byPostcode = new Map<string, number[]>();
  communes.forEach((commune, i) => {
    for (const postcode of commune.postcodes) {
      const list = byPostcode.get(postcode);
      if (list) list.push(i);
      else byPostcode.set(postcode, [i]);
    }
  });
  for (const list of byPostcode.values()) list.sort(byPopulation);
  const postcodes = groupsOf(byPostcode, (i) => i);

  // A position inside Lyon should name its arrondissement, not the whole city.
  const citiesWithArrondissements = new Set(communes.map((c) => c.parent).filter((p): p is string => p !== null));
  const located: number[] = [];
  communes.forEach((c, i) => {
    if (c.latitude !== null && c.longitude !== null && !citiesWithArrondissements.has(c.code)) located.push(i);
  });
  const tree = new KDBush(Math.max(1, located.length));
  for (const i of located) tree.add(communes[i].longitude ?? 0, communes[i].latitude ?? 0);
  if (located.length === 0) tree.add(0, 0);
  tree.finish();
  const spatial = new ArrayBuffer(tree.data.byteLength);
  new Uint8Array(spatial).set(new Uint8Array(tree.data));
  return { nameGroups: names, postcodeGroups: postcodes, located: Int32Array.from(located), spatial };
}

/** True when groups hold together: starts rising from 0 to the number of values, values within `count`. */
export function groupsHoldTogether(groups: Groups, count: number): boolean {
  const { keys, start, values } = groups;
  if (start.length !== keys.length + 1 || start[0] !== 0 || start[keys.length] !== values.length) return false;
  for (let g = 0; g < keys.length; g++) if (start[g + 1] < start[g]) return false;
  for (const v of values) if (v < 0 || v >= count) return false;
  return true;
}
