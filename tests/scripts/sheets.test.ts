import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runSheetsCommand } from '../../scripts/sheets';

/** `npm run sheets -- check DIR|FILE`, run in-process on the seed sheets and on a folder with a broken file. */

const SEEDS = path.join(__dirname, '../../knowledge/sheets');

async function check(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runSheetsCommand(args, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

describe('npm run sheets -- check', () => {
  it('shows, for each seed file, its sheet, the fields recognised with their first words, and exits 0', async () => {
    const { code, out } = await check(['check', SEEDS]);
    expect(code).toBe(0);
    expect(out).toContain('tours-contrat-de-ville/tours-fiche-1.2.5.txt : 1 fiche');
    expect(out).toMatch(/FICHE 1\.2\.5 — SOUTENIR LA VIE FAMILIALE ET LA PARENTALITE/);
    expect(out).toMatch(/pilotage \(« Animateur »\) : CAF et Centres sociaux\/EVS/);
    expect(out).toMatch(/pilotage \(« PILOTAGE \/ COORDINATION »\) : Caf du Rhône/);
    expect(out).toMatch(/5 fichiers sur 5 lus avec au moins une fiche\./);
  });

  it('checks one file with its folder plan, and lists unknown headings', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-check-'));
    try {
      fs.writeFileSync(path.join(dir, 'plan.json'), JSON.stringify({ id: 'essai', title: 'Plan essai' }));
      fs.writeFileSync(path.join(dir, 'fiche-2.1.txt'), 'PA 2.1 - Une fiche\n\nPILOTAGE\n\n- Caf du Gard\n\nMÉTÉO DU JOUR\n\n- Soleil\n');
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'Compte rendu de réunion\n\nPrésents : Caf.');
      const one = await check(['check', path.join(dir, 'fiche-2.1.txt')]);
      expect(one.code).toBe(0);
      expect(one.out).toMatch(/^fiche-2\.1\.txt : 1 fiche/);
      expect(one.out).toContain('pilotage (« PILOTAGE ») : Caf du Gard');
      expect(one.out).toContain('intitulés inconnus : « MÉTÉO DU JOUR »');
      expect(one.out).not.toContain('notes.txt');

      const all = await check(['check', dir]);
      expect(all.code).toBe(1);
      expect(all.out).toMatch(/notes\.txt : 0 fiche\n {2}PROBLÈME : no sheet number/);
      expect(all.out).toContain('1 fichier sur 2 lus avec au moins une fiche.');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with the usage for a bad command or a missing path', async () => {
    for (const args of [[], ['verify', SEEDS], ['check'], ['check', SEEDS, 'extra'], ['check', path.join(SEEDS, 'nowhere')]]) {
      const { code, out, err } = await check(args);
      expect([args, code]).toEqual([args, 2]);
      expect(out).toBe('');
      expect(err).toContain('Usage : npm run sheets -- check DOSSIER|FICHIER');
    }
  });
});
