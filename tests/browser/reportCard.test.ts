import path from 'node:path';
import type { Browser } from 'playwright-core';
import { DateTime } from 'luxon';
import { createLogger } from '../../src/log/logger';
import { openStore } from '../../src/storage';
import { inviteCode } from '../helpers/enrolment';
import { describeInBrowserFor, openDemo } from './support/chromium';
import { startDemoSite, type DemoSite } from './support/site';

/**
 * A centre's staff member reports through the website widget, in Chromium: enrols with a code, opens the whole
 * form as one Adaptive Card, fills it in Web Chat's own inputs (text, number, date, choice), sends it, and confirms
 * the summary with its card button. The report is read back from the site's database.
 */
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-results');
const describeInBrowser = describeInBrowserFor('tests/browser/reportCard.test.ts');

describeInBrowser('a report through the widget, with Web Chat’s cards', () => {
  let site: DemoSite;
  let browser: Browser;
  beforeAll(async () => {
    site = await startDemoSite();
    browser = site.browser;
  }, 60_000);
  afterAll(async () => {
    await site?.close();
  });

  it('enrols, fills the whole form as a card, confirms with the summary’s button', async () => {
    const store = await openStore(site.databaseUrl, createLogger('silent'));
    const code = await inviteCode(store);
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    try {
      const { page, errors } = await openDemo(context, site.baseUrl);
      await page.getByRole('button', { name: 'Discuter avec Maillage' }).click();
      await page.locator('#maillage-panel[data-maillage-state="ready"]').waitFor({ timeout: 60_000 });
      const panel = page.locator('#maillage-panel');
      const say = async (text: string) => {
        const box = page.locator('[data-id="webchat-sendbox-input"]');
        await box.fill(text);
        await box.press('Enter');
      };
      await say('déclarer une action pour la PA 3.2.1');
      await panel.getByText(/code d’inscription/).first().waitFor({ timeout: 30_000 });
      await say(code);
      await panel.getByText(/Quelle action de la fiche/).first().waitFor({ timeout: 30_000 });
      await say('formulaire complet');
      const title = panel.getByLabel('Titre', { exact: true }).last();
      await title.waitFor({ timeout: 30_000 });

      const day = DateTime.now().setZone('Europe/Paris').minus({ days: 2 }).toISODate() ?? '';
      await panel.getByLabel('Action de la fiche', { exact: true }).last().selectOption('2');
      await panel.getByLabel('Type', { exact: true }).last().selectOption('atelier-parents-enfants');
      await title.fill('Atelier cuisine en famille');
      await panel.getByLabel('Début', { exact: true }).last().fill(day);
      await panel.getByLabel('Séances', { exact: true }).last().fill('2');
      await panel.getByLabel('Parents', { exact: true }).last().fill('9');
      await panel.getByLabel('dont en QPV', { exact: true }).last().fill('4');
      await panel.getByLabel('Enfants', { exact: true }).last().fill('11');
      await panel.getByLabel('Familles', { exact: true }).last().fill('8');
      await panel.getByLabel('dont monoparentales', { exact: true }).last().fill('3');
      await panel.getByLabel('Partenaires', { exact: true }).last().fill('Caf du Rhône');
      const send = panel.getByRole('button', { name: 'Confirmer' }).last();
      await send.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS, 'maillage-report-card.png') });
      // Indicators left empty are not sent by Web Chat: the bot asks them one by one, then shows the summary.
      await send.click();
      const summary = panel.getByText(/Tout est juste/);
      for (let guard = 0; guard < 6 && (await summary.count()) === 0; guard++) {
        await panel.getByText(/Pour l’indicateur de la fiche/).nth(guard).waitFor({ timeout: 30_000 });
        await say('non concerné');
        await Promise.race([summary.first().waitFor({ timeout: 30_000 }), panel.getByText(/Pour l’indicateur de la fiche/).nth(guard + 1).waitFor({ timeout: 30_000 })]);
      }
      await summary.first().waitFor({ timeout: 30_000 }).catch(async (error: Error) => {
        throw new Error(`${error.message}\n--- the panel said:\n${(await panel.innerText()).slice(-700)}`);
      });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'maillage-report-summary.png') });
      await panel.getByRole('button', { name: 'Confirmer' }).last().click();
      await panel.getByText(/RPT-\d{4}-\d{6}/).first().waitFor({ timeout: 30_000 });

      const [stored] = await store.reports.list({ structureId: 'cs-les-tisserands' });
      expect(stored?.action).toMatch(/^Action 2 — /);
      expect(stored).toMatchObject({ sheetCode: 'PA 3.2.1', kind: 'atelier-parents-enfants', title: 'Atelier cuisine en famille', startDate: day, sessions: 2, parents: 9, qpvParents: 4, children: 11, families: 8, singleParentFamilies: 3, partners: ['Caf du Rhône'], channelId: 'directline' });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await store.close();
    }
  }, 180_000);
});
