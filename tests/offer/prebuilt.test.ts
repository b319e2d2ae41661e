import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { CommuneIndex } from '../../src/geo';
import { answerOfferQuery } from '../../dialogs/findSupport/answer';
import { loadOffer, readOfferMessage } from '../../src/offer';
import { streamJsonRecords } from '../../src/offer/jsonArrayStream';
import { PREBUILT_FILE, PREBUILT_SUMMARIES_FILE, writePrebuiltOffer } from '../../src/offer/prebuilt';

const communes = CommuneIndex.load();
const demoDir = join(__dirname, '../../knowledge/offer');
const now = DateTime.fromISO('2026-03-10T10:30:00', { zone: 'Europe/Paris' });

function prebuiltCopyOfDemo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-prebuilt-'));
  const { offer, problems } = loadOffer(demoDir, communes);
  writePrebuiltOffer(dir, { services: offer.services, centroids: offer.centroids, problems, text: offer.textIndex(), spatial: offer.dumpSpatial(), source: 'demo' });
  return dir;
}

describe('the prebuilt offer', () => {
  it('loads back the same entries, searches and answers the same', () => {
    const dir = prebuiltCopyOfDemo();
    const direct = loadOffer(demoDir, communes).offer;
    const prebuilt = loadOffer(dir, communes);
    expect(prebuilt.problems).toEqual([]);
    expect(prebuilt.offer.size).toBe(direct.size);
    expect(prebuilt.offer.services.map((s) => ({ ...s, summary: null }))).toEqual(direct.services.map((s) => ({ ...s, summary: null })));
    for (const text of ['un LAEP à Givors', 'sophrologie à Lyon', 'écoute téléphonique à Tours', 'cuisine à Vaulx-en-Velin']) {
      const a = answerOfferQuery(direct, communes, readOfferMessage(text, now, communes), {}, { now, language: 'fr' });
      const b = answerOfferQuery(prebuilt.offer, communes, readOfferMessage(text, now, communes), {}, { now, language: 'fr' });
      expect(b.text).toBe(a.text);
      expect(b.cards).toEqual(a.cards);
    }
  });

  it('is ignored, with a reason, when the export files are newer', () => {
    const dir = prebuiltCopyOfDemo();
    writeFileSync(join(dir, 'services.json'), readFileSync(join(demoDir, 'services.json')));
    writeFileSync(join(dir, 'structures.json'), readFileSync(join(demoDir, 'structures.json')));
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(dir, PREBUILT_FILE), past, past);
    const { offer, problems } = loadOffer(dir, communes);
    expect(problems).toEqual([expect.objectContaining({ file: `offer/${PREBUILT_FILE}`, reason: expect.stringContaining('plus ancien') })]);
    expect(offer.size).toBeGreaterThan(40);
  });

  it('makes entries only as they are read, and shows the same descriptions on cards', () => {
    const dir = prebuiltCopyOfDemo();
    const direct = loadOffer(demoDir, communes).offer;
    const prebuilt = loadOffer(dir, communes).offer;
    const laep = direct.services.findIndex((s) => s.kinds.includes('laep'));
    expect(prebuilt.service(laep)).toEqual({ ...direct.service(laep), summary: null });
    expect(prebuilt.service(laep)).not.toBe(prebuilt.service(laep));
    expect(prebuilt.summaryOf(laep)).toBe(direct.summaryOf(laep));
    expect(prebuilt.facts(laep)).toMatchObject({ zone: direct.service(laep).zone, hours: direct.service(laep).hours });
  });

  it('reports damaged descriptions and still answers, with cards that have none', () => {
    const dir = prebuiltCopyOfDemo();
    writeFileSync(join(dir, PREBUILT_SUMMARIES_FILE), '{"format": 4, "count": 1}\n');
    const { offer, problems } = loadOffer(dir, communes);
    const answer = answerOfferQuery(offer, communes, readOfferMessage('un LAEP à Givors', now, communes), {}, { now, language: 'fr' });
    expect(answer.outcome).toBe('results');
    expect(problems).toEqual([expect.objectContaining({ file: `offer/${PREBUILT_SUMMARIES_FILE}` })]);
  });

  it('is ignored, with a reason, when its sections are cut short', () => {
    const dir = prebuiltCopyOfDemo();
    const bytes = readFileSync(join(dir, PREBUILT_FILE));
    writeFileSync(join(dir, PREBUILT_FILE), bytes.subarray(0, bytes.length - 64));
    const past = new Date(Date.now() - 60_000);
    for (const file of ['services.json', 'structures.json']) {
      writeFileSync(join(dir, file), readFileSync(join(demoDir, file)));
      utimesSync(join(dir, file), past, past);
    }
    const { offer, problems } = loadOffer(dir, communes);
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ file: `offer/${PREBUILT_FILE}`, reason: expect.stringContaining('ignoré') })]));
    expect(offer.size).toBe(loadOffer(demoDir, communes).offer.size);
  });

  it('falls back to the export files when damaged', () => {
    const dir = prebuiltCopyOfDemo();
    writeFileSync(join(dir, PREBUILT_FILE), '{"format": 3, "count": 2');
    writeFileSync(join(dir, 'services.json'), '[]');
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(dir, 'services.json'), past, past);
    const { problems } = loadOffer(dir, communes);
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ file: `offer/${PREBUILT_FILE}`, reason: expect.stringContaining('JSON invalide') })]));
  });
});

describe('reading a large JSON array a record at a time', () => {
  it('yields each record, reports a broken one, and keeps going', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-stream-'));
    const file = join(dir, 'services.json');
    writeFileSync(file, '\uFEFF[ {"id": "a", "nom": "x, y [z] {w}"},\n {"id": broken},\n {"id": "c", "t": "guillemet \\" et \\\\"} ]');
    const seen: unknown[] = [];
    for await (const element of streamJsonRecords(file)) seen.push('error' in element ? `error ${element.index}` : element.value);
    expect(seen).toEqual([{ id: 'a', nom: 'x, y [z] {w}' }, 'error 1', { id: 'c', t: 'guillemet " et \\' }]);
  });

  // A top-level object is now a record (JSON Lines) or an API page; what is neither an object nor an array is refused.
  it('refuses what holds no records, and a truncated file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-stream-'));
    writeFileSync(join(dir, 'number.json'), '42');
    writeFileSync(join(dir, 'cut.json'), '[{"id": 1}, {"id": 2');
    const drain = async (file: string) => {
      const seen: unknown[] = [];
      for await (const element of streamJsonRecords(join(dir, file))) seen.push(element);
      return seen;
    };
    await expect(drain('number.json')).rejects.toThrow('tableau');
    await expect(drain('cut.json')).rejects.toThrow('tronqué');
  });
});
