import path from 'node:path';
import { DateTime } from 'luxon';
import { CommuneIndex } from './src/geo';
import { readTurn } from './src/reading';
import { readFigureQuestion } from './src/reports/figureQuestion';
import { SheetIndex, loadSheetKnowledge } from './src/sheets';
const seeds = loadSheetKnowledge(path.join(__dirname, 'knowledge/sheets'));
const sheets = SheetIndex.build(seeds.sheets);
const readers = { sheets, communes: CommuneIndex.load() };
const NOW = DateTime.fromISO('2026-12-07T10:00:00', { zone: 'Europe/Paris' });
const centres = [
  { structureId: 'cs-minguettes', structureName: 'Centre social des Minguettes', communeCode: '69259', communeName: 'Vénissieux' },
  { structureId: 'cs-etats', structureName: 'Centre social États-Unis', communeCode: '69388', communeName: 'Lyon 8e Arrondissement' },
];
for (const text of process.argv.slice(2)) {
  const reading = readTurn({ text, truncated: false }, readers, NOW);
  const q = readFigureQuestion(text, NOW, { sheets, centres, sheetQuestion: reading.sheets, place: reading.offer.place });
  console.log(text, '→ place', reading.offer.place?.commune.code, JSON.stringify(q && { ...q, sheets: q.sheets.map(s=>s.sheetCode) }));
}
