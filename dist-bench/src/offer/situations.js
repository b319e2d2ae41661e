"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SITUATIONS = void 0;
exports.SITUATIONS = [
    {
        id: 'teen-silent',
        phrases: ['ne me parle plus', 'ne nous parle plus', 'me parle plus', 'nous parle plus', 'ne parle plus', "ne m'ecoute plus",
            "m'ecoute plus", 'ne communique plus', 'enferme dans sa chambre', 'claque la porte', "doesn't talk to me", 'does not talk to me',
            "won't talk to me", 'stopped talking to me', 'no longer talks', 'not talking to me'],
        kinds: ['point-ecoute', 'groupe-parole'],
    },
    {
        // The words name the teenager: the audience goes with the kinds, since the phrase consumes "ado".
        id: 'teen-conflict',
        phrases: ["crise d'ado", "crise d'adolescence", 'conflit avec mon ado', 'conflits avec mon ado', 'dispute avec mon ado',
            'disputes avec mon ado', 'teenage crisis', 'arguing with my teen', 'fights with my teenager'],
        kinds: ['point-ecoute', 'groupe-parole'],
        audiences: ['ados'],
    },
    {
        id: 'separation',
        phrases: ['separation', 'on se separe', 'je me separe', 'separes', 'separee', 'divorce', 'divorcer', 'en instance de divorce',
            'pour la garde', 'garde des enfants', 'la garde de mes enfants', 'garde alternee', 'droit de garde', 'residence alternee',
            'residence des enfants', 'pension alimentaire', 'mon ex', 'conflit avec mon ex', 'le pere de mes enfants', 'la mere de mes enfants',
            'conflit familial', 'conflits familiaux', 'dispute de couple', 'conflit de couple', 'disputes dans le couple', 'custody',
            'separated', 'separating', 'my ex', 'co-parenting', 'coparentalite', 'co parentalite'],
        kinds: ['mediation'],
    },
    {
        id: 'contact-with-child',
        phrases: ['voir mon enfant', 'voir mes enfants', 'voir mon fils', 'voir ma fille', 'ne vois plus mes enfants', 'ne vois plus mon fils',
            'ne vois plus ma fille', 'ne vois plus mon enfant', 'droit de visite', 'droits de visite', 'visite mediatisee', 'lieu neutre',
            'see my children', 'see my kids', 'see my son', 'see my daughter', 'visiting rights', 'contact with my child'],
        kinds: ['espace-rencontre', 'mediation'],
    },
    {
        id: 'pregnancy',
        phrases: ['enceinte', 'grossesse', 'future maman', 'futur papa', 'futurs parents', 'attends un bebe', 'attend un bebe', 'pregnant',
            'pregnancy', 'expecting a baby'],
        kinds: ['laep', 'point-ecoute', 'groupe-parole'],
    },
    {
        id: 'exhausted',
        phrases: ['epuisee', 'epuise', 'epuisement', 'a bout', 'je craque', 'fatiguee', 'crevee', 'burn out parental', 'burn-out parental',
            'burnout', 'pleure tout le temps', 'pleure sans arret', 'ne dort pas', 'dort pas', 'ne fait pas ses nuits', 'exhausted',
            'worn out', 'burnt out', 'burned out', 'at the end of my tether'],
        kinds: ['point-ecoute', 'laep', 'groupe-parole'],
    },
    {
        id: 'isolated',
        phrases: ['isolee', 'isole', 'isolement', 'je ne connais personne', 'personne a qui parler', 'sortir de chez moi', 'rencontrer du monde',
            'rompre l isolement', 'lonely', 'isolated', "don't know anyone", 'do not know anyone'],
        kinds: ['laep', 'cafe-parents', 'groupe-parole'],
    },
    {
        id: 'new-parent',
        phrases: ['premier enfant', 'premier bebe', 'jeune maman', 'jeune papa', 'jeunes parents', 'nouveau ne', 'nouveau-ne', 'vient de naitre',
            'new parent', 'new mum', 'new mom', 'first baby', 'newborn'],
        kinds: ['laep', 'groupe-parole'],
    },
    {
        id: 'school',
        phrases: ['difficultes scolaires', 'difficulte scolaire', 'difficultes a l ecole', 'mauvaises notes', 'mauvaise note', 'redouble',
            'redoubler', 'decrochage', 'decroche', 'decrochage scolaire', 'ne veut plus aller a l ecole', 'phobie scolaire', 'travail scolaire',
            'bulletin', 'ses lecons', 'struggling at school', 'school problems', 'bad grades', 'falling behind at school'],
        kinds: ['clas'],
    },
    {
        id: 'everyday-education',
        phrases: ['ecrans', 'ecran', 'jeux video', 'trop de telephone', 'sommeil', 'coucher', 'crises de colere', 'crise de colere', 'coleres',
            'caprices', 'tantrums', 'tantrum', 'screen time', 'screens', 'video games', 'sleep', 'bedtime', 'autorite', 'poser des limites',
            'poser un cadre', "n'obeit pas", 'obeit pas', 'desobeit', 'ne m obeit plus', 'proprete', 'rivalite', 'jalousie entre freres',
            'frere et soeur', 'discipline', 'boundaries', "won't listen", 'does not listen'],
        kinds: ['groupe-parole', 'conference', 'point-ecoute'],
    },
    {
        id: 'disability',
        phrases: ['handicap', 'handicape', 'handicapee', 'en situation de handicap', 'autisme', 'autiste', 'tdah', 'hyperactif', 'hyperactive',
            'trouble dys', 'dyslexie', 'dyspraxie', 'maladie chronique', 'disability', 'disabled', 'autism', 'autistic', 'adhd',
            'special needs'],
        kinds: ['groupe-parole', 'point-ecoute'],
    },
    {
        id: 'things-to-do',
        phrases: ['occuper mes enfants', "s'occuper des enfants", 'que faire avec mes enfants', 'sortir avec mes enfants', 'activite avec mon enfant',
            'le mercredi avec les enfants', 'vacances avec les enfants', 'things to do with my kids', 'things to do with my children',
            'activities for kids'],
        kinds: ['atelier'],
    },
    {
        id: 'questions-on-education',
        phrases: ["question d'education", "questions d'education", 'comment faire avec mon enfant', 'je ne sais plus comment faire',
            'difficultes avec mon enfant', 'difficultes avec mes enfants', 'difficulte avec mon enfant', 'du mal avec mon enfant',
            'du mal avec mes enfants', 'struggling with my child', 'struggling with my kids',
            'je suis perdue', 'je suis perdu', 'des conseils', 'conseils educatifs', 'parenting advice', 'advice on parenting'],
        kinds: ['point-ecoute', 'groupe-parole', 'ecoute-distance'],
    },
];
//# sourceMappingURL=situations.js.map