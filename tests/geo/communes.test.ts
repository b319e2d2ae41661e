import { CommuneIndex, placeKey } from '../../src/geo';

// The commune data is large: loaded once for the whole file.
const communes = CommuneIndex.load();

function resolved(text: string): string | null {
  return communes.resolve(text)?.commune.code ?? null;
}

describe('place keys', () => {
  it.each([
    ['Saint-Priest', 'saint priest'],
    ['St Priest', 'saint priest'],
    ['Ste-Foy-lès-Lyon', 'sainte foy les lyon'],
    ["L'Arbresle", 'l arbresle'],
    ['Lyon 8e Arrondissement', 'lyon 8'],
    ['Lyon 08', 'lyon 8'],
    ['lyon 1er', 'lyon 1'],
    ['Paris 15ème', 'paris 15'],
  ])('%s → %s', (name, key) => {
    expect(placeKey(name)).toBe(key);
  });
});

describe('official communes', () => {
  it('holds the current communes and the arrondissements of Paris, Lyon and Marseille', () => {
    expect(communes.communes.length).toBeGreaterThan(34000);
    expect(communes.byCode('69388')?.parent).toBe('69123');
    expect(communes.byCode('75115')?.kind).toBe('arrondissement');
    expect(communes.byCode('13201')?.parent).toBe('13055');
  });

  it('places nearly every Rhône commune on the map, each in the Rhône', () => {
    const rhone = communes.communes.filter((c) => c.departement === '69');
    const placed = rhone.filter((c) => c.latitude !== null && c.longitude !== null);
    expect(placed.length / rhone.length).toBeGreaterThan(0.95);
    for (const c of placed) {
      expect(c.latitude).toBeGreaterThan(45.4);
      expect(c.latitude).toBeLessThan(46.35);
      expect(c.longitude).toBeGreaterThan(4.2);
      expect(c.longitude).toBeLessThan(5.2);
    }
  });

  it('does not give a commune the coordinates GeoNames filed under a neighbour’s code', () => {
    // GeoNames files Tassin-la-Demi-Lune under Lyon's code; each keeps its own place.
    const lyon = communes.byCode('69123');
    const tassin = communes.byCode('69244');
    expect(lyon?.coordinates).toBe('geonames');
    expect(tassin?.coordinates).toBe('geonames-name');
    expect(Math.abs((tassin?.longitude ?? 0) - (lyon?.longitude ?? 0))).toBeGreaterThan(0.03);
  });

  it('finds a commune by a former INSEE code', () => {
    expect(communes.byCode('69232')?.code).toBe('69123');
  });
});

describe('resolving what users type', () => {
  it.each([
    ['venisieux', '69259'],
    ['Vénissieux', '69259'],
    ['villeurbane', '69266'],
    ['saint priest', '69290'],
    ['St-Priest', '69290'],
    ['decine charpieu', '69275'],
    ['Décines', '69275'],
    ["l'arbresle", '69010'],
    ['arbresle', '69010'],
    ['vaulx en velin', '69256'],
    ['Villefranche', '69264'],
    ['joue les tours', '37122'],
    ['Tours', '37261'],
    ['69100', '69266'],
    ['Lyon 8', '69388'],
    ['Lyon 1er', '69381'],
    ['lyon 3eme', '69383'],
    ['69001', '69381'],
    ['Paris 15e', '75115'],
    ['75015', '75115'],
    ['marseille 13', '13213'],
    ['69123', '69123'],
  ])('%s → %s', (text, code) => {
    expect(resolved(text)).toBe(code);
  });

  it('gives the other communes of a shared postcode as alternatives, most populous first', () => {
    const match = communes.resolve('69380');
    expect(match?.via).toBe('postcode');
    const all = [match?.commune, ...(match?.alternatives ?? [])];
    expect(all.length).toBeGreaterThan(3);
    expect(all.every((c) => c?.postcodes.includes('69380'))).toBe(true);
  });

  it('keeps homonyms as alternatives', () => {
    const match = communes.resolve('Saint-Priest');
    expect(match?.alternatives.map((c) => c.departement)).toEqual(expect.arrayContaining(['07', '23']));
  });

  it.each([
    ['empty text', ''],
    ['blanks', '   '],
    ['emoji', '🙂🙂'],
    ['gibberish', 'xyzzy'],
    ['HTML', '<script>alert(1)</script>'],
    ['SQL', "'; DROP TABLE communes; --"],
    ['10,000 characters', 'a'.repeat(10000)],
  ])('answers nothing for %s', (_label, text) => {
    expect(communes.resolve(text)).toBeNull();
    expect(communes.findInSentence(text)).toBeNull();
  });

  it('understands "à Givors" as a place alone', () => {
    expect(resolved('à Givors')).toBe('69091');
    expect(resolved('près de venisieux')).toBe('69259');
  });
});

describe('places inside sentences', () => {
  it.each([
    ['un groupe de parole près de Vénissieux le samedi ?', '69259'],
    ["je suis maman solo à Vaulx-en-Velin, existe-t-il un groupe d'entraide ?", '69256'],
    ["mon ado ne me parle plus, qui peut m'aider près de Tours ?", '37261'],
    ['laep givors', '69091'],
    ['cafe des parents a venisieux', '69259'],
    ['médiation familiale lyon 8', '69388'],
    ['groupe de parole 69100', '69266'],
    ['et à Joué-lès-Tours ?', '37122'],
    ['une aide aux devoirs sur St Priest', '69290'],
  ])('%s', (sentence, code) => {
    expect(communes.findInSentence(sentence)?.commune.code).toBe(code);
  });

  it.each([
    'quel soutien entre pairs existe près de chez moi ?',
    'Which peer support exists near me?',
    "je voudrais parler à quelqu'un au téléphone pour une question d'éducation",
    'qui pilote la PA 3.2.1',
    'Y a-t-il un groupe de parole pour les parents ?',
    'ma fille va à l’école et garde le moral',
  ])('finds no place in %j', (sentence) => {
    expect(communes.findInSentence(sentence)).toBeNull();
  });

  it('leaves out the words the caller already understood', () => {
    expect(communes.findInSentence('atelier parent', { ignoreWords: new Set(['parent', 'atelier']) })).toBeNull();
  });
});

describe('nearest commune to a position', () => {
  it('names the commune, or the arrondissement inside a city', () => {
    expect(communes.nearest(45.7671, 4.8822)?.code).toBe('69266');
    expect(communes.nearest(47.392, 0.69)?.code).toBe('37261');
    expect(communes.nearest(45.7365, 4.868)?.code).toBe('69388');
  });

  it('answers null far from any commune or for nonsense', () => {
    expect(communes.nearest(0, -30)).toBeNull();
    expect(communes.nearest(Number.NaN, 4.8)).toBeNull();
  });
});
