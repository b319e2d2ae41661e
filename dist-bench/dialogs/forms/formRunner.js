"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FormRunner = exports.FormStateSchema = void 0;
const zod_1 = require("zod");
const replies_1 = require("../../src/bot/replies");
exports.FormStateSchema = zod_1.z.object({
    form: zod_1.z.string().min(1).max(100),
    values: zod_1.z.record(zod_1.z.string(), zod_1.z.unknown()),
    /** The key of the field being asked. */
    awaiting: zod_1.z.string().min(1).max(100),
    /** Answers to the current field that did not pass, in a row. */
    attempts: zod_1.z.number().int().min(0).max(1000).default(0),
});
class FormRunner {
    definition;
    id;
    constructor(definition) {
        this.definition = definition;
        this.id = `form:${definition.id}`;
    }
    /** Opens the form from a first message: what it says is kept, the first missing field is asked. */
    async start(context, reading, memory) {
        const values = this.definition.prefill?.(reading) ?? {};
        memory.form = { form: this.definition.id, values: values, awaiting: '', attempts: 0 };
        await this.next(context, reading.language, memory);
    }
    pendingQuestion(memory) {
        return memory.form?.form === this.definition.id ? memory.form.awaiting : null;
    }
    answersPending(reading, memory) {
        const field = this.awaitedField(memory);
        return field !== undefined && field.read(reading, this.values(memory)) !== null;
    }
    async answer(context, reading, memory) {
        const state = memory.form;
        const field = this.awaitedField(memory);
        if (!state || !field)
            return;
        const values = this.values(memory);
        const outcome = field.read(reading, values);
        if (outcome === null || 'problem' in outcome) {
            state.attempts += 1;
            const problem = outcome?.problem ?? '';
            await (0, replies_1.sendReply)(context, { text: field.reask(reading.language, problem, values), suggestions: field.suggestions?.(reading.language, values) });
            return;
        }
        state.values = { ...state.values, [field.key]: outcome.value };
        state.attempts = 0;
        await this.next(context, reading.language, memory);
    }
    async askAgain(context, reading, memory) {
        const field = this.awaitedField(memory);
        if (!field)
            return;
        const values = this.values(memory);
        await (0, replies_1.sendReply)(context, { text: field.ask(reading.language, values), suggestions: field.suggestions?.(reading.language, values) });
    }
    /** Asks the first field still missing, or completes the form. */
    async next(context, language, memory) {
        const state = memory.form;
        if (!state)
            return;
        const values = this.values(memory);
        const missing = this.definition.fields.find((field) => !(field.key in values) && (field.applies?.(values) ?? true));
        if (missing) {
            state.awaiting = missing.key;
            await (0, replies_1.sendReply)(context, { text: missing.ask(language, values), suggestions: missing.suggestions?.(language, values) });
            return;
        }
        const checked = this.definition.schema.safeParse(values);
        if (!checked.success) {
            // A value that passed its field but not the whole form (a part larger than its whole): ask that field again.
            const key = String(checked.error.issues[0]?.path[0] ?? '');
            const field = this.definition.fields.find((candidate) => candidate.key === key);
            if (field) {
                const { [key]: _dropped, ...kept } = state.values;
                state.values = kept;
                state.awaiting = field.key;
                await (0, replies_1.sendReply)(context, { text: field.reask(language, checked.error.issues[0]?.message ?? '', this.values(memory)) });
                return;
            }
        }
        delete memory.form;
        if (checked.success)
            await this.definition.complete(context, checked.data, language);
    }
    awaitedField(memory) {
        if (memory.form?.form !== this.definition.id)
            return undefined;
        const awaiting = memory.form.awaiting;
        return this.definition.fields.find((field) => field.key === awaiting);
    }
    /** The values kept so far, as the form's fields read them. They come from storage: each was checked when given. */
    values(memory) {
        return (memory.form?.values ?? {});
    }
}
exports.FormRunner = FormRunner;
//# sourceMappingURL=formRunner.js.map