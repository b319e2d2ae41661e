import { chromium } from 'playwright-core';
import { startTestServer } from '../directline/support/harness';

it('scratch', async () => {
  const server = await startTestServer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log('pageerror', e));
    page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('button', { name: 'Discuter avec Maillage' }).click();
    const panel = page.getByRole('dialog', { name: 'Discussion avec Maillage' });
    await panel.locator('textarea').waitFor({ timeout: 30_000 });
    await page.keyboard.type('premier message');
    await page.keyboard.press('Enter');
    await panel.getByText('Vous avez dit : premier message').first().waitFor();
    await server.endpoint.close();
    await page.goto(`${server.baseUrl}/?page=2`);
    await page.waitForTimeout(3000);
    console.log("after restart", server.bot.ofType("conversationUpdate").length, await panel.textContent());
    return;
    await panel.getByText('Vous avez dit : premier message').first().waitFor({ timeout: 20000 });
    console.log('reopened; active =', await page.evaluate(() => document.activeElement?.tagName));
    await panel.locator('textarea').click();
    await page.keyboard.type('second');
    await page.keyboard.press('Enter');
    await panel.getByText('Vous avez dit : second').first().waitFor();
    console.log('conversationUpdates', server.bot.ofType('conversationUpdate').length, 'messages', server.bot.ofType('message').length);
    // close then navigate: stays closed
    await panel.getByRole('button', { name: 'Fermer la discussion' }).click();
    await page.goto(`${server.baseUrl}/?page=3`);
    await page.waitForTimeout(1000);
    console.log('hidden after closed nav', await page.locator('#maillage-panel').isHidden());
    await page.getByRole('button', { name: 'Discuter avec Maillage' }).click();
    await panel.getByText('Vous avez dit : second').first().waitFor({ timeout: 20000 });
    // server restart-like: forget conversations
    await page.screenshot({ path: '/tmp/scratch-resume.png' });
  } finally {
    await browser.close();
    await server.close();
  }
}, 60000);
