import { conversation, folded } from '../helpers/transcript';
import { useVosgesBot } from './fixtures/vosgesOffer';

/**
 * « D'autres ? » after a search that found nothing (QA D18): not the same empty sentence again, but the search
 * widened — any time rather than the one asked, any kind of support, farther — saying what it let go.
 */
// Monday 15 February 2027, 20:30 in Paris.
const vosges = useVosgesBot();

test('a day that holds nothing: the places at other times', async () => {
  const chat = conversation(vosges.bot);
  const none = folded((await chat.says('un groupe de parole le dimanche à Épinal')).text);
  expect(none).toContain('aucun groupe de parole ouvert le dimanche');
  const more = folded((await chat.says("d'autres ?")).text);
  expect(more).not.toContain('aucun groupe de parole ouvert le dimanche');
  expect(more).toContain("j'ai elargi la recherche : a tout moment, pas seulement le dimanche");
  expect(more).toContain('groupe de parole des parents du champ-du-pin');
});

test('a kind that is nowhere near, whatever the time: the other support near there', async () => {
  const chat = conversation(vosges.bot);
  const none = folded((await chat.says('un espace rencontre le samedi à Épinal')).text);
  expect(none).toContain('aucun espace rencontre');
  const more = folded((await chat.says("d'autres ?")).text);
  expect(more).not.toContain('aucun espace rencontre');
  expect(more).toContain("j'ai elargi la recherche");
  expect(more).toContain("tous les types d'aide aux parents");
  expect(more).toContain('cafe des parents du champ-du-pin');
});

test('in English, said so too', async () => {
  const chat = conversation(vosges.bot, { locale: 'en-US' });
  await chat.says('a support group on Sunday in Épinal');
  const more = folded((await chat.says('more')).text);
  expect(more).toContain('i widened the search: at any time, not only on sunday');
});

test('a page past the last of a list is still « all shown »', async () => {
  const chat = conversation(vosges.bot);
  await chat.says('une médiation familiale à Remiremont');
  expect(folded((await chat.says("d'autres ?")).text)).toContain('tous les resultats');
});
