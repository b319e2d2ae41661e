"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.createLogger = createLogger;
const pino_1 = __importDefault(require("pino"));
/**
 * JSON logs. Message texts, positions and names of users are never passed to the logger by our code;
 * the redaction below is a second line of defence for objects logged whole by mistake.
 */
function createLogger(level, destination) {
    return (0, pino_1.default)({
        level,
        base: { service: 'maillage' },
        redact: {
            paths: ['text', '*.text', 'activity.text', 'value', '*.value', 'latitude', 'longitude', '*.latitude', '*.longitude', 'authorization', '*.authorization'],
            censor: '[redacted]',
        },
    }, destination);
}
//# sourceMappingURL=logger.js.map