import { SafetyVocabularySchema, type SafetyVocabulary } from './types';

/**
 * The safety vocabulary, as data: the national numbers (what each is for, when it answers, and the official pages that
 * say so), and for each concern the phrases that raise it, in French and English. The reader (detect.ts) knows no
 * phrase of its own; it is checked here with its schema when the module loads, so a bad entry stops the start-up.
 *
 * Phrases are written folded or not (they go through the same folding, SMS rewrites and plural folding as messages).
 * `@name` stands for any word of a class, `…` for up to three other words. Statements are what a person says of
 * themselves or of a child ("mon mari me frappe"): always a concern. Topics name the danger ("violences conjugales"):
 * a concern too, unless the message is about sheets, actions or prevention ("quelles fiches parlent de violences ?").
 * Exceptions overlap a match and mean something else ("en danger sur les réseaux" is a topic, not a child in danger).
 * Resolutions say the situation is over ("il est revenu"): what was said before them no longer raises an alarm.
 * Interruptions, found inside a match, cancel it (« devant » in « il me frappe devant mes enfants »). Phrases `inContext`
 * count only in a message that names a word of their classes (« tout mou » of a baby). `cannotCall` is no concern: said
 * with one (« je suis sourde », « je peux pas téléphoner »), it puts the 114, reached by text, first.
 *
 * Numbers checked against the official pages listed with each (hours, cost, who may call) in December 2026.
 */
