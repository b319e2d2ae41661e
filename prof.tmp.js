const { createApp } = require('./dist/src/app');
const { parseConfig } = require('./dist/src/config/config');
const { createLogger } = require('./dist/src/log/logger');
(async () => {
  const app = await createApp(parseConfig({ DATABASE_URL: 'sqlite:/tmp/prof.sqlite', LOG_LEVEL: 'silent' }), createLogger('silent'));
  await app.ready;
  const sets = { sheetsX: ['qui pilote la PA 3.2.1 ?', 'partenaires de la 2.3.2', 'indicateurs de la fiche 1.2.5', 'que veut dire CTG ?'], offerX: ['laep givors', 'groupe de parole 69100', 'un café des parents à Vénissieux'], hello: ['merci'] };
  for (const [name, texts] of Object.entries(sets)) { if (name.endsWith('X')) continue;
    const n = 4000; const t0 = process.cpuUsage();
    for (let i = 0; i < n; i++) {
      await app.gateway.deliver({ type: 'message', text: texts[i % texts.length], channelId: 'test', serviceUrl: 'http://x', conversation: { id: 'c' + i }, from: { id: 'u' } });
    }
    const u = process.cpuUsage(t0); console.log(name, ((u.user + u.system) / 1000 / n).toFixed(2), 'ms CPU/turn');
  }
  await app.close();
})();
