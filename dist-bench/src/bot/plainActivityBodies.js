"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sendActivitiesAsPlainJson = sendActivitiesAsPlainJson;
const plainSpecs = new WeakMap();
/**
 * The Bot Connector client serialises each activity it sends by walking the schema of Activity and of every
 * nested object (about forty properties each, present or not) before JSON.stringify: for a reply with cards and
 * quick replies, more CPU than the rest of sending it. An activity built by botbuilder is already its own JSON
 * (camelCase names, Dates with toJSON), so its body is handed over as a plain object. tests/bot/plainActivityBodies
 * checks that the bytes sent are the same for every kind of reply Maillage makes.
 */
function sendActivitiesAsPlainJson(client) {
    const sdkClient = client;
    const send = sdkClient.sendOperationRequest.bind(client);
    sdkClient.sendOperationRequest = (operationArguments, operationSpec, callback) => send(operationArguments, plainBodySpec(operationSpec), callback);
    return client;
}
function plainBodySpec(spec) {
    const mapper = spec.requestBody?.mapper;
    if (!spec.requestBody || mapper?.type?.className !== 'Activity')
        return spec;
    let plain = plainSpecs.get(spec);
    if (!plain) {
        plain = { ...spec, requestBody: { ...spec.requestBody, mapper: { serializedName: mapper.serializedName, required: mapper.required, type: { name: 'Object' } } } };
        plainSpecs.set(spec, plain);
    }
    return plain;
}
//# sourceMappingURL=plainActivityBodies.js.map