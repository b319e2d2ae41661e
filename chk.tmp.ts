import { CommuneIndex } from './src/geo';
const c = CommuneIndex.load();
for (const t of ['le chapeau je je à Villars', 'à Villars', 'je je à Villars', 'chapeau à Villars']) { const m = c.findInSentence(t); console.log(t, '→', m?.commune.code, m?.commune.name); }
