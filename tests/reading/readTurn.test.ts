import { readReportIntent } from '../../src/reports/reading';
import path from 'node:path';
import { DateTime } from 'luxon';
import { CommuneIndex } from '../../src/geo';
import { recogniseSmallTalk } from '../../src/language/smallTalk';
import { readOfferMessage } from '../../src/offer';
import { readTurn } from '../../src/reading';
import { readSafety } from '../../src/safety';
import { loadSheetKnowledge, readSheetQuestion, SheetIndex } from '../../src/sheets';

/**
 * A turn's reading works out small talk, the sheets' and the offer's readings on first use (docs/decisions/0006):
 * whatever a route asks first, and however the reading is copied, it reads what each reader reads of the text.
 */

const sheets = SheetIndex.build(loadSheetKnowledge(path.join(__dirname, '../../knowledge/sheets')).sheets);
const communes = CommuneIndex.load();
const readers = { sheets, communes };
const NOW = DateTime.fromISO('2026-12-07T10:00:00', { zone: 'Europe/Paris' });

const MESSAGES = [
  'qui pilote la PA 3.2.1 ?',
  'un LAEP à Givors le samedi',
  'merci',
  'je veux mourir',
  'que veut dire CTG ?',
  '',
  '<script>alert(1)</script> 10 000 😀',
];

describe('readTurn', () => {
  test.each(MESSAGES)('« %s » reads as each reader reads it, whichever part is asked first', (text) => {
    const eager = {
      safety: text ? readSafety(text) : null,
      command: text ? (recogniseSmallTalk(text) ?? null) : null,
      sheets: readSheetQuestion(sheets, text),
      offer: readOfferMessage(text, NOW, communes),
    };
    const offerFirst = readTurn({ text, truncated: false, locale: 'fr-FR' }, readers, NOW);
    expect(offerFirst.offer).toEqual(eager.offer);
    expect(offerFirst.sheets).toEqual(eager.sheets);
    expect(offerFirst.command).toEqual(eager.command);
    expect(offerFirst.safety).toEqual(eager.safety);
    expect(offerFirst.reportIntent).toEqual(readReportIntent(text, NOW));
    const sheetsFirst = readTurn({ text, truncated: false, locale: 'fr-FR' }, readers, NOW);
    expect(sheetsFirst.command).toEqual(eager.command);
    expect(sheetsFirst.sheets).toEqual(eager.sheets);
    expect(sheetsFirst.offer).toEqual(eager.offer);
  });

  test('a part read once is the same object the next time it is asked for', () => {
    const reading = readTurn({ text: 'un LAEP à Givors', truncated: false }, readers, NOW);
    expect(reading.offer).toBe(reading.offer);
    expect(reading.sheets).toBe(reading.sheets);
  });

  test('a copy made with a spread carries every part, read or not yet read', () => {
    const reading = readTurn({ text: 'aide aux devoirs à Villeurbanne', truncated: false, position: { latitude: 45.77, longitude: 4.88 } }, readers, NOW);
    const copy = { ...reading, text: '' };
    expect(copy.text).toBe('');
    expect(copy.position).toEqual({ latitude: 45.77, longitude: 4.88 });
    expect(copy.offer).toEqual(readOfferMessage('aide aux devoirs à Villeurbanne', NOW, communes));
    expect(copy.sheets).toEqual(readSheetQuestion(sheets, 'aide aux devoirs à Villeurbanne'));
    expect(copy.command).toBeNull();
    expect(Object.keys(copy).sort()).toEqual(['command', 'language', 'now', 'offer', 'position', 'reportIntent', 'safety', 'sheets', 'text', 'truncated']);
  });

  test('without a shared position the reading has no position property', () => {
    expect('position' in readTurn({ text: 'merci', truncated: false }, readers, NOW)).toBe(false);
  });
});