const data = {
  numbers: {
    '17': {
      dial: '17',
      display: '17',
      name: { fr: 'Police secours', en: 'Police' },
      description: { fr: 'Police ou gendarmerie, 24 h/24, gratuit.', en: 'Police, 24/7, free.' },
      reach: 'call',
      sources: ['https://www.service-public.fr/particuliers/vosdroits/F33954'],
    },
    '112': {
      dial: '112',
      display: '112',
      name: { fr: 'Urgences', en: 'Emergency' },
      description: { fr: 'Numéro d’urgence européen, 24 h/24, gratuit.', en: 'European emergency number, 24/7, free.' },
      reach: 'call',
      sources: ['https://www.service-public.fr/particuliers/vosdroits/F33954'],
    },
    '15': {
      dial: '15',
      display: '15',
      name: { fr: 'SAMU', en: 'SAMU (ambulance)' },
      description: { fr: 'Urgence médicale, 24 h/24, gratuit.', en: 'Medical emergency, 24/7, free.' },
      reach: 'call',
      sources: ['https://www.service-public.fr/particuliers/vosdroits/F33954'],
    },
    '114': {
      dial: '114',
      display: '114',
      name: { fr: 'Urgence par SMS', en: 'Emergency by text' },
      description: {
        fr: 'Par SMS ou appli Urgence 114, pour qui ne peut pas appeler, 24 h/24, gratuit.',
        en: 'By text or the Urgence 114 app, for people who cannot call, 24/7, free.',
      },
      reach: 'sms',
      sources: [
        'https://info.urgence114.fr/',
        'https://www.service-public.fr/particuliers/vosdroits/F33954',
        'https://informations.handicap.fr/a-114-n-durgence-pour-sourds-pas-assez-connu-36183.php',
      ],
    },
    '119': {
      dial: '119',
      display: '119',
      name: { fr: 'Allô enfance en danger', en: 'Child protection line' },
      description: {
        fr: 'Gratuit, 24 h/24, 7 j/7. L’appel n’apparaît pas sur les factures.',
        en: 'Free, 24/7. The call does not show on phone bills.',
      },
      reach: 'call',
      sources: ['https://www.allo119.gouv.fr/'],
    },
    '3919': {
      dial: '3919',
      display: '3919',
      name: { fr: 'Violences Femmes Info', en: 'Violence against women helpline' },
      description: { fr: 'Gratuit et anonyme, 24 h/24, 7 j/7.', en: 'Free and anonymous, 24/7.' },
      reach: 'call',
      sources: ['https://arretonslesviolences.gouv.fr/', 'https://solidaritefemmes.org/appeler-le-3919/'],
    },
    '3114': {
      dial: '3114',
      display: '3114',
      name: { fr: 'Prévention du suicide', en: 'Suicide prevention line' },
      description: {
        fr: 'Gratuit et confidentiel, 24 h/24, 7 j/7, pour vous ou pour un proche.',
        en: 'Free and confidential, 24/7, for you or someone close.',
      },
      reach: 'call',
      sources: ['https://3114.fr/'],
    },
    '116000': {
      dial: '116000',
      display: '116 000',
      name: { fr: 'Enfants disparus', en: 'Missing children' },
      description: { fr: 'Fugue, disparition : gratuit, 24 h/24, 7 j/7.', en: 'Runaway or missing child: free, 24/7.' },
      reach: 'call',
      sources: ['https://www.droitdenfance.org/116000-enfants-disparus-2/', 'https://www.service-public.fr/particuliers/vosdroits/F10385'],
    },
  },

  rewrites: {
    jvx: 'je veux', jveux: 'je veux', jve: 'je veux', jvais: 'je vais', jvai: 'je vais', jpp: "j'en peux plus", jpeux: 'je peux',
    jen: "j'en", jsuis: 'je suis', jsui: 'je suis', chui: 'je suis', chuis: 'je suis', jss: 'je suis', sui: 'suis', jai: "j'ai",
    g: "j'ai", jsp: 'je sais pas', jsais: 'je sais', jcrois: 'je crois', jme: 'je me', jmen: "je m'en", jtiens: 'je tiens',
    mn: 'mon', m: 'me', j: 'je', tt: 'tout', tte: 'toute', pk: 'pourquoi', pq: 'pourquoi', ds: 'dans', ns: 'nous', vs: 'vous',
    bcp: 'beaucoup', qd: 'quand', kan: 'quand', ki: 'qui', koi: 'quoi', c: "c'est", ct: "c'etait", pr: 'pour', tjrs: 'toujours',
    tjs: 'toujours', mwa: 'moi', moa: 'moi', ya: 'il y a', frap: 'frappe', frape: 'frappe', tap: 'tape', fuge: 'fugue',
    menasse: 'menace', menase: 'menacé', menacer: 'menacer', veu: 'veux', vx: 'veux', peu: 'peux', pe: 'peux', mourrir: 'mourir', ptit: 'petit', mec: 'copain', keuf: 'police',
    im: "i'm", cant: "can't", dont: "don't", wont: "won't", didnt: "didn't", pls: 'please', wanna: 'want to', gonna: 'going to',
    bf: 'boyfriend', hubby: 'husband', u: 'you', ur: 'your', chu: 'je suis', jchui: 'je suis', jchuis: 'je suis',
    lair: "l'air", conf: 'conference', bb: 'bebe', ac: 'avec',
  },

  // One person named in two words: « son beau-père le frappe » reads « beaupere », a word of @parent, so that the
  // phrase's gap is not spent on « beau ».
  compounds: {
    'beau pere': 'beaupere', 'belle mere': 'bellemere', 'grand pere': 'grandpere', 'grand mere': 'grandmere',
    'petit ami': 'copain', 'petite amie': 'copine', 'petit copain': 'copain', 'petite copine': 'copine',
    'step dad': 'stepdad', 'step father': 'stepfather', 'step mom': 'stepmom', 'step mum': 'stepmum',
    'step mother': 'stepmother', 'baby sitter': 'babysitter',
  },

  // A child's age says nothing of the danger: « mon fils de 16 ans n'est pas rentré » is read « mon fils n'est pas rentré ».
  asides: ['de # ans', 'de # an', 'a # ans', 'a # an', 'age de # ans', 'agee de # ans', '# ans', '# an', 'de # mois', '# mois',
    'de # semaines', '# semaines', '# year old', '# years old', '# yr old', '# yo', '# month old', '# months old', 'aged #'],

  // The part after a glued « j » when it is no word of its own. Glued words are split by rule (detect.ts): these are
  // only the SMS spellings of the verbs parents put after « je ».
  afterJe: {
    v: 'veux', ve: 'veux', veu: 'veux', vx: 'veux', vu: 'veux', vai: 'vais', p: 'peux', pe: 'peux', peu: 'peux',
    px: 'peux', pp: "en peux plus", pu: 'peux', men: "m'en", m: 'me', ss: 'suis', sui: 'suis', s: 'suis', sp: 'sais pas',
    sai: 'sais', t: 'te', tien: 'tiens', ore: 'aurais',
  },

  classes: {
    enfant: ['enfant', 'fils', 'fille', 'bebe', 'ado', 'adolescent', 'adolescente', 'gamin', 'gamine', 'gosse', 'nourrisson',
      'fiston', 'fillette', 'garcon', 'loulou', 'neveu', 'niece', 'mineur', 'mineure'],
    mon: ['mon', 'ma', 'mes', 'notre', 'nos', 'son', 'sa', 'ses', 'un', 'une', 'cet', 'cette'],
    det: ['le', 'la', 'les', 'l'],
    conjoint: ['mari', 'conjoint', 'conjointe', 'compagnon', 'compagne', 'copain', 'copine', 'ex', 'concubin', 'concubine',
      'epoux', 'epouse', 'femme', 'homme', 'fiance', 'fiancee', 'jules'],
    parent: ['pere', 'mere', 'papa', 'maman', 'parents', 'oncle', 'tante', 'beaupere', 'bellemere', 'grandpere', 'grandmere',
      'parrain'],
    // Adults around a child, besides family and partners: one of them hitting « le », « la », « les » hits a child.
    adulte: ['nounou', 'nourrice', 'voisin', 'voisine', 'prof', 'professeur', 'instituteur', 'institutrice', 'maitre',
      'maitresse', 'entraineur', 'coach', 'animateur', 'animatrice', 'educateur', 'educatrice', 'babysitter'],
    adult: ['stepdad', 'stepfather', 'stepmom', 'stepmum', 'stepmother', 'dad', 'father', 'mum', 'mom', 'mother', 'uncle',
      'grandpa', 'grandfather', 'grandma', 'babysitter', 'nanny', 'teacher', 'coach', 'neighbour', 'neighbor', 'husband',
      'boyfriend', 'girlfriend', 'partner', 'ex', 'wife'],
    // Words that strengthen « mal » in « il respire très mal ».
    adverbe: ['tres', 'vraiment', 'trop', 'super', 'hyper', 'si', 'tellement', 'vachement', 'assez', 'plutot', 'really',
      'very', 'so', 'quite', 'pretty'],
    bousculer: ['bouscule', 'bousculer', 'bousculee', 'bousculait', 'projete', 'projetee', 'empoigne', 'empoignee', 'agrippe',
      'agrippee', 'etrangle', 'etranglee', 'tabasse', 'tabassee'],
    frapper: ['frappe', 'frapper', 'frappee', 'frappait', 'frappent', 'frappera', 'tape', 'taper', 'tapee', 'tapait', 'tapent',
      'cogne', 'cogner', 'cognee', 'cognait', 'bat', 'battre', 'battu', 'battue', 'battait', 'battent', 'gifle', 'gifler',
      'giflee', 'brutalise', 'brutalisee', 'violente', 'violenter', 'etrangle', 'etrangler', 'etranglee', 'maltraite',
      'maltraitee', 'maltraiter'],
    tuer: ['tuer', 'tue', 'tuera', 'tuerai', 'tuerait', 'buter', 'bute'],
    medicament: ['medicament', 'medicaments', 'cachet', 'cachets', 'comprime', 'comprimes', 'pilule', 'gelule', 'doliprane',
      'paracetamol', 'antidepresseur', 'somnifere', 'javel', 'pile', 'poison'],
    menace: ['menace', 'menacee', 'menacer', 'menacait', 'menacent'],
    child: ['child', 'children', 'kid', 'kids', 'son', 'daughter', 'baby', 'teen', 'teenager', 'toddler', 'boy', 'girl'],
    my: ['my', 'our', 'his', 'her', 'the', 'a'],
    partner: ['husband', 'wife', 'partner', 'boyfriend', 'girlfriend', 'ex', 'fiance', 'fiancee'],
    hit: ['hit', 'hits', 'hitting', 'beat', 'beats', 'beating', 'beaten', 'punch', 'punches', 'punched', 'punching', 'slap',
      'slaps', 'slapped', 'kick', 'kicks', 'kicked', 'choke', 'chokes', 'choked', 'choking', 'strangle', 'strangled', 'hurt',
      'hurts', 'hurting', 'abuse', 'abuses', 'abused', 'abusing'],
    kill: ['kill', 'kills', 'killing', 'murder'],
    // What a child may be in danger *with*: a danger of screens or drugs is a topic for a conference, not an alarm.
    sujet: ['ecran', 'ecrans', 'reseau', 'reseaux', 'internet', 'web', 'ligne', 'telephone', 'portable', 'smartphone',
      'tablette', 'console', 'jeu', 'jeux', 'video', 'tiktok', 'snapchat', 'instagram', 'youtube', 'discord', 'fortnite',
      'drogue', 'drogues', 'alcool', 'cannabis', 'shit', 'tabac', 'chicha', 'protoxyde', 'pornographie', 'porno', 'route',
      'scooter', 'sport'],
    // The words that tie a danger to its subject (« en danger sur les réseaux », « avec les écrans », « face aux jeux »):
    // without one, « en danger, je peux pas téléphoner » names no subject, only a verb.
    liensujet: ['sur', 'avec', 'face', 'dans', 'par', 'a', 'au', 'aux', 'cause', 'devant', 'pendant', 'niveau'],
    topic: ['online', 'internet', 'screen', 'screens', 'social', 'phone', 'games', 'gaming', 'drugs', 'alcohol', 'tiktok',
      'snapchat', 'instagram', 'youtube'],
    enlever: ['prendre', 'prend', 'emmener', 'emmene', 'emmenee', 'enlever', 'enleve', 'enlevee', 'kidnapper', 'kidnappe',
      'kidnappee', 'garder', 'recuperer', 'pris', 'prendra'],
    take: ['take', 'taking', 'took', 'abduct', 'abducted', 'kidnap', 'kidnapped', 'snatch', 'snatched'],
    pills: ['pill', 'pills', 'tablet', 'tablets', 'medicine', 'medicines', 'medication', 'bleach', 'battery', 'poison'],
    // Small things a child swallows that call for the SAMU (a magnet, a button battery, a washing pod).
    objet: ['piece', 'bille', 'aimant', 'bouton', 'capsule', 'dosette', 'lessive', 'jouet', 'objet', 'truc', 'epingle', 'clou',
      'perle', 'caillou'],
    thing: ['coin', 'magnet', 'magnets', 'button', 'marble', 'pod', 'detergent', 'toy', 'something', 'pin', 'nail', 'bead'],
    // The words for a baby: « tout mou » said of a baby is a sign of distress.
    bebe: ['bebe', 'nourrisson', 'baby', 'newborn', 'infant', 'toddler'],
    secouer: ['secoue', 'secouer', 'secouee', 'shook', 'shaken', 'shaking', 'shake'],
    joindre: ['appeler', 'joindre', 'contacter', 'prevenir', 'alerter', 'avertir', 'telephoner', 'ecrire', 'envoyer', 'texto', 'sms'],
    secours: ['secours', 'police', 'gendarmerie', 'gendarme', 'pompier', 'pompiers', 'samu'],
    contact: ['call', 'text', 'contact', 'reach', 'message', 'phone', 'ring', 'sms'],
    threaten: ['threaten', 'threatens', 'threatened', 'threatening'],
    stalk: ['stalk', 'stalks', 'stalked', 'stalking', 'harass', 'harasses', 'harassed', 'harassing'],
  },

  childClasses: ['enfant', 'child'],

  notTypos: ['voile', 'voilee', 'voiles', 'violet', 'violette', 'violon', 'rentrer', 'manger', 'dangers', 'ranger', 'figue', 'fugues',
    'tuerie', 'tapis', 'taper', 'tapas', 'cogner', 'batte', 'batterie', 'battle', 'gifles', 'maison', 'raison', 'saison',
    'parties', 'partie', 'partir', 'parler', 'mourait', 'courir', 'nourrir', 'ouvrir', 'finit', 'finie', 'fini', 'vivres',
    'livre', 'libre', 'vivre', 'suivre', 'craie', 'crampe', 'crepe', 'craquer', 'braque', 'plaque', 'claque', 'trappe',
    'grappe', 'frippe', 'frange', 'coupe', 'couteau', 'coteau', 'gateau', 'bateau', 'chapeau', 'rideau', 'danse', 'dense',
    'fugace', 'figure', 'urgent', 'agence', 'argent', 'regence', 'menage', 'manage', 'message', 'mesange', 'respirer',
    'inspire', 'respect', 'enfance', 'enfants', 'garcons', 'filles', 'bebes', 'place', 'plaie', 'plage', 'pluie', 'police',
    'polices', 'malade', 'balade', 'salade', 'ballade', 'batteur', 'baton', 'viola', 'violent', 'viols', 'villa', 'ville',
    'mourre', 'morue', 'sucide', 'suivi', 'suivie', 'abuse', 'amuse', 'amusee', 'excuse', 'pousse', 'cousin', 'housse',
    'hurts', 'hunts', 'heart', 'kicks', 'kites', 'knife', 'knives', 'wife', 'life', 'lives', 'girls', 'games', 'beats',
    'beach', 'bench', 'dying', 'dyeing', 'eating', 'seating', 'heating', 'beating', 'rated', 'raped', 'taped', 'tapes',
    'grape', 'drape', 'choke', 'chore', 'chose', 'choses', 'those', 'runway', 'parties', 'missing', 'kissing', 'hissing',
    // Found by comparing the vocabulary with the words of the shipped sheets and offers, and with everyday words.
    'adresse', 'centre', 'chaque', 'mediation', 'education', 'leducation', 'meditation', 'parole', 'violence', 'emergence',
    'sejour', 'recours', 'forme', 'forte', 'former', 'farce', 'parmi', 'vaison', 'parlent', 'somme', 'celle', 'telle',
    'sante', 'tente', 'vente', 'pente', 'ongle', 'rendre', 'entree', 'ventre', 'couche', 'douche', 'bouche', 'louche',
    'mouche', 'etrange', 'etranger', 'etrangere', 'lille', 'mille', 'bille', 'grosse', 'bosse', 'fosse', 'piece', 'pieces',
    'nerveux', 'ferme', 'fermee', 'pomme', 'gomme', 'campagne', 'copie', 'lunch', 'bunch', 'hunch', 'strange', 'stranger',
    'hunting', 'amused', 'amusing', 'picked', 'licked', 'ticked', 'kicker', 'slipped', 'clapped', 'flapped', 'sitting',
    'fitting', 'hinting', 'table', 'tables', 'poisson', 'prison', 'cooking', 'hooking', 'rapid', 'avare', 'soigne', 'signe',
    'information', 'informations', 'coherence', 'disposition', 'comme', 'loire',
    // Real words one typo away from the words of deafness, of shaking and of signs of harm.
    'source', 'sources', 'lourd', 'lourde', 'soude', 'sound', 'sounds', 'souci', 'secour', 'mouette', 'miette', 'molle',
    'malle', 'mille', 'balle', 'salle', 'bleue', 'blues', 'vomir', 'pales', 'texte', 'textes', 'tester', 'stack', 'stalls'],

  topicFrames: {
    fr: ['fiche', 'fiches', 'fiche-action', 'actions', 'pa', 'axe', 'schema', 'sdsf', 'ctg', 'reaap', 'cdsf',
      'indicateur', 'indicateurs', 'prevention', 'prevenir', 'sensibilisation', 'sensibiliser', 'dispositif', 'dispositifs',
      'partenaire', 'partenaires', 'piloter', 'financement', 'campagne',
      'conference', 'statistique', 'statistiques', 'diagnostic', 'lutte contre', 'lutter contre', 'observatoire', 'colloque'],
    en: ['sheet', 'sheets', 'actions', 'prevention', 'prevent', 'indicator', 'indicators',
      'partner', 'partners', 'campaign', 'policy', 'scheme', 'funding', 'awareness', 'statistics'],
  },

  reminder: {
    numbers: ['17', '112'],
    line: { fr: 'En cas de danger immédiat : 17 ou 112.', en: 'If there is immediate danger: 17 or 112.' },
  },
  closing: {
    fr: 'Vous pouvez aussi me demander un lieu d’écoute près de chez vous.',
    en: 'You can also ask me for a listening service near you.',
  },

  // The 114 takes texts, the Urgence 114 app (text chat, video in sign language) and the website, from anyone who cannot
  // make a voice call: deaf, hard of hearing, aphasic, or a victim who must not be heard (info.urgence114.fr). It
  // passes the alert on to the police, the SAMU or the fire brigade. It is never a concern by itself.
  cannotCall: {
    statements: {
      fr: ['sourd', 'sourde', 'malentendant', 'malentendante', 'mal entendant', 'mal entendante', 'suis muet', 'suis muette',
        'sourd muet', 'sourde muette', 'aphasique', 'sourdaveugle', 'langue des signes', 'peux pas telephoner', 'peux pas appeler',
        'peux pas parler', 'peux pas parler fort', 'peut pas telephoner', 'peux pas passer d appel', 'peux pas passer un appel',
        'secours par sms', 'police par sms', 'urgence par sms', 'urgences par sms', 'sms … police', 'sms … secours',
        'sms … gendarmerie', 'texto … police', 'ecrire … police', 'ecrire … secours', 'par ecrit … secours', 'par ecrit … police',
        'entends pas', 'entends plus', 'entends mal', 'entends rien'],
      en: ['deaf', 'hard of hearing', 'hearing impaired', 'i m mute', 'i am mute', 'sign language', 'can t speak', 'cannot speak',
        'can t talk', 'cannot talk', 'unable to speak', 'can t call', 'cannot call', 'can t phone', 'can t make a call',
        'text the police', 'text … police', 'text … emergency', 'can t hear', 'cannot hear', 'police by text', 'help by text',
        'emergency by text'],
    },
    exceptions: {
      // « Faire la sourde oreille » is not deafness; a child who is deaf does not stop the parent from calling; « je ne
      // peux pas parler à mon mari » is not « je ne peux pas parler ». « I can't call my… » stays: the 114 line says
      // « if you cannot call », and costs little to one who could.
      fr: ['sourde oreille', 'sourd oreille', '@enfant … sourd', '@enfant … sourde', '@enfant … malentendant',
        '@enfant … malentendante', 'parents sourds', 'parent sourd', 'parents malentendants', 'peux pas parler a',
        'peux pas parler avec', 'peux pas parler de', 'peux pas parler francais'],
      en: ['deaf ear', 'deaf ears', '@child … deaf', 'deaf parents', 'can t talk to', 'cannot talk to', 'can t talk about',
        'can t speak to', 'cannot speak to', 'can t speak about', 'can t speak french', 'can t speak english'],
    },
    // What else a message that only says « je suis sourde » may hold: greetings, a call for help, « et muette ».
    alone: ['suis', 'bonjour', 'bonsoir', 'salut', 'slt', 'bjr', 'coucou', 'hello', 'hi', 'svp', 'stp', 'please', 'pls',
      'merci', 'thanks', 'aide', 'aidez', 'aider', 'help', 'besoin', 'need', 'i', 'am', 'totalement', 'completement',
      'profondement', 'vraiment', 'really', 'totally', 'completely', 'muet', 'muette', 'mute', 'oui', 'yes', 'aussi',
      'also', 'ok', 'bien', 'deaf', 'sourd', 'sourde'],
    call: {
      numbers: ['114'],
      line: {
        fr: 'Si vous êtes sourd(e), malentendant(e) ou ne pouvez pas appeler : envoyez un SMS au 114, ou utilisez l’appli Urgence 114 (tchat, visio en langue des signes). Gratuit, 24 h/24, 7 j/7 ; le 114 prévient la police, le SAMU ou les pompiers.',
        en: 'If you are deaf, hard of hearing or cannot call: text 114, or use the Urgence 114 app (text chat, sign-language video). Free, 24/7; 114 alerts the police, ambulance or fire brigade.',
      },
    },
  },

  concerns: [
    {
      id: 'immediate-danger',
      calls: [
        {
          numbers: ['17', '112'],
          line: {
            fr: 'Si vous ou votre enfant êtes en danger immédiat, appelez le 17 (police) ou le 112.',
            en: 'If you or your child are in immediate danger, call 17 (police) or 112.',
          },
        },
        { numbers: ['114'], line: { fr: 'Si vous ne pouvez pas parler, envoyez un SMS au 114.', en: 'If you cannot speak, text 114.' } },
      ],
      reminder: false,
      statements: {
        fr: [
          // Asking how to reach the emergency services (« comment appeler les secours ? ») is answered with them. A
          // statement, not a topic: « prévenir les secours » is no question on prevention.
          '@joindre … @secours', 'numero … secours', 'numero … police',
          'avec un couteau', 'a un couteau', 'sorti un couteau', 'prend un couteau', 'pris un couteau', 'avec une arme',
          'a une arme', 'un fusil', 'un pistolet', '@menace … de … @tuer', '@menace … de mort', 'il va me @tuer',
          'il va nous @tuer', 'il veut me @tuer', 'il veut nous @tuer', 'ils vont nous @tuer', 'elle va me @tuer',
          'peur … qu il … @tuer', 'essaie de … @tuer', 'suis en danger', 'sommes en danger', 'on est en danger',
          'en danger de mort', 'danger immediat', 'au secours', 'aidez moi vite', 'appelez la police', 'defonce la porte',
          'm a enfermee', 'nous a enfermes', 'sequestre', 'sequestree',
          // A threat to smash the home or break in, a weapon in the hand; and « who do I call in an emergency? ».
          '@menace … tout casser', '@menace … de … casser', '@menace … defoncer', 'defonce … porte', 'enfonce … porte',
          'force la porte', 'entrer de force', 'rentrer de force', '@menace … couteau', '@menace … arme', 'couteau sous la gorge',
          'couteau a la main', 'avec une hache', 'qui @joindre … urgence', 'quel numero … urgence'],
        en: ['with a knife', 'has a knife', 'got a knife', 'with a gun', 'has a gun', 'got a gun', 'threaten … to kill',
          'threatening … to kill', 'threatened … to kill', 'going to kill me', 'going to kill us', 'wants to kill me',
          'trying to kill', 'i m in danger', 'i am in danger', 'we are in danger', 'immediate danger', 'call the police',
          'help me please', 'locked me in', '@contact … police', '@contact … ambulance', 'emergency services',
          'threaten … to smash', 'threatening … to smash', 'threatens … to break', 'trying to break in', 'break … door down',
          'breaking … door down', 'break down the door', 'kick … door in', 'knife to my throat', 'who … @contact … emergency'],
      },
      inContext: [
        {
          // A partner or an ex at the door, trying to get in: the police first (the 3919 follows, domestic-violence).
          classes: ['conjoint', 'partner'],
          phrases: {
            // Either order: « il est devant la porte, il me menace » and « il me menace, il est devant la porte ».
            fr: ['tambourine … porte', 'essaie … entrer', 'veut entrer de force', 'devant chez moi … peur',
              'peur … devant chez moi', 'devant chez moi … refuse de partir', 'devant ma porte … peur', 'devant la porte … peur',
              'peur … devant ma porte', 'peur … devant la porte', 'devant chez moi … @menace', 'devant ma porte … @menace',
              'devant la porte … @menace', '@menace … devant chez moi', '@menace … devant ma porte', '@menace … devant la porte',
              'en bas de chez moi … @menace', '@menace … en bas de chez moi', 'en bas de chez moi … peur', 'peur … en bas de chez moi'],
            en: ['banging on … door', 'trying to get in', 'outside … door … scared', 'outside … house … scared',
              'outside … door … afraid', 'outside … house … afraid', 'scared … outside … door', 'afraid … outside … door',
              'scared … outside … house', 'afraid … outside … house', '@threaten … outside … door', 'outside … door … @threaten',
              '@threaten … outside … house', 'outside … house … @threaten', '@threaten me … outside … door', '@threaten me … outside … house'],
          },
        },
      ],
      topics: { fr: ['urgence', 'numero d urgence'], en: ['emergency'] },
      exceptions: {
        fr: ["d'urgence", 'en urgence', 'aux urgences', 'urgence sociale', 'urgences pediatriques', 'premiers secours',
          'premier secours', 'secours populaire', 'secours catholique', 'secours islamique', 'roue de secours',
          'sortie de secours', 'trousse de secours', 'samu social', 'police municipale',
          // A child who threatens to smash things when the console is taken away is a search for support.
          '@mon @enfant … @menace', '@det @enfant … @menace'],
        en: ['emergency childcare', 'emergency housing', 'emergency accommodation', 'emergency room', '@my @child … @threaten'],
      },
      resolutions: { fr: [], en: [] },
    },
    {
      id: 'medical-emergency',
      calls: [
        {
          numbers: ['15', '112'],
          line: {
            fr: 'Pour une urgence médicale, appelez le 15 (SAMU) ou le 112.',
            en: 'For a medical emergency, call 15 (SAMU) or 112.',
          },
        },
        { numbers: ['114'], line: { fr: 'Si vous ne pouvez pas parler, envoyez un SMS au 114.', en: 'If you cannot speak, text 114.' } },
      ],
      reminder: false,
      statements: {
        fr: ['ne respire plus', 'respire plus', 'ne respire pas', 'respire pas', 'respire mal', 'n arrive plus a respirer',
          's etouffe', '@enfant … etouffe', 'avale … @medicament', 'mange … @medicament', 'avale … produit menager',
          'bu … produit menager', 'avale … des @medicament', 'pris … boite de @medicament',
          'inconscient', 'inconsciente', 'ne se reveille pas', 'ne se reveille plus', 'convulse', 'convulsion', 'convulsions',
          'perdu connaissance', 'perd connaissance', 'fait un malaise', 'saigne beaucoup', 'beaucoup de sang', 'ne bouge plus',
          'overdose', 'intoxique', 'intoxiquee', 's est empoisonne', 'bu de la javel', 'gravement brule', 'gravement brulee',
          'tombe … tete la premiere',
          // A child who swallowed something, fell from a height, nearly drowned, was burnt.
          'avale … @objet', 'avale quelque chose', 'avale de la lessive', 'tombe … fenetre', 'tombe … balcon', 'defenestre',
          'tombe … table a langer', 'chute … table a langer', 'tombe … escalier', 'tombe … sur la tete', 'cogne … la tete … vomi',
          'se noie', 'failli se noyer', 'tombe dans la piscine', 'tombe dans l eau', 'brule … eau bouillante', 's est brule',
          's est brulee', 'yeux revulses', 'levres bleues', 'devient bleu', 'devenu bleu', 'devenue bleue', 'tombe … vomi',
          'tombe … vomit', 'tombe du lit … vomi', 'tombe du lit … vomit', 'tombe … ne se reveille',
          // Breathing badly, however it is said (« respire très mal », « a du mal à respirer »).
          'respire @adverbe mal', 'respire @adverbe @adverbe mal', 'respire de plus en plus mal', 'respire difficilement',
          'respire @adverbe difficilement', 'respire avec difficulte', 'mal a respirer', 'difficulte a respirer',
          'peine a respirer', 'arrive pas a respirer', 'arrive plus a respirer', 'peut plus respirer', 'peut pas respirer',
          'suffoque', 'manque d air',
          // « Qui contacter en urgence ? » asks for every emergency number, the SAMU's too.
          'qui @joindre … urgence', 'quel numero … urgence', 'numero d urgence', '@joindre … samu', '@joindre … pompier'],
        en: ['not breathing', 'stopped breathing', 'can t breathe', 'cannot breathe', 'choking', 'swallowed … @pills',
          'took too many @pills', 'took a lot of @pills', 'took an overdose', 'unconscious', 'won t wake up', 'not waking up', 'seizure', 'having a fit', 'overdose', 'overdosed',
          'bleeding heavily', 'bleeding a lot', 'passed out', 'poisoned', 'swallowed … @thing', 'fell … window', 'fell … balcony',
          'fell down the stairs', 'fell off the changing table', 'fell … vomit', 'fell … vomiting', 'fell … threw up',
          'fell … throwing up', 'fell … on … head', 'hit … head … vomit', 'nearly drowned',
          'is drowning', 'badly burned', 'badly burnt', 'burned … boiling water', 'scalded', 'turning blue', 'turned blue', 'blue lips', 'lips are blue',
          'trouble breathing', 'difficulty breathing', 'difficulties breathing', 'struggling to breathe', 'struggles to breathe',
          'struggle to breathe', 'hard to breathe', 'hard time breathing', 'can barely breathe', 'barely breathing',
          'breathing badly', 'breathing @adverbe badly', 'breathing strangely', 'gasping for air', 'gasping for breath',
          'short of breath', 'who … @contact … emergency', 'emergency number'],
      },
      topics: { fr: [], en: [] },
      inContext: [
        {
          // Said of a baby, these are signs of distress; of an older child they may be a figure of speech (« tout mou »).
          classes: ['bebe'],
          phrases: {
            fr: ['tout mou', 'toute molle', 'tout molle', 'ne reagit plus', 'reagit plus', 'ne se reveille pas', 'gemit'],
            en: ['floppy', 'limp', 'unresponsive', 'not responding', 'won t respond', 'hard to wake'],
          },
        },
        {
          // After a shaking, any of these is a sign of a brain injury: the SAMU, at once.
          classes: ['secouer'],
          phrases: {
            fr: ['mou', 'molle', 'vomi', 'vomit', 'vomissement', 'somnolent', 'somnolente', 'endormi', 'endormie', 'dort beaucoup',
              'ne reagit', 'reagit plus', 'reagit pas', 'convulse', 'convulsion', 'pale', 'respire mal', 'respire bizarrement',
              'yeux fixes', 'yeux bizarres', 'pleure bizarrement', 'gemit', 'ne se reveille', 'blesse', 'blessee', 'saigne', 'bosse',
              'tete gonflee', 'fontanelle', 'regard fixe'],
            en: ['floppy', 'limp', 'vomit', 'vomiting', 'vomited', 'throwing up', 'threw up', 'sleepy', 'drowsy', 'won t wake',
              'unresponsive', 'not responding', 'pale', 'seizure', 'fitting', 'breathing strangely', 'trouble breathing',
              'eyes rolled', 'injured', 'bleeding', 'swollen', 'fontanelle', 'staring', 'hurt him', 'hurt her'],
          },
        },
      ],
      // « Il n'a pas vomi » says no sign: the shaken baby's own line (the 15 if a sign shows) answers it.
      exceptions: {
        fr: ['respire pas la joie', 'il respire pas la joie', 'pas vomi', 'ne vomit pas', 'pas mou', 'pas de vomissement',
          'pas somnolent', 'pas blesse', 'pas de bosse', 'se noie dans un verre', 'noie dans un verre', 'tombe sur la tete ou quoi',
          // Falling ill is no fall: « elle est tombée malade, elle vomit » is a gastro; a fear of falling is no fall.
          'peur de tomber',
          'est tombe malade', 'il tombe malade', 'elle tombe malade', 'sont tombe malade'],
        en: ['didn t vomit', 'not vomiting', 'no vomiting', 'not floppy', 'not hurt', 'isn t hurt', 'no injury', 'no injuries',
          'afraid of falling', 'scared of falling'],
      },
      resolutions: { fr: [], en: [] },
    },
    {
      id: 'suicide',
      calls: [
        {
          numbers: ['3114'],
          line: {
            fr: 'Prévention du suicide : appelez le 3114, gratuit, 24 h/24, 7 j/7, pour vous ou pour un proche.',
            en: 'Suicide prevention: call 3114, free, 24/7, for you or someone close.',
          },
        },
      ],
      reminder: false,
      statements: {
        fr: ['veux mourir', 'veut mourir', 'voudrais mourir', 'voudrait mourir', 'envie de mourir', 'prefere mourir',
          'prefererais mourir', 'souhaite mourir', 'plutot mourir', 'envie de disparaitre', 'veux disparaitre', 'en finir',
          'en finir avec la vie', 'en finir avec tout', 'en finir avec moi', 'en finir avec ma vie', 'me suicider',
          'se suicider', 'suicidaire', 'je … me @tuer', 'envie de me @tuer', 'parle de se @tuer', 'veut se @tuer', 'se @tuer',
          'idees noires', 'idee suicidaire', 'pensees suicidaires', 'plus envie de vivre', 'pas envie de vivre',
          'marre de vivre', 'marre de la vie', 'plus de raison de vivre', 'la vie n a plus de sens', 'tentative de suicide',
          'fait une ts', 'se scarifie', 'scarifie', 'se mutile', 'me faire du mal', 'se faire du mal', 'me jeter … fenetre',
          'me jeter sous', 'sauter du pont', 'mettre fin a mes jours', 'mettre fin a ses jours', 'plus envie d etre la',
          // Idioms and the words of despair parents use for themselves.
          'veux plus vivre', 'veut plus vivre', 'peux plus vivre', 'plus vivre comme ca', 'me foutre en l air',
          'se foutre en l air', 'me fous en l air', 'envie d en finir', 'veux en finir', 'vais en finir', 'en finir une bonne fois',
          'disparaitre pour toujours', 'disparaitre a jamais', 'dormir pour toujours', 'plus me reveiller', 'me jeter',
          'me pendre', 'se pendre', 'me tirer une balle', 'mettre fin a ma vie', 'mettre fin a sa vie', 'plus envie de rien',
          'plus gout a rien', 'plus la force de vivre', 'en peux plus de ma vie', 'en peux plus de vivre', 'marre de ma vie',
          'mieux sans moi', 'mieux si j etais mort', 'mieux si j etais morte', 'plus la peine de vivre', 'sert a rien de vivre',
          'se taillade', 'se coupe … bras', 'se coupe … poignet', 'se fait des coupures', 'se fait du mal', 'automutilation',
          'auto mutilation'],
        en: ['want to die', 'wants to die', 'wish i was dead', 'wish i were dead', 'kill myself', 'kill herself',
          'kill himself', 'end my life', 'end it all', 'suicidal', 'don t want to live', 'no reason to live',
          'hurt myself', 'self harm', 'cutting myself', 'better off dead', 'ending it all', 'ending my life', 'just want to end it',
          'take my own life', 'taking my own life', 'killing myself', 'hurting myself', 'harm myself', 'harming myself',
          'do not want to live', 'no longer want to live', 'want to disappear forever', 'better off without me',
          'don t want to be here anymore', 'don t want to wake up', 'hang myself', 'jump off a bridge', 'jump in front of',
          // Self-harm said of a child.
          'cut himself', 'cut herself', 'cut themselves', 'cutting himself', 'cutting herself', 'cutting themselves',
          'self harming', 'harm himself', 'harm herself', 'harming himself', 'harming herself', 'burn himself', 'burn herself'],
      },
      topics: { fr: ['suicide'], en: ['suicide'] },
      exceptions: {
        fr: ['mourir de rire', 'mort de rire', 'en finir avec', 'mourir de faim', 'mourir d ennui', 'mourir de honte', 'me @tuer a', 'se @tuer a', 'me @tuer au', 'se @tuer au',
          'me jeter a l eau', 'me jeter dans la gueule', 'me jeter sur', 'jeter … a la poubelle', 'me jeter dessus'],
        // A cut by accident is no self-harm.
        en: ['die laughing', 'end it with', 'end it there', 'end it now and go', 'cut himself on', 'cut herself on',
          'cut himself … while', 'cut herself … while', 'cut himself … by accident', 'cut herself … by accident',
          'cut himself shaving', 'accidentally cut', 'cut himself … accidentally', 'cut herself … accidentally',
          'burn himself on', 'burn herself on'],
      },
      resolutions: { fr: [], en: [] },
    },
    {
      id: 'child-danger',
      calls: [
        {
          numbers: ['119'],
          line: {
            fr: 'Allô enfance en danger : appelez le 119, gratuit, 24 h/24, 7 j/7. L’appel n’apparaît pas sur les factures.',
            en: 'Child protection line (Allô enfance en danger): call 119, free, 24/7. The call does not show on phone bills.',
          },
        },
      ],
      reminder: true,
      statements: {
        fr: ['@mon @enfant … en danger', '@frapper @mon @enfant', '@frapper … @mon @enfant', '@frapper @det @enfant',
          '@enfant … se fait @frapper', '@enfant … est @frapper', '@enfant … a ete @frapper', '@enfant … sont @frapper', 'violence sur @mon @enfant', 'violent avec @mon @enfant',
          '@enfant … maltraite', '@enfant … maltraitee', '@enfant … battu', '@enfant … battue', '@enfant … abuse',
          '@enfant … abusee', '@enfant … viole', '@enfant … violee', 'abuse de … @enfant', 'touche … @mon @enfant',
          'attouchement … @enfant', '@parent … me … @frapper', '@parent … me … tape', '@parent … me … bat',
          '@parent … me … touche', 'je suis maltraite', 'je suis maltraitee', 'secoue … @enfant', 'secoue le bebe',
          'leve la main sur @mon @enfant', 'leve la main sur @det @enfant', 'leve la main sur @enfant',
          // The children hit as well as the writer: the child's own concern, first.
          '@frapper aussi @det @enfant', '@frapper aussi @mon @enfant', '@frapper aussi … @enfant', '@frapper moi et @det @enfant',
          '@frapper moi et @mon @enfant',
          // An adult of the family, a partner or an adult in charge hits « le », « la », « les »: « son beau-père le frappe ».
          '@parent … @det @frapper', '@conjoint … @det @frapper', '@adulte … @det @frapper', '@parent … @det a @frapper',
          '@conjoint … @det a @frapper', '@adulte … @det a @frapper', '@parent … @det @bousculer', '@conjoint … @det @bousculer',
          // A girl pregnant by an adult of her family is a child sexually abused.
          'enceinte de @mon @parent', 'enceinte de @mon @adulte', '@parent … mise enceinte', '@adulte … mise enceinte',
          'enceinte d un adulte'],
        en: ['@my @child … in danger', '@hit @my @child', '@hit … @my @child', '@child … being @hit', '@child … is @hit',
          '@child … was @hit', '@child … being abused', 'abusing … @child', 'dad … @hit me', 'mum … @hit me',
          'mom … @hit me', 'father … @hit me', 'mother … @hit me', 'parents … @hit me', 'touched … @my @child',
          'shook … baby', 'shaking … baby', 'shook … @my @child', '@hit me and @my @child', '@hit … @my @child too',
          '@adult … @hit him', '@adult … @hit her', '@adult … @hit them', 'pregnant by … @adult', 'got her pregnant'],
      },
      inContext: [
        {
          // Said of a child: hit by someone else, or marks that speak of blows (an accident gets the 15 alone).
          classes: ['enfant', 'child'],
          phrases: {
            fr: ['s est fait @frapper', 's est fait violer', 's est fait abuser', 's est fait agresser', 's est fait toucher',
              'se fait agresser', 'bleus partout', 'plein de bleus', 'couvert de bleus', 'des bleus suspects',
              'marques de coups', 'traces de coups', 'marque de coup', 'trace de coup'],
            en: ['bruises all over', 'covered in bruises', 'unexplained bruises', 'marks of blows'],
          },
        },
        {
          // « Il les frappe » where an adult is named (« mon mari me frappe et il les frappe aussi »): the adult hits a
          // child. Without one, it may be a child hitting a brother: no alarm.
          classes: ['conjoint', 'parent', 'adulte', 'partner', 'adult'],
          phrases: {
            fr: ['il @det @frapper', 'elle @det @frapper', 'ils @det @frapper', 'il @det a @frapper', 'elle @det a @frapper',
              'il @det … @frapper aussi'],
            en: ['he … @hit them', 'he … @hit him', 'she … @hit them'],
          },
        },
      ],
      topics: {
        fr: ['enfant en danger', 'enfance en danger', 'maltraitance', 'maltraitances', 'enfant battu', 'enfant maltraite',
          'inceste', 'pedophile', 'pedocriminel', 'pedocriminalite', 'bebe secoue'],
        en: ['child in danger', 'child abuse', 'incest', 'paedophile', 'pedophile', 'shaken baby'],
      },
      exceptions: {
        fr: ['tape sur les nerfs', 'tapent sur les nerfs', 'tape sur le systeme', 'tapes sur les nerfs',
          // « En danger sur les réseaux » names a topic, as « le danger des écrans » does; « en danger » alone is an alarm.
          'en danger @liensujet … @sujet',
          // A parent who fears what they might do, or says what they did, is at breaking point: the 119 that listens to
          // parents « à bout » answers them (breaking-point), not the line that reports a child in danger.
          'peur de @frapper', 'peur de @det @frapper', 'peur de lui … @frapper', 'envie de @frapper', 'envie de @det @frapper',
          'je vais @frapper', 'je vais @det @frapper', 'peur de … lever la main', 'envie de … lever la main',
          'je vais lever la main', 'je ai leve la main', 'je leve la main', 'je lui ai leve la main', 'je ai secoue',
          'je l ai secoue', 'je les ai secoue', 'je secoue', 'envie de … secouer', 'peur de … secouer', 'ne pas secouer',
          'jamais secouer', 'ne jamais … secouer', 'secoue … pour … reveiller', 'peur de devenir violent', 'peur de devenir violente', 'peur d etre violent',
          'peur d etre violente',
          // Beaten at a game.
          'bat … au jeu', 'bat … aux jeux', 'bat … aux echecs', 'bat … aux cartes', 'bat … au ping', 'bat … au tennis',
          'bat … au foot', 'bat … a la course', 'battu … au jeu', 'battu … aux echecs', 'battu … aux cartes'],
        en: ['hurt … feelings', 'beat … at', 'beats … at', 'in danger … @topic', 'snap and @hit', 'lose it and @hit', 'going to snap and', 'i shook', 'i ve shaken', 'i have shaken', 'i shake', 'never shake', 'not to shake',
          'want to shake', 'i ll @hit', 'i will @hit', 'i might @hit', 'of hitting', 'of hurting', 'i m going to @hit',
          'i am going to @hit', 'shook … hand', 'shook hands'],
      },
      // Children who see the violence are witnesses: their concern comes after the writer's (withChild).
      // « Il s'est cogné », « ils se sont battus »: a child hurt by themselves, or in a fight, is no child hit.
      interruptions: { fr: ['devant', 'sous les yeux', 'en presence', 's est', 'se sont'], en: ['in front of', 'while'] },
      resolutions: { fr: [], en: [] },
    },
    {
      id: 'domestic-violence',
      calls: [
        {
          numbers: ['3919'],
          line: {
            fr: 'Violences Femmes Info : appelez le 3919, gratuit et anonyme, 24 h/24, 7 j/7.',
            en: 'Violence against women helpline: call 3919, free and anonymous, 24/7.',
          },
        },
      ],
      reminder: true,
      statements: {
        fr: ['@conjoint … me … @frapper', '@conjoint … @frapper … moi', '@conjoint … me … @menace', '@conjoint … me … insulte',
          '@conjoint … me … humilie', '@conjoint … me … viole', '@conjoint … me … force', '@conjoint … est violent',
          '@conjoint … violent avec moi', '@conjoint … devient violent', 'il me @frapper', 'il me … @frapper', 'elle me @frapper',
          'il … me frappe', 'il … me bat', 'il … me tape', 'il me @menace', 'il … me @menace', 'peur de @mon @conjoint',
          'peur … @conjoint', 'suis victime de violence', 'victime de violence conjugale', 'pere de mes @enfant … me … @frapper',
          'je me fais @frapper', 'me fait du mal', 'il … me fait du mal', 'il m … etrangle', '@conjoint … ma @menace',
          '@conjoint … ma @frapper', 'il ma @menace', 'il ma @frapper', '@conjoint … ma … de mort',
          '@conjoint … leve la main sur moi', 'il … leve la main sur moi', 'leve la main sur moi', '@conjoint … me harcele',
          '@conjoint … me suit partout', '@conjoint … me traque', '@conjoint … me surveille', '@conjoint … me poursuit',
          // Fear, pushing, smashing: violence without a blow said.
          '@conjoint … me … fait peur', '@conjoint … nous … fait peur', '@conjoint … fait peur aux @enfant',
          '@conjoint … fait peur a @mon @enfant', '@conjoint … fait peur a @det @enfant', '@conjoint … me terrorise', '@conjoint … terrorise',
          '@conjoint … me … @bousculer', 'il me … @bousculer', '@conjoint … me … pousse contre', '@conjoint … me … pousse par terre',
          '@conjoint … me … pousse a terre', '@conjoint … me … pousse violemment', '@conjoint … me … pousse dans l escalier',
          'il … me … pousse contre', 'il … me … pousse par terre', 'il … me … pousse a terre', 'me pousse contre les murs', 'me pousse contre le mur',
          '@conjoint … me … tire … cheveux', 'il me … tire … cheveux', '@conjoint … casse tout', '@conjoint … tout casser',
          '@conjoint … @menace … casser'],
        en: ['@partner … @hit me', 'he … @hit me', 'she … @hit me', 'afraid of my @partner', 'scared of my @partner',
          '@partner … threatens me', '@partner … threatened me', '@partner … is violent', 'he threatens me', 'abusive @partner',
          'he hurts me', 'i am being abused', 'i m being abused', '@partner … @threaten me', 'he … @threaten me',
          'she … @threaten me', '@partner … @stalk me', 'he … @stalk me', '@partner … @stalk', '@partner … violent',
          '@partner … won t leave me alone', '@partner … follows me', '@partner … following me', 'he is violent',
          '@partner … abusive', 'he is abusive', '@partner … scares me', '@partner … frightens me', '@partner … terrifies me',
          '@partner … pushes me', '@partner … pushed me', '@partner … shoves me', '@partner … shoved me', '@partner … smashes',
          '@partner … breaks everything', '@partner … throws things'],
      },
      inContext: [
        {
          // Said where a partner or an ex is named: the threat, the weapon, the door come from them.
          classes: ['conjoint', 'partner'],
          phrases: {
            fr: ['il me fait peur', 'elle me fait peur', 'je ai peur de lui', 'je ai peur d elle', 'je ai tres peur de lui',
              'il hurle et casse', 'hurle et casse tout', 'il casse tout', 'il @menace … casser', '@menace … tout casser',
              'devant chez moi … @menace', 'devant ma porte … @menace', 'devant la porte … @menace', 'tambourine … porte',
              'defonce … porte', 'essaie … entrer', 'veut entrer de force', 'entrer de force', 'rentrer de force',
              'avec un couteau', 'a un couteau', 'sorti un couteau', 'avec une arme', 'a une arme', 'couteau sous la gorge',
              'il va me @tuer', '@menace … de … @tuer', '@menace … de mort', 'refuse de partir … peur', 'devant chez moi … peur',
              'peur … devant chez moi', 'devant ma porte … peur', 'devant la porte … peur', 'peur … devant ma porte',
              'peur … devant la porte', '@menace … devant chez moi', '@menace … devant ma porte', '@menace … devant la porte'],
            en: ['he scares me', 'she scares me', 'i m scared of him', 'i m afraid of him', 'i am scared of him',
              'i am afraid of him', 'banging on … door', 'trying to get in', 'break … door', 'smashing things',
              'breaking things', 'smashes everything', 'outside … door … scared', 'outside … house … scared',
              'outside … door … afraid', 'outside … house … afraid', 'scared … outside … door', 'afraid … outside … door',
              'scared … outside … house', 'afraid … outside … house', 'with a knife', 'has a knife', 'got a knife', 'with a gun', 'has a gun',
              'threaten … to kill', 'going to kill me', 'pushes me', 'pushed me', 'shoves me', 'shoved me'],
          },
        },
      ],
      // « Ma femme trouve que ça fait peur »: « ça » is what frightens, not the partner.
      interruptions: { fr: ['ca fait', 'cela fait', 'ca me fait', 'ca lui fait'], en: [] },
      topics: {
        fr: ['violence conjugale', 'violences conjugales', 'violence domestique', 'violence intrafamiliale', 'femme battue',
          'victime de violence', 'violence dans le couple', 'violence au sein du couple'],
        en: ['domestic violence', 'domestic abuse', 'battered woman', 'intimate partner violence'],
      },
      exceptions: { fr: ['tape sur les nerfs', 'tapent sur les nerfs', 'tape sur le systeme', 'tapes sur les nerfs'], en: [] },
      resolutions: { fr: [], en: [] },
      withChild: 'child-danger',
    },
    {
      id: 'sexual-violence',
      calls: [
        {
          numbers: ['3919'],
          line: {
            fr: 'Violences sexuelles : appelez le 3919 (Violences Femmes Info), gratuit et anonyme, 24 h/24, 7 j/7.',
            en: 'Sexual violence: call 3919 (violence against women helpline), free and anonymous, 24/7.',
          },
        },
      ],
      reminder: true,
      statements: {
        fr: ['me … viole', 'me … violee', 'ete … viole', 'ete … violee', 'me … touche … sexe', 'touche … parties intimes',
          'il me touche', 'agressee sexuellement', 'agresse sexuellement', 'abuse … de moi', 'abusee sexuellement',
          'abuse sexuellement', 'me force a', 'force … rapport'],
        en: ['raped me', 'was raped', 'been raped', 'he touched me', 'he touches me', 'touched me inappropriately', 'sexually abused', 'sexually assaulted', 'molested',
          'forced me to have sex'],
      },
      topics: {
        fr: ['viol', 'viole', 'violee', 'violer', 'attouchement', 'attouchements', 'agression sexuelle', 'abus sexuel',
          'violence sexuelle', 'inceste', 'harcelement sexuel'],
        en: ['rape', 'sexual abuse', 'sexual assault', 'sexual violence', 'incest', 'molestation'],
      },
      exceptions: { fr: [], en: [] },
      resolutions: { fr: [], en: [] },
      withChild: 'child-danger',
    },
    {
      id: 'runaway',
      calls: [
        {
          numbers: ['116000'],
          line: {
            fr: 'Fugue ou disparition d’un enfant : appelez le 116 000 (Enfants disparus), gratuit, 24 h/24, 7 j/7.',
            en: 'Runaway or missing child: call 116 000 (missing children), free, 24/7.',
          },
        },
        {
          numbers: ['17'],
          line: {
            fr: 'Signalez sans attendre sa disparition à la police ou à la gendarmerie : 17.',
            en: 'Report the disappearance to the police without waiting: 17.',
          },
        },
      ],
      reminder: false,
      statements: {
        // Said of a runaway that happened: « la fugue » named alone is a subject to talk about (« comment parler de la
        // fugue avec mon ado ? »), and a threat to run away (« il menace de fuguer ») is a search for support.
        fr: ['a fugue', 'en fugue', 'fait une fugue', 'fait … fugue', '@enfant fugue', 'fugue depuis', '@enfant … parti de la maison',
          '@enfant … partie de la maison', '@enfant … parti de chez nous', '@enfant … partie de chez nous',
          '@enfant … parti de chez moi', '@enfant … partie de chez moi', '@enfant … pas rentre',
          '@enfant … pas rentree', '@enfant … disparu', '@enfant … disparue', '@enfant … introuvable', 'sais pas ou est … @enfant',
          '@enfant … s est enfui', '@enfant … s est enfuie', 'ne rentre pas depuis', 'toujours pas rentre', 'pas rentre de la nuit',
          '@enfant … pas revenu', '@enfant … pas revenue', 'pas revenu depuis', 'pas revenue depuis', '@enfant … quitte la maison',
          'est parti de la maison', 'est partie de la maison', 'a quitte la maison', 'refait une fugue', 'refugue',
          'encore fugue', 'de nouveau fugue', 'est reparti', 'est repartie',
          // « Il est pas rentré cette nuit »: not home when a child should be.
          'pas rentre cette nuit', 'pas rentre hier soir', 'pas rentre depuis', 'pas rentre de la soiree', 'pas rentre a la maison',
          'pas rentre du college', 'pas rentre du lycee', 'pas rentre de l ecole', 'pas dormi a la maison'],
        en: ['ran away', 'has run away', 'have run away', 'had run away', 's run away', 'ran off', 'has run off',
          '@child … gone missing', '@child … went missing',
          '@child … has disappeared', '@child … didn t come home',
          '@child … hasn t come home', '@child … not come home', '@child … left home', 'don t know where … @child',
          'ran away again', 'gone again'],
      },
      topics: { fr: ['enfant disparu'], en: ['missing child'] },
      exceptions: {
        fr: ['@conjoint … parti de la maison', '@conjoint … partie de la maison', '@conjoint … quitte la maison',
          // A threat, a wish, a fear or a « what if » is not a runaway. An exception held whole inside a match does not
          // cancel it: « mon fils menace de quitter la maison » is cancelled from the child's name on.
          '@mon @enfant … @menace', '@det @enfant … @menace', '@mon @enfant … parle de', '@menace … de fuguer', '@menace … de partir', '@menace … de quitter', '@menace … de s enfuir', 'parle de fuguer',
          'parle de partir', 'parle de quitter', 'veut fuguer', 'envie de fuguer', 'veut quitter la maison', 'si @mon @enfant fugue',
          'si il fugue', 'si elle fugue', 'si jamais … fugue', 'au cas ou … fugue', 'peur qu … fugue', 'peur que … fugue',
          // An adult not home is no missing child; « pas rentré dans le groupe », « en 6e » is no absence.
          '@conjoint … pas rentre', '@conjoint … pas revenu', '@conjoint … pas revenue', 'pas rentre dans', 'pas rentre en'],
        // An exception also silences a resolution it overlaps: « he never came back » is no return.
        en: ['never came back', 'never came home', 'not found', 'never found'],
      },
      // A runaway that is over (« il est revenu », « on l'a retrouvée ») is told calmly and gets no alarm: the parent may
      // still ask for a listening service. A new one said afterwards (« elle est repartie ») is an alarm again.
      resolutions: {
        fr: ['est revenu', 'est revenue', 'sont revenu', 'est rentre', 'est rentree', 'sont rentre', 'est de retour',
          'sont de retour', 'l a retrouve', 'l a retrouvee', 'l ai retrouve', 'l ai retrouvee', 'l avons retrouve',
          'l avons retrouvee', 'on la retrouve', 'on la retrouvee', 'ete retrouve', 'ete retrouvee', 'sain et sauf',
          'saine et sauve', 'plus de peur que de mal'],
        en: ['came back', 'is back', 'came home', 'got home', 'found him', 'found her', 'been found', 'was found', 'safe and sound'],
      },
    },
    {
      // A parent who fears the other will take the children away, or says they have. The police can act at once (and,
      // outside the préfecture's hours, a commissariat or gendarmerie records an opposition to leaving France); the
      // 116 000 advises families on parental abduction in France or abroad, not only on runaways (droitdenfance.org).
      id: 'abduction',
      calls: [
        {
          numbers: ['17'],
          line: {
            fr: 'Si l’on menace d’emmener votre enfant ou s’il a été emmené sans votre accord, appelez le 17 (police ou gendarmerie).',
            en: 'If someone threatens to take your child away, or has taken them without your consent, call 17 (police).',
          },
        },
        {
          numbers: ['116000'],
          line: {
            fr: 'Le 116 000 (Enfants disparus) vous conseille aussi en cas d’enlèvement par un parent : gratuit, 24 h/24, 7 j/7.',
            en: '116 000 (missing children) also advises on abduction by a parent: free, 24/7.',
          },
        },
      ],
      reminder: false,
      statements: {
        fr: ['@menace … @enlever … @enfant', '@menace … @enlever … les petits', '@menace … @enlever … mes petits',
          '@menace … partir avec … @enfant', '@menace … partir avec … les petits', '@menace … disparaitre avec',
          'il va partir avec @det @enfant', 'elle va partir avec @det @enfant',
          'il veut partir avec @det @enfant', 'elle veut partir avec @det @enfant', 'il va @enlever @det @enfant',
          'elle va @enlever @det @enfant', 'est parti avec @det @enfant', 'est partie avec @det @enfant',
          'disparu avec @det @enfant', 'disparue avec @det @enfant', 'a enleve @mon @enfant', 'a enleve @det @enfant',
          'a kidnappe @mon @enfant', 'emmene … @enfant … a l etranger', 'emmener … @enfant … a l etranger',
          'enlevement parental', 'enlevement d enfant', '@enfant … a ete enleve', '@enfant … a ete enlevee',
          '@enfant … a ete kidnappe'],
        en: ['threaten … to @take … @child', 'threatens … to @take … @child', 'threatened … to @take … @child',
          '@take … @child … abroad', '@take … @child … and disappear', 'took … @child … and left', 'ran off with … @child',
          '@child … was abducted', '@child … was kidnapped', 'parental abduction', 'child abduction'],
      },
      topics: { fr: ['enlevement parental'], en: ['parental abduction'] },
      // A parent's ordinary outings with the children are no abduction.
      exceptions: {
        fr: ['partir avec @det @enfant … en vacance', 'partir avec @det @enfant … au parc', 'partir avec @det @enfant … a la mer',
          'partir avec @det @enfant … a la plage', 'partir avec @det @enfant … en week end', 'partir avec @det @enfant … a l ecole',
          'partir avec @det @enfant … en balade', 'partir avec @det @enfant … en promenade', 'partir avec @det @enfant … au cinema',
          'partir avec @det @enfant … a la piscine', 'partir avec @det @enfant … faire les course',
          'parti avec @det @enfant … en vacance', 'parti avec @det @enfant … au parc', 'partie avec @det @enfant … en vacance',
          'partie avec @det @enfant … au parc', 'parti avec @det @enfant … a l ecole', 'partie avec @det @enfant … a l ecole',
          'avec @det @enfant … ce week end', 'avec @det @enfant … chez', 'avec @det @enfant … pour la journee',
          'avec @det @enfant … au foot'],
        en: [],
      },
      resolutions: { fr: [], en: [] },
    },
    {
      id: 'breaking-point',
      calls: [
        {
          numbers: ['119'],
          line: {
            fr: 'Si vous êtes à bout avec votre enfant ou avez peur de perdre le contrôle, appelez le 119 : gratuit, 24 h/24, 7 j/7, on vous écoute sans juger.',
            en: 'If you are at breaking point with your child or afraid of losing control, call 119: free, 24/7, someone will listen without judging.',
          },
        },
      ],
      reminder: false,
      statements: {
        fr: ['en peux plus', 'en peux vraiment plus', 'je craque', 'vais craquer', 'suis en train de craquer', 'suis … a bout',
          'a bout de nerfs', 'a bout de force', 'a bout de forces', 'au bout du rouleau', 'je vais le @frapper',
          'je vais la @frapper', 'je vais les @frapper', 'envie de le @frapper', 'envie de la @frapper', 'peur de … @frapper',
          'peur de lui faire du mal', 'peur de leur faire du mal', 'envie de le secouer', 'envie de la secouer',
          'a bout', 'je tiens plus', 'tiens plus le coup', 'suis en burn out', 'fais un burn out',
          'perdre le controle',
          // A parent afraid of what they might do to their child, or who says they did it.
          'peur de craquer', 'peur de @frapper', 'peur de @det @frapper', 'peur de lui … @frapper',
          'envie de @frapper @mon @enfant', 'envie de @frapper @det @enfant', 'envie de @det @frapper',
          'je vais @frapper @mon @enfant', 'je vais @frapper @det @enfant', 'peur de … lever la main', 'envie de … lever la main', 'je vais lever la main',
          'je ai leve la main', 'je leve la main', 'je lui ai leve la main', 'peur de devenir violent', 'peur de devenir violente',
          'peur d etre violent', 'peur d etre violente', 'peur de … secouer', 'envie de … secouer', 'je ai secoue @mon @enfant',
          'je ai secoue @det @enfant', 'je ai secoue … @enfant', 'je l ai secoue', 'je les ai secoue',
          'peur de faire du mal a @mon @enfant'],
        en: ['can t cope', 'can t take it anymore', 'can t take this anymore', 'can t do this anymore', 'breaking point',
          'end of my rope', 'end of my tether', 'going to hit him', 'going to hit her', 'afraid i ll hurt', 'going to lose it',
          'losing control', 'afraid i ll @hit', 'afraid i will @hit', 'afraid i might @hit', 'scared i ll @hit',
          'scared i will @hit', 'scared i might @hit', 'afraid of hitting', 'scared of hitting', 'afraid of hurting',
          'scared of hurting', 'i might @hit', 'going to snap', 'about to snap', 'afraid i ll snap', 'raise my hand',
          'i shook … @child', 'i shook him', 'i shook her', 'i ve shaken', 'i have shaken', 'afraid i ll shake',
          'scared i ll shake', 'i m going to @hit', 'i am going to @hit'],
      },
      topics: {
        fr: ['burn out parental', 'burnout parental', 'epuisement parental'],
        en: ['parental burnout', 'parental burn out'],
      },
      exceptions: {
        fr: ['venir a bout', 'viens a bout', 'vient a bout', 'venu a bout', 'venue a bout', 'a bout portant', 'a bout de bras',
          'a bout de champ', 'de bout en bout', 'secoue … pour … reveiller'],
        en: ['raise my hand in', 'shook … to wake'],
      },
      // « Peur de recommencer » is a parent's fear only after a shaking or a blow (« il a peur de recommencer l'école »).
      inContext: [
        {
          classes: ['secouer', 'frapper', 'hit'],
          phrases: { fr: ['peur de recommencer', 'peur de le refaire'], en: ['afraid of doing it again', 'scared of doing it again', 'afraid i ll do it again'] },
        },
      ],
      resolutions: { fr: [], en: [] },
    },
    {
      // A baby was shaken, no sign of harm said: a shaken baby can be hurt with nothing to see, and its signs (drowsy,
      // floppy, vomiting, breathing badly, fits) make it an emergency. With a sign, medical-emergency comes first.
      id: 'shaken-baby',
      calls: [
        {
          numbers: ['15'],
          line: {
            fr: 'Un bébé secoué peut être blessé sans que cela se voie : s’il est somnolent, mou, pâle, vomit, respire mal ou a des convulsions, appelez le 15 tout de suite ; sinon, faites-le examiner par un médecin aujourd’hui.',
            en: 'A shaken baby can be hurt with nothing to see: if they are drowsy, floppy, pale, vomiting, breathing badly or having fits, call 15 at once; otherwise have a doctor see them today.',
          },
        },
      ],
      reminder: false,
      statements: {
        fr: ['secoue … @enfant', 'secoue le bebe', 'je l ai secoue', 'je les ai secoue'],
        en: ['shook … @child', 'shaken … @child', 'shaking … baby', 'i shook him', 'i shook her'],
      },
      topics: { fr: ['bebe secoue', 'syndrome du bebe secoue'], en: ['shaken baby', 'shaken baby syndrome'] },
      exceptions: {
        fr: ['envie de … secouer', 'peur de … secouer', 'ne pas secouer', 'jamais secouer', 'ne jamais … secouer',
          'secoue … pour … reveiller'],
        en: ['never shake', 'not to shake', 'want to shake', 'afraid i ll shake', 'scared i ll shake', 'shook … hand', 'shook hands',
          'shook … to wake'],
      },
      resolutions: { fr: [], en: [] },
    },
  ],
};

export const SAFETY_VOCABULARY: SafetyVocabulary = Object.freeze(SafetyVocabularySchema.parse(data));
