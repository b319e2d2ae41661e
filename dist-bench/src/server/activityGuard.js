"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkActivityRequest = checkActivityRequest;
exports.checkActivity = checkActivity;
const activitySchema_1 = require("./activitySchema");
const errors_1 = require("./errors");
const jsonBody_1 = require("./jsonBody");
async function checkActivityRequest(req, limits = jsonBody_1.DEFAULT_JSON_BODY_LIMITS) {
    const body = await (0, jsonBody_1.readJsonBody)(req, limits);
    if (!body.ok)
        return body;
    return checkActivity(body.value);
}
/** The envelope check alone, for a body already parsed. */
function checkActivity(value) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return { ok: false, problem: new errors_1.HttpProblem('not_an_object'), bodyUnread: false };
    }
    const parsed = activitySchema_1.ActivityEnvelopeSchema.safeParse(value);
    if (!parsed.success)
        return { ok: false, problem: describeIssue(parsed.error, value), bodyUnread: false };
    return { ok: true, activity: parsed.data };
}
/** The first issue is enough for a client to fix its request; the field is named apart so it can be read by code. */
function describeIssue(error, input) {
    const issue = error.issues[0];
    if (!issue)
        return new errors_1.HttpProblem('invalid_activity');
    const field = (0, jsonBody_1.formatPath)(issue.path);
    const reason = issue.code === 'invalid_type' && (0, activitySchema_1.valueAt)(input, issue.path) === undefined ? 'is required' : issue.message;
    return new errors_1.HttpProblem('invalid_activity', `${field}: ${reason}`.slice(0, 300), field);
}
//# sourceMappingURL=activityGuard.js.map