import { randomUUID } from 'node:crypto';
import { hashEnrolmentCode } from '../../src/reports/enrolmentCodes';
import type { Store } from '../../src/storage';
import { inviteCode, withBotAndItsStore } from '../helpers/enrolment';
import { GRANDCLEMENT, TISSERANDS } from '../helpers/reportFixtures';
import { conversation, folded, type TestBot } from '../helpers/transcript';

/**
 * Issue 10: « aide », « que savez-vous faire ? » and the greeting told partners how to ask about the sheets and parents
 * how to find support, but never told a centre's staff how to report their actions. An enrolled staff member is helped
 * with « Déclarer une action » (their centre named, what to say); a partner in Teams is told in one line that centres'
 * staff report here with a code; a parent on the website hears nothing of it. The enrolment is looked up on help and
 * greeting turns only.
 */
let bot: TestBot;
let store: Store;

withBotAndItsStore((running) => ({ bot, store } = running));

/** An account enrolled for a centre, as the code given by `npm run admin -- invite` enrols it. */
async function enrol(userKey: string, channelId: string, centre = TISSERANDS): Promise<void> {
  const code = await inviteCode(store, centre);
  expect(await store.enrolments.redeem(hashEnrolmentCode(code), userKey, channelId, new Date())).not.toBeNull();
}

async function enrolledOnTheWebsite(centre = TISSERANDS) {
  const user = { id: `web-staff-${randomUUID().slice(0, 8)}` };
  await enrol(`webchat:${user.id}`, 'webchat', centre);
  return user;
}

async function enrolledInTeams(centre = TISSERANDS) {
  const user = { id: `29:${randomUUID()}`, aadObjectId: randomUUID() };
  await enrol(`aad:${user.aadObjectId}`, 'msteams', centre);
  return user;
}

/** Everything the staff section says, folded. */
const STAFF_SECTION_FR = ['**declarer une action**', 'on a fait un cafe des parents le 12 mars', 'mes declarations', 'reprendre ma declaration', 'corriger rpt-', 'annuler'];
const STAFF_SECTION_EN = ['**report an action**', 'we ran a parents cafe on 12 march', 'my reports', 'resume my report', 'correct rpt-', 'cancel'];

describe('an enrolled staff member on the website', () => {
  test('« aide » has « Déclarer une action » with their centre, then the parents’ help', async () => {
    const user = await enrolledOnTheWebsite();
    const help = folded((await conversation(bot, { user }).says('aide')).text);
    for (const words of STAFF_SECTION_FR) expect(help).toContain(words);
    expect(help).toContain('vous declarez les actions du centre social les tisserands');
    expect(help).toContain('**pour trouver une aide pres de chez vous**');
    expect(help.indexOf('**declarer une action**')).toBeLessThan(help.indexOf('**pour trouver une aide pres de chez vous**'));
  });

  test('the greeting of a new conversation says it too, and names their own centre', async () => {
    const user = await enrolledOnTheWebsite(GRANDCLEMENT);
    const hello = folded((await conversation(bot, { user }).joins()).text);
    expect(hello).toContain('bonjour');
    expect(hello).toContain('vous declarez les actions du centre social grandclement');
    expect(hello).not.toContain('tisserands');
  });

  test('the example of the help, typed as it is, starts a report of their centre', async () => {
    const user = await enrolledOnTheWebsite();
    const chat = conversation(bot, { user });
    const help = (await chat.says('que savez-vous faire ?')).text;
    const example = /« (on a fait [^»]+) »/.exec(help)?.[1];
    expect(example).toBeDefined();
    const started = folded((await chat.says(example ?? '')).text);
    expect(started).toContain('je note une action du centre social les tisserands');
    expect(started).toContain('cafe des parents');
    expect(started).not.toContain('code');
  });
});

describe('an enrolled staff member in Teams', () => {
  test('the greeting has « Déclarer une action » with their centre, the sheets and the offer', async () => {
    const user = await enrolledInTeams();
    const hello = folded((await conversation(bot, { channelId: 'msteams', user }).joins()).text);
    for (const words of STAFF_SECTION_FR) expect(hello).toContain(words);
    expect(hello).toContain('centre social les tisserands');
    expect(hello).toContain('**sur les fiches action**');
    // Enrolled, they are not told to ask for a code.
    expect(hello).not.toContain('avec le code donne');
  });

  test('« aide » in any of their chats, the example naming a sheet this deployment has', async () => {
    const user = await enrolledInTeams();
    const help = (await conversation(bot, { channelId: 'msteams', user }).says('aide')).text;
    expect(folded(help)).toContain('vous declarez les actions du centre social les tisserands');
    const sheet = /« on a fait [^»]+ pour la ([^,»]+),/.exec(help)?.[1];
    expect(sheet).toBeDefined();
    expect(folded((await conversation(bot, { channelId: 'msteams' }).says(`qui pilote ${sheet} ?`)).text)).not.toContain('pas trouve');
  });

  test('revoked, they are helped as any partner', async () => {
    const user = await enrolledInTeams();
    const enrolment = await store.enrolments.find(`aad:${user.aadObjectId}`);
    expect(await store.enrolments.revoke(enrolment?.id ?? '', 'admin:test', new Date())).toBe(true);
    const help = folded((await conversation(bot, { channelId: 'msteams', user }).says('aide')).text);
    expect(help).not.toContain('tisserands');
    expect(help).toContain('avec le code donne');
  });

  test('in a group chat, « @Maillage aide » names nobody’s centre: the whole group reads it', async () => {
    const user = await enrolledInTeams();
    const conversationId = `group-${randomUUID()}`;
    const chat = conversation(bot, { channelId: 'msteams', user, conversationId });
    const help = folded(
      (
        await chat.says('<at>Maillage</at> aide', {
          conversation: { id: conversationId, conversationType: 'groupChat' },
          entities: [{ type: 'mention', text: '<at>Maillage</at>', mentioned: { id: 'maillage', name: 'Maillage' } }],
        })
      ).text,
    );
    expect(help).toContain('**sur les fiches action**');
    expect(help).not.toContain('tisserands');
  });
});

