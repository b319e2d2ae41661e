"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Lines = void 0;
exports.valuesOf = valuesOf;
/**
 * The lines of one long text. A cache column of 35,000 values read this way costs one scan at load and a slice per
 * value read, instead of 35,000 strings made at once.
 */
class Lines {
    text;
    starts;
    constructor(text, 
    /** Where each line starts, and one past the end: line i ends just before starts[i + 1] - 1. */
    starts) {
        this.text = text;
        this.starts = starts;
    }
    /** The lines of a text that holds exactly `count` of them (an empty text holds none), or null. */
    static of(text, count) {
        if (count === 0)
            return text.length === 0 ? new Lines(text, new Int32Array([1])) : null;
        const starts = new Int32Array(count + 1);
        let line = 1;
        for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
            if (line >= count)
                return null;
            starts[line++] = at + 1;
        }
        if (line !== count)
            return null;
        starts[count] = text.length + 1;
        return new Lines(text, starts);
    }
    get length() {
        return this.starts.length - 1;
    }
    at(index) {
        if (!Number.isInteger(index) || index < 0 || index >= this.length)
            return undefined;
        return this.text.slice(this.starts[index], this.starts[index + 1] - 1);
    }
}
exports.Lines = Lines;
/** Every value of a column, in order. */
function valuesOf(column) {
    return Array.from({ length: column.length }, (_, i) => column.at(i) ?? '');
}
//# sourceMappingURL=textColumn.js.map