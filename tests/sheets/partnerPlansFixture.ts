import { conversation, folded, startTestBot, type TestBot } from '../helpers/transcript';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The development knowledge plus two plans of our own, written for the tests of partners' navigation (next sheet,
 * choice of plan, codes typed oddly, secondary codes, missing numbers). They are not the QA plans: the rules must hold
 * on sheets the code never saw.
 *
 * - somme-sdsf: Markdown, sheets FA 3, FA 5 and FA 8 (gaps in the numbering; FA 8 shares its number with the
 *   Finistère's FICHE-ACTION 8). FA 3 has three numbered actions.
 * - vallee-lot-ctg: plain text with UPPERCASE headings; titles « FICHE N°2 - ACTION 4.1 : … » and « FICHE N°6 -
 *   ACTION 1.2 : … », whose second code is an alias.
 */

export const DEV_KNOWLEDGE = path.resolve(__dirname, '../../../shared/fixtures/knowledge-dev');

const SOMME_PLAN = {
  id: 'somme-sdsf',
  title: 'Schéma départemental des services aux familles de la Somme',
  territory: 'Somme (80)',
  period: '2025-2029',
};

const SOMME_FA_3 = `## FA 3 — Créer des groupes de parole pour les pères

### Constat

Les pères représentent moins de 10 % des participants aux actions parentalité de la Somme.

## Pilote(s)

Caf de la Somme

## Partenaires

- Udaf 80
- Centres sociaux d'Abbeville

## Actions

- **Action 3.1** — Recenser les pères intéressés (2025).
- **Action 3.2** — Former 12 animateurs de groupes de pères (2026).
- **Action 3.3** — Ouvrir 5 groupes de parole de pères (2027).

## Calendrier

2025-2027

## Indicateurs

- Nombre de pères participants
`;

const SOMME_FA_5 = `## FA 5 — Informer les familles sur les modes de garde

### Constat

Une famille sur deux ne connaît pas le relais petite enfance de sa commune.

## Pilote(s)

Département de la Somme

## Partenaires

- Caf de la Somme
- Communes

## Calendrier

Chaque rentrée scolaire.
`;

const SOMME_FA_8 = `## FA 8 — Ouvrir des lieux d'accueil enfants-parents (LAEP) dans les villages

### Constat

Les villages du Vimeu n'ont aucun LAEP à moins de 30 minutes.

## Pilote(s)

Mutualité sociale agricole de Picardie

## Partenaires

- Caf de la Somme
- Communautés de communes du Vimeu

## Budget

MSA de Picardie : 20 000 € par an.

## Calendrier

Ouverture du premier LAEP itinérant en septembre 2026.
`;

const VALLEE_PLAN = {
  id: 'vallee-lot-ctg',
  title: 'Convention territoriale globale de la Vallée du Lot',
  territory: 'Communauté de communes de la Vallée du Lot (Lot-et-Garonne, 47)',
  period: '2024-2028',
};

const VALLEE_FICHE_2 = `CONVENTION TERRITORIALE GLOBALE 2024-2028 - VALLEE DU LOT
AXE 4 : FAMILLES MONOPARENTALES

FICHE N°2 - ACTION 4.1 : SOUTENIR LES PARENTS SOLOS

CONSTAT
Un tiers des familles de Fumel sont monoparentales.

PORTEUR
Centre social de Fumel

PARTENAIRES ASSOCIES
Caf de Lot-et-Garonne
Mission locale

MISE EN OEUVRE
1. Ouvrir un groupe de parole de parents solos (2024).
2. Proposer un mode de garde en horaires décalés (2025).

CALENDRIER
2024-2026
`;

const VALLEE_FICHE_6 = `CONVENTION TERRITORIALE GLOBALE 2024-2028 - VALLEE DU LOT
AXE 1 : PETITE ENFANCE

FICHE N°6 - ACTION 1.2 : CREER UNE MICRO-CRECHE A VOIRE-SUR-LOT

CONSTAT
Aucune place d'accueil collectif dans les communes de l'est.

PORTEUR
Commune de Villeneuve-sur-Lot

PARTENAIRES ASSOCIES
Caf de Lot-et-Garonne

CALENDRIER
2025
`;

export interface PartnerKnowledge {
  dir: string;
  remove(): void;
}

/** A throw-away knowledge folder: the development set and the two plans above. */
export function writePartnerKnowledge(): PartnerKnowledge {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'maillage-partner-plans-'));
  cpSync(DEV_KNOWLEDGE, dir, { recursive: true });
  const somme = path.join(dir, 'sheets', 'somme-sdsf');
  const vallee = path.join(dir, 'sheets', 'vallee-lot-ctg');
  mkdirSync(somme, { recursive: true });
  mkdirSync(vallee, { recursive: true });
  writeFileSync(path.join(somme, 'plan.json'), JSON.stringify(SOMME_PLAN));
  writeFileSync(path.join(somme, 'somme-sdsf-FA-3.md'), SOMME_FA_3);
  writeFileSync(path.join(somme, 'somme-sdsf-FA-5.md'), SOMME_FA_5);
  writeFileSync(path.join(somme, 'somme-sdsf-FA-8.md'), SOMME_FA_8);
  writeFileSync(path.join(vallee, 'plan.json'), JSON.stringify(VALLEE_PLAN));
  writeFileSync(path.join(vallee, 'vallee-lot-fiche-2.txt'), VALLEE_FICHE_2);
  writeFileSync(path.join(vallee, 'vallee-lot-fiche-6.txt'), VALLEE_FICHE_6);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export type PartnerRow = [says: string, mentions: string[], never?: string[]];

/**
 * The whole bot on these plans for a test file (opened before its tests, closed after), and `play`: the rows said in
 * one conversation (Teams unless told), each reply holding every word of `mentions` and none of `never` — a failure
 * shows the message and the whole reply.
 */
export function usePartnerBot(): { readonly bot: TestBot; play(rows: PartnerRow[], options?: { channelId?: string; locale?: string }): Promise<void> } {
  const running = {} as { bot: TestBot; knowledge: PartnerKnowledge };
  beforeAll(async () => {
    running.knowledge = writePartnerKnowledge();
    running.bot = await startTestBot(running.knowledge.dir);
  });
  afterAll(async () => {
    await running.bot?.stop();
    running.knowledge?.remove();
  });
  return {
    get bot() {
      return running.bot;
    },
    async play(rows, options = {}) {
      const chat = conversation(running.bot, { channelId: 'msteams', ...options });
      for (const [says, mentions, never = []] of rows) {
        const reply = folded((await chat.says(says)).text);
        for (const words of mentions) expect({ says, reply: reply.includes(folded(words)) ? true : reply }).toEqual({ says, reply: true });
        for (const words of never) expect({ says, reply: reply.includes(folded(words)) ? reply : false }).toEqual({ says, reply: false });
      }
    },
  };
}