describe('a partner in Teams, not enrolled', () => {
  test('« aide »: the sheets, the offer, and one line on how centres’ staff report', async () => {
    const help = folded((await conversation(bot, { channelId: 'msteams', user: { id: `29:${randomUUID()}`, aadObjectId: randomUUID() } }).says('aide')).text);
    expect(help).toContain('**sur les fiches action**');
    expect(help).toContain(folded('Les équipes des centres sociaux et des EVS peuvent aussi déclarer ici leurs actions, avec le code donné par l’administrateur'));
    expect(help).toContain('« declarer une action »');
    expect(help).not.toContain('mes declarations');
    expect(help).not.toContain('vous declarez les actions');
  });

  test('the greeting says the same line', async () => {
    const hello = folded((await conversation(bot, { channelId: 'msteams', user: { id: `29:${randomUUID()}`, aadObjectId: randomUUID() } }).joins()).text);
    expect(hello).toContain('bonjour');
    expect(hello).toContain('« declarer une action »');
  });
});

describe('a parent on the website', () => {
  test.each(['aide', 'que savez-vous faire ?', 'bonjour'])('« %s »: parents’ help only, nothing about reports', async (text) => {
    const help = folded((await conversation(bot).says(text)).text);
    expect(help).toContain('**pour trouver une aide pres de chez vous**');
    expect(help).not.toMatch(/declar|code|rpt-/);
  });

  test('the greeting too', async () => {
    const hello = folded((await conversation(bot).joins()).text);
    expect(hello).toContain('bonjour');
    expect(hello).not.toMatch(/declar|code|rpt-/);
  });
});

describe('in English', () => {
  test('an enrolled staff member on the website: « Report an action » with their centre', async () => {
    const user = await enrolledOnTheWebsite();
    const help = folded((await conversation(bot, { user, locale: 'en-GB' }).says('What can you do?')).text);
    for (const words of STAFF_SECTION_EN) expect(help).toContain(words);
    expect(help).toContain('you report the actions of centre social les tisserands');
    expect(help).not.toContain('declarer');
  });

  test('the English example, typed as it is, starts a report', async () => {
    const user = await enrolledInTeams();
    const chat = conversation(bot, { channelId: 'msteams', user, locale: 'en-GB' });
    const help = (await chat.says('help')).text;
    const example = /"(we ran [^"]+)"/.exec(help)?.[1];
    expect(example).toBeDefined();
    expect(folded((await chat.says(example ?? '')).text)).toContain('centre social les tisserands');
  });

  test('a partner in Teams, not enrolled: the line on how centres’ staff report', async () => {
    const help = folded((await conversation(bot, { channelId: 'msteams', locale: 'en-GB', user: { id: `29:${randomUUID()}`, aadObjectId: randomUUID() } }).says('help')).text);
    expect(help).toContain('staff of centres sociaux and evs can also report their actions here');
    expect(help).toContain('"report an action"');
  });
});

describe('when the enrolments cannot be read', () => {
  test('a parent opening the widget is still greeted, and « aide » still helps', async () => {
    const find = jest.spyOn(Object.getPrototypeOf(store.enrolments) as Store['enrolments'], 'find').mockRejectedValue(new Error('connection refused'));
    try {
      const parent = conversation(bot);
      const greeting = await parent.joins();
      expect(folded(greeting.text)).toContain('parent');
      expect(folded((await parent.says('aide')).text)).toContain('parent');
    } finally {
      find.mockRestore();
    }
  });
});

describe('what a look-up costs', () => {
  test('only help and greeting turns look the enrolment up', async () => {
    // The bot's store and this test's store are the same class: its look-ups are counted on the prototype.
    const find = jest.spyOn(Object.getPrototypeOf(store.enrolments) as Store['enrolments'], 'find');
    try {
      const parent = conversation(bot);
      await parent.says('un LAEP à Givors');
      await parent.says('qui pilote la PA 3.2.1 ?');
      await parent.says('merci');
      const partner = conversation(bot, { channelId: 'msteams', user: { id: `29:${randomUUID()}`, aadObjectId: randomUUID() } });
      await partner.says('quels sont les partenaires de la PA 2.3.2 ?');
      expect(find).not.toHaveBeenCalled();
      await parent.says('aide');
      await partner.joins();
      expect(find).toHaveBeenCalledTimes(2);
    } finally {
      find.mockRestore();
    }
  });
});
