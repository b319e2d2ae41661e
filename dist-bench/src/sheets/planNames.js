"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PlanNamer = void 0;
const text_1 = require("../language/text");
const glossary_1 = require("./glossary");
const terms_1 = require("./terms");
const vocabulary_1 = require("./vocabulary");
const MIN_ACRONYM = 3;
/** A plan is named by its words, not by its years or single letters. */
function planNameWords(text) {
    return (0, text_1.contentWords)(text).filter((word) => !/^\d+$/.test(word) && word.length > 1);
}
function planWords(plan) {
    const names = new Set(planNameWords(plan.id.replace(/[-_.]+/g, ' ')).map(terms_1.normaliseTerm));
    const foldedTitle = (0, text_1.fold)(plan.title);
    for (const entry of glossary_1.GLOSSARY) {
        if (foldedTitle.includes((0, text_1.fold)(entry.expansion)))
            names.add((0, text_1.fold)(entry.term));
    }
    const initials = planNameWords(plan.title).map((word) => word[0]).join('');
    for (let length = MIN_ACRONYM; length <= initials.length; length++)
        names.add(initials.slice(0, length));
    // Numbers count in titles and periods: "Contrat de ville 2015-2020" and "… 2021-2026" are two plans.
    const titleWords = new Set([...(0, text_1.words)(plan.title), ...(0, text_1.words)(plan.territory ?? ''), ...(0, text_1.words)(plan.period ?? '')]
        .filter((word) => !text_1.STOP_WORDS.has(word) && (word.length > 1 || /\d/.test(word)))
        .map(terms_1.normaliseTerm));
    return { plan, names, titleWords };
}
class PlanNamer {
    plans;
    constructor(plans) {
        this.plans = plans.map(planWords);
    }
    /** The plans the question names, if it names fewer than all of them. */
    detect(tokens, taken) {
        if (this.plans.length < 2)
            return undefined;
        const scores = new Map();
        const strongPlans = new Set();
        const used = new Set();
        let previousNamed = false;
        for (let i = 0; i < tokens.length; i++) {
            if (taken[i]) {
                previousNamed = false;
                continue;
            }
            // "schéma des services aux familles": stop-words inside a plan's name do not break it.
            if (text_1.STOP_WORDS.has(tokens[i]))
                continue;
            const term = (0, terms_1.normaliseTerm)(tokens[i]);
            const byName = this.plans.filter((p) => p.names.has(term) || p.names.has(tokens[i]));
            const afterCue = previousNamed || this.followsCue(tokens, i);
            const byTitle = afterCue ? this.plans.filter((p) => p.titleWords.has(term)) : [];
            const matched = byName.length > 0 ? byName : byTitle;
            previousNamed = matched.length > 0;
            if (matched.length === 0 || matched.length === this.plans.length)
                continue;
            used.add(i);
            for (const p of matched) {
                scores.set(p.plan.id, (scores.get(p.plan.id) ?? 0) + (byName.length > 0 ? 2 : 1) / matched.length);
                if (byName.length > 0)
                    strongPlans.add(p.plan.id);
            }
        }
        if (scores.size === 0)
            return undefined;
        const best = Math.max(...scores.values());
        const planIds = [...scores.entries()].filter(([, score]) => score === best).map(([id]) => id);
        if (planIds.length === this.plans.length)
            return undefined;
        return { planIds, strong: planIds.some((id) => strongPlans.has(id)), tokens: [...used] };
    }
    /** "du schéma", "de la", "dans le": a cue up to two short words back. */
    followsCue(tokens, index) {
        for (let back = 1; back <= 3 && index - back >= 0; back++) {
            const token = tokens[index - back];
            if (vocabulary_1.PLAN_NAMING_CUES.has(token))
                return true;
            if (!text_1.STOP_WORDS.has(token))
                return false;
        }
        return false;
    }
}
exports.PlanNamer = PlanNamer;
//# sourceMappingURL=planNames.js.map