"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.actionNumbersIn = actionNumbersIn;
exports.parseSheetText = parseSheetText;
const plainText_1 = require("../language/plainText");
const text_1 = require("../language/text");
const display_1 = require("./display");
const headings_1 = require("./headings");
const model_1 = require("./model");
const BULLET = /^(?:[-+•·➔→►▸▪◦‣–—➢✓✔■□○●]|\*(?=\s))\s*/u;
/** "1. ", "2) ", "3 - " but not "2.3 - …" (a dotted number is not numbering). */
const NUMBERING = /^(\d{1,2})\s*(?:[.)](?!\d)|[-–](?=\s))\s*/;
const LINE_BREAK = /\r\n|\r|\n/;
const MARKDOWN_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const MARKDOWN_RULE = /^\s*([-*_]\s*){3,}$/;
const BOLD_WHOLE = /^\*\*([^*].*?)\*\*\s*[:.]?$/;
/** Tabs, non-breaking or doubled spaces: anything a single plain space should replace. */
const UNTIDY_SPACE = /[^\S ]| {2}/;
/** "PA 2.3.3 - TITLE", "FICHE 1.2.5 (version 2017)", "Fiche action n° 4.1 : Title", "## PA2.3.2 — Title". */
const CODE_LINE = /^(fiche[\s-]*action|fiche|pa|fa|action\s+sheet|sheet)\.?\s*(?:n\s*°\s*|no\.?\s+|num[ée]ro\s*)?(\d{1,2}(?:\s*\.\s*\d{1,2}){0,3})(?!\d)\s*(?:\(([^)]*)\))?\s*(?:[-–—:.]\s*)?(.*)$/iu;
const VERSION_NOTE = /version|\bv\s?\d|\b(?:19|20)\d{2}\b|mise [àa] jour|\bmaj\b/i;
/** "2 - RENDRE L'OFFRE…", "3.1- Consolider…" above the sheet's number. */
const NUMBERED_AXIS = /^(\d{1,2}(?:\.\d{1,2})*)\s*[-–—:.)]\s*(\S.*)$/u;
/** "Pilier 1", "Axe 2 : Titre". */
const NAMED_AXIS = /^(pilier|axe|sous[- ]axe|orientation|volet|priorit[ée]|objectif strat[ée]gique|enjeu strat[ée]gique|th[ée]matique|programme)\s*(?:n\s*°\s*)?(\d{1,2}(?:\.\d{1,2})*)\s*(?:[-–—:.]\s*(.*))?$/iu;
const ACTION_REFS = /\bactions?\s+((?:\d{1,2}(?!\d)\s*(?:,|et|&|a|au|-|–|and|to)?\s*)+)/g;
const YEAR = /\b(?:19|20)\d{2}\b/g;
/** An "Action 1 : …" heading whose text is a sentence carries the action's content, not its title. */
const MAX_ACTION_TITLE = 80;
function readLine(raw) {
    const heading = MARKDOWN_HEADING.exec(raw);
    const rule = MARKDOWN_RULE.test(raw);
    const source = heading ? heading[2] : rule ? '' : raw;
    const text = (UNTIDY_SPACE.test(source) ? source.replace(/\s+/g, ' ') : source).trim();
    const base = {
        text,
        blank: text.length === 0,
        markdownHeading: heading !== null,
        tabLed: /^\t/.test(raw),
        indented: /^ +\S/.test(raw),
        marked: false,
        bold: false,
        body: text,
    };
    if (base.blank)
        return base;
    let body = text;
    let number;
    let marked = false;
    if (!base.markdownHeading) {
        for (let guard = 0; guard < 4; guard++) {
            const bullet = BULLET.exec(body);
            if (bullet && bullet[0].length > 0 && body.length > bullet[0].length) {
                body = body.slice(bullet[0].length);
                marked = true;
                continue;
            }
            const numbering = number === undefined ? NUMBERING.exec(body) : null;
            if (numbering && body.length > numbering[0].length) {
                number = numbering[1];
                body = body.slice(numbering[0].length);
                marked = true;
                continue;
            }
            break;
        }
    }
    const bold = BOLD_WHOLE.test(body);
    if (body.includes('**') || body.includes('__'))
        body = body.replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
    // Built field by field rather than spread: this runs for every line of every sheet.
    return {
        text,
        blank: body.length === 0,
        markdownHeading: base.markdownHeading,
        tabLed: base.tabLed,
        indented: base.indented,
        marked,
        ...(number !== undefined ? { number } : {}),
        bold,
        body,
    };
}
function readCodeLine(line) {
    const match = CODE_LINE.exec(line.body);
    if (!match)
        return undefined;
    const prefix = match[1].replace(/\s+/g, ' ').toUpperCase();
    const number = match[2].replace(/\s+/g, '');
    const note = match[3]?.trim();
    let title = match[4].replace(/\*\*/g, '').replace(/[\s:]+$/, '').trim();
    let version;
    if (note && VERSION_NOTE.test(note))
        version = note;
    else if (note)
        title = `(${note}) ${title}`.trim();
    return { prefix, number, version, title };
}
function readAxisLine(text, beforeCode) {
    const named = NAMED_AXIS.exec(text);
    if (named) {
        const title = named[3]?.trim();
        return { kind: named[1].charAt(0).toUpperCase() + named[1].slice(1).toLowerCase(), number: named[2], ...(title ? { title } : {}) };
    }
    // A numbered line after the sheet's number is an item, not an axis.
    const numbered = beforeCode ? NUMBERED_AXIS.exec(text) : null;
    if (numbered)
        return { number: numbered[1], title: numbered[2].trim() };
    return undefined;
}
class SectionReader {
    lines;
    sections = [];
    current;
    lastWasHeading = false;
    lastItemLine = -1;
    constructor(lines) {
        this.lines = lines;
    }
    /** The heading this line starts, if it is one. */
    heading(index) {
        const line = this.lines[index];
        if (line.blank || line.marked)
            return undefined;
        const text = line.body;
        const prevBlank = index === 0 || this.lines[index - 1].blank;
        const nextBlank = index === this.lines.length - 1 || this.lines[index + 1].blank;
        const standsOut = line.markdownHeading || line.bold || line.tabLed || prevBlank || this.lastWasHeading || (0, display_1.isMostlyUpperCase)(text);
        const action = (0, headings_1.actionHeading)(text);
        if (action && standsOut) {
            const long = action.title !== undefined && (action.title.length > MAX_ACTION_TITLE || /[.;]$/.test(action.title));
            return {
                heading: long ? text.slice(0, text.length - (action.title?.length ?? 0)).replace(/[\s:–—-]+$/, '') : text,
                field: 'actions',
                actionNumber: action.number,
                ...(action.title && !long ? { actionTitle: action.title } : {}),
                ...(action.title && long ? { inlineItem: action.title } : {}),
            };
        }
        const known = (0, headings_1.knownHeading)(text);
        if (line.markdownHeading)
            return { heading: text, field: known?.field ?? 'other' };
        // "Actions 1 à 2 : 2023 à 2025" starts like a heading but carries content after its colon.
        if (known && standsOut && !/[.;,]$/.test(text) && !/:\s*\S/.test(text))
            return { heading: text.replace(/\s*:$/, ''), field: known.field };
        const colon = text.indexOf(':');
        if (colon > 0) {
            const head = text.slice(0, colon).trim();
            const rest = text.slice(colon + 1).trim();
            const inline = (0, headings_1.knownHeading)(head);
            if (inline && inline.tail === '' && rest.length > 0 && standsOut)
                return { heading: head, field: inline.field, inlineItem: rest };
        }
        // A heading the model does not know stands alone between blank lines; the first line under a heading that is
        // still empty is that heading's content, however it looks.
        const current = this.current;
        const mayOpen = current === undefined || current.items.length > 0 || current.field === 'other';
        if (!mayOpen || /^\d/.test(text) || !prevBlank)
            return undefined;
        if ((0, display_1.isMostlyUpperCase)(text) && text.length <= 120 && nextBlank)
            return { heading: text, field: 'other' };
        if (line.tabLed && nextBlank && text.length <= 60 && !/[.;:,!?…]$/.test(text) && /^\p{Lu}/u.test(text)) {
            return { heading: text, field: 'other' };
        }
        if (line.bold && text.length <= 80 && nextBlank)
            return { heading: text.replace(/\s*:$/, ''), field: 'other' };
        return undefined;
    }
    openSection(found) {
        const current = this.current;
        const mergeable = current !== undefined &&
            current.items.length === 0 &&
            current.field === found.field &&
            current.actionNumber === undefined &&
            found.actionNumber === undefined &&
            current.heading !== '';
        if (mergeable) {
            // "Partenaires mobilisables (dont habitants)" then "Dispositifs mobilisables": one table header on two lines.
            current.heading = `${current.heading} / ${found.heading}`;
        }
        else {
            this.current = {
                heading: found.heading,
                field: found.field,
                ...(found.actionNumber !== undefined ? { actionNumber: found.actionNumber } : {}),
                ...(found.actionTitle !== undefined ? { actionTitle: found.actionTitle } : {}),
                items: [],
                groupOpen: false,
            };
            this.sections.push(this.current);
        }
        if (found.inlineItem)
            this.current?.items.push({ text: found.inlineItem, level: 0, marked: false, groupHead: false });
        this.lastWasHeading = true;
    }
    addItem(index) {
        const line = this.lines[index];
        if (!this.current) {
            this.current = { heading: '', field: 'other', items: [], groupOpen: false };
            this.sections.push(this.current);
        }
        const section = this.current;
        const last = section.items.at(-1);
        const continues = !line.marked && last !== undefined && last.marked && this.lastItemLine === index - 1 && !this.lastWasHeading;
        this.lastWasHeading = false;
        this.lastItemLine = index;
        if (continues) {
            last.text = `${last.text} ${line.body}`;
            return;
        }
        const groupHead = line.bold || /:$/.test(line.body);
        let level = 0;
        if (groupHead)
            section.groupOpen = true;
        else if (section.groupOpen)
            level = 1;
        else if (line.marked && line.indented && section.items.length > 0)
            level = 1;
        section.items.push({
            text: line.body,
            ...(line.number !== undefined ? { number: line.number } : {}),
            level,
            marked: line.marked,
            groupHead,
        });
    }
    blank() {
        this.lastItemLine = -1;
    }
}
function buildActions(sections, drafts) {
    const actions = new Map();
    const headed = drafts.flatMap((draft) => (draft.field === 'actions' && draft.actionNumber !== undefined ? [{ ...draft, number: draft.actionNumber }] : []));
    if (headed.length > 0) {
        for (const draft of headed) {
            const number = draft.number;
            const items = draft.items.map((item) => item.text);
            const content = items.length > 0 ? items : draft.actionTitle ? [draft.actionTitle] : [];
            if (content.length === 0 || actions.has(number))
                continue;
            actions.set(number, { number, ...(draft.actionTitle ? { title: draft.actionTitle } : {}), items: content });
        }
        return [...actions.values()];
    }
    // "Réalisations attendues" and the like: each top item is an action, numbered as the sheet numbers it.
    let sequence = 0;
    let open;
    for (const section of sections.filter((s) => s.field === 'actions')) {
        for (const item of section.items) {
            if (item.level === 1 && open) {
                open.items.push(item.text);
                continue;
            }
            sequence = item.number !== undefined ? Number(item.number) : sequence + 1;
            if (actions.has(sequence)) {
                open = undefined;
                continue;
            }
            open = { number: sequence, items: [item.text] };
            actions.set(sequence, open);
        }
    }
    return [...actions.values()];
}
/** "Actions 1 et 2", "actions 1 à 3", "action 4" → [1, 2], [1, 2, 3], [4]. */
function actionNumbersIn(text) {
    const found = new Set();
    for (const match of (0, text_1.fold)(text).matchAll(ACTION_REFS)) {
        const parts = match[1].match(/\d{1,2}|a|au|-|–|to/g) ?? [];
        let previous;
        let range = false;
        for (const part of parts) {
            if (/^\d/.test(part)) {
                const value = Number(part);
                if (range && previous !== undefined && value > previous && value - previous <= 20) {
                    for (let n = previous + 1; n <= value; n++)
                        found.add(n);
                }
                else if (value > 0)
                    found.add(value);
                previous = value;
                range = false;
            }
            else
                range = true;
        }
    }
    return [...found].sort((a, b) => a - b);
}
function buildDeadlines(sections) {
    return sections
        .filter((section) => section.field === 'deadlines')
        .flatMap((section) => section.items)
        .map((item) => ({
        text: item.text,
        actions: actionNumbersIn(item.text),
        years: [...new Set((item.text.match(YEAR) ?? []).map(Number))].sort((a, b) => a - b),
    }));
}
function parseSheetText(content, source) {
    if (content.includes('\u0000'))
        return { ok: false, reason: 'binary file, not text' };
    // Plan documents exported from web pages may hold HTML: only their text is read (see plainText.ts). A sheet is read
    // line by line, and so is its markup: a tag left open on one line cannot swallow the sections below it.
    const lines = content
        .replace(/^\uFEFF/, '')
        .split(LINE_BREAK)
        .flatMap((raw) => (0, plainText_1.plainText)(raw).split(LINE_BREAK))
        .map(readLine);
    if (lines.every((line) => line.blank))
        return { ok: false, reason: 'empty file' };
    let codeIndex = -1;
    let code;
    for (let i = 0; i < lines.length && !code; i++) {
        code = lines[i].blank ? undefined : readCodeLine(lines[i]);
        if (code)
            codeIndex = i;
    }
    if (!code) {
        return { ok: false, reason: 'no sheet number found (expected a line such as "PA 2.3.2 - Title" or "FICHE 1.2.5")' };
    }
    const axis = [];
    const reader = new SectionReader(lines);
    for (let i = 0; i < codeIndex; i++) {
        const line = lines[i];
        if (line.blank)
            continue;
        const step = readAxisLine(line.text, true);
        if (step)
            axis.push(step);
        else
            reader.addItem(i);
    }
    let title = code.title;
    let index = codeIndex + 1;
    if (!title) {
        while (index < lines.length && lines[index].blank)
            index++;
        const candidate = lines[index];
        // A title may well start like a heading ("ACTIONS EN FAVEUR DE…"); only a bare heading, or one set apart by a
        // blank line, is taken for the first section.
        const apart = index > codeIndex + 1;
        const known = candidate ? (0, headings_1.knownHeading)(candidate.body) : undefined;
        const isHeading = candidate !== undefined && ((0, headings_1.actionHeading)(candidate.body) !== undefined || (known !== undefined && (known.tail === '' || apart)));
        if (candidate && !isHeading && !readAxisLine(candidate.body, false)) {
            title = candidate.body.replace(/[\s:]+$/, '');
            index++;
        }
    }
    if (!title)
        return { ok: false, reason: `no title after "${code.prefix} ${code.number}"` };
    let inPreamble = true;
    for (; index < lines.length; index++) {
        const line = lines[index];
        if (line.blank) {
            reader.blank();
            continue;
        }
        if (inPreamble) {
            const step = readAxisLine(line.text, false);
            if (step) {
                axis.push(step);
                continue;
            }
        }
        const found = reader.heading(index);
        if (found) {
            inPreamble = false;
            reader.openSection(found);
            continue;
        }
        reader.addItem(index);
    }
    const sections = reader.sections.map((draft) => ({
        heading: draft.heading,
        field: draft.field,
        ...(draft.actionNumber !== undefined ? { actionNumber: draft.actionNumber } : {}),
        items: draft.items.map((item) => ({ text: item.text, ...(item.number !== undefined ? { number: item.number } : {}), level: item.level })),
    }));
    const parsed = model_1.SheetSchema.safeParse({
        id: (0, model_1.sheetIdentity)(source.plan.id, code.number),
        plan: source.plan,
        file: source.file,
        prefix: code.prefix,
        number: code.number,
        code: `${code.prefix} ${code.number}`,
        ...(code.version ? { version: code.version } : {}),
        title,
        axis,
        sections,
        actions: buildActions(sections, reader.sections),
        deadlines: buildDeadlines(sections),
    });
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return { ok: false, reason: `does not fit the sheet model: ${issue.path.join('.')} ${issue.message}` };
    }
    return { ok: true, sheet: parsed.data };
}
//# sourceMappingURL=parser.js.map