import { CommuneIndex, codesWithinCommune } from '../../src/geo';

const communes = CommuneIndex.load();

describe('the codes a commune covers', () => {
  it.each([
    ['69123', ['69123', '69381', '69382', '69383', '69384', '69385', '69386', '69387', '69388', '69389']],
    ['13055', ['13055', ...Array.from({ length: 16 }, (_, i) => String(13201 + i))]],
    ['75056', ['75056', ...Array.from({ length: 20 }, (_, i) => String(75101 + i))]],
    // A commune without arrondissements, an arrondissement itself, a code no commune has: only themselves.
    ['69259', ['69259']],
    ['69388', ['69388']],
    ['99999', ['99999']],
    ['', ['']],
  ])('%s', (code, expected) => {
    expect(codesWithinCommune(code, communes)).toEqual(expected);
  });

  it('finds every arrondissement of the official list under its city, and nothing under any other commune', () => {
    const arrondissements = communes.communes.filter((commune) => commune.kind === 'arrondissement');
    expect(arrondissements.length).toBeGreaterThanOrEqual(45);
    const byCity = new Map<string, string[]>();
    for (const part of arrondissements) byCity.set(part.parent ?? '', [...(byCity.get(part.parent ?? '') ?? []), part.code]);
    for (const [city, parts] of byCity) expect(codesWithinCommune(city, communes)).toEqual([city, ...parts.sort()]);
    const others = communes.communes.filter((commune) => commune.kind === 'commune' && !byCity.has(commune.code));
    expect(others.every((commune) => codesWithinCommune(commune.code, communes).length === 1)).toBe(true);
  });
});
