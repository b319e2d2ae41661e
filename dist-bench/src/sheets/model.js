"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LoadProblemSchema = exports.SheetSchema = exports.AxisStepSchema = exports.SheetDeadlineSchema = exports.SheetActionSchema = exports.SheetSectionSchema = exports.SheetItemSchema = exports.SheetFieldSchema = exports.SHEET_FIELDS = exports.PlanSchema = void 0;
exports.sheetIdentity = sheetIdentity;
exports.sectionsOf = sectionsOf;
const zod_1 = require("zod");
const plainText_1 = require("../language/plainText");
/**
 * The one model both sheet layouts (Rhône and Tours, plain text or Markdown) are read into.
 * Texts are kept in the sheet's own words: only bullets, numbering, bold marks and runs of spaces are removed.
 */
/** A plan (schéma, contrat de ville…), from the `plan.json` of the sheet's folder or a parent folder. */
exports.PlanSchema = zod_1.z.object({
    id: zod_1.z.string().trim().min(1).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" or "-" only'),
    // Titles are shown to users: stripped of markup like every text that comes from data (src/language/plainText.ts).
    title: zod_1.z.string().transform(plainText_1.plainText).pipe(zod_1.z.string().trim().min(1)),
    territory: zod_1.z.string().transform(plainText_1.plainText).pipe(zod_1.z.string().trim().min(1)).optional(),
    period: zod_1.z.string().transform(plainText_1.plainText).pipe(zod_1.z.string().trim().min(1)).optional(),
});
/** What a section is about, whatever the plan calls it; `other` keeps the headings the model does not know. */
exports.SHEET_FIELDS = [
    'context',
    'objectives',
    'audience',
    'pilot',
    'partners',
    'funding',
    'actions',
    'deadlines',
    'results',
    'links',
    'other',
];
exports.SheetFieldSchema = zod_1.z.enum(exports.SHEET_FIELDS);
/** One line of a section (a bullet, a numbered item with its continuation lines, or a paragraph). */
exports.SheetItemSchema = zod_1.z.object({
    text: zod_1.z.string().min(1),
    /** The sheet's own numbering ("1", "2"…), when the item had one. */
    number: zod_1.z.string().optional(),
    /** 1 for a sub-item written under a group head ("**Développement…**" then indented "- Nombre de…"). */
    level: zod_1.z.literal([0, 1]),
});
exports.SheetSectionSchema = zod_1.z.object({
    /** The heading as written ("PILOTAGE / COORDINATION", "Animateur"); empty for text before the first heading. */
    heading: zod_1.z.string(),
    field: exports.SheetFieldSchema,
    /** Set for "ACTION 2"-style headings. */
    actionNumber: zod_1.z.number().int().positive().optional(),
    items: zod_1.z.array(exports.SheetItemSchema),
});
/** A numbered action: an "ACTION n" section, or the n-th item of "Réalisations attendues". */
exports.SheetActionSchema = zod_1.z.object({
    number: zod_1.z.number().int().positive(),
    /** Title written after the number on the heading line ("ACTION 1 - Former…"), if any. */
    title: zod_1.z.string().optional(),
    items: zod_1.z.array(zod_1.z.string().min(1)).min(1),
});
/** One deadline line; `actions` is empty when it applies to the whole sheet. */
exports.SheetDeadlineSchema = zod_1.z.object({
    text: zod_1.z.string().min(1),
    actions: zod_1.z.array(zod_1.z.number().int().positive()),
    years: zod_1.z.array(zod_1.z.number().int()),
});
/** One step of the plan's tree above the sheet: "2 - RENDRE L'OFFRE…", "2.3 - Favoriser…", or "Pilier 1". */
exports.AxisStepSchema = zod_1.z.object({
    /** "Pilier", "Axe"… when the plan names its levels. */
    kind: zod_1.z.string().optional(),
    number: zod_1.z.string().min(1),
    title: zod_1.z.string().optional(),
});
exports.SheetSchema = zod_1.z.object({
    /** Identity: plan id + number, since two plans may both have a "PA 2.3.2". */
    id: zod_1.z.string().min(1),
    plan: exports.PlanSchema,
    /** Path of the file, relative to the sheets directory. */
    file: zod_1.z.string().min(1),
    /** "PA", "FICHE"… as written, upper case. */
    prefix: zod_1.z.string().min(1),
    /** "3.2.1". */
    number: zod_1.z.string().regex(/^\d+(\.\d+)*$/),
    /** "PA 3.2.1". */
    code: zod_1.z.string().min(1),
    /** "version 2017", from "FICHE 1.2.5 (version 2017)". */
    version: zod_1.z.string().optional(),
    title: zod_1.z.string().min(1),
    axis: zod_1.z.array(exports.AxisStepSchema),
    /** Every section in the order of the file, known or not. */
    sections: zod_1.z.array(exports.SheetSectionSchema),
    actions: zod_1.z.array(exports.SheetActionSchema),
    deadlines: zod_1.z.array(exports.SheetDeadlineSchema),
});
exports.LoadProblemSchema = zod_1.z.object({
    file: zod_1.z.string(),
    reason: zod_1.z.string(),
});
function sheetIdentity(planId, number) {
    return `${planId}/${number}`;
}
/** The sections of one field, in the order of the sheet. */
function sectionsOf(sheet, field) {
    return sheet.sections.filter((section) => section.field === field);
}
//# sourceMappingURL=model.js.map