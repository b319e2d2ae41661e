"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.instrumentStore = instrumentStore;
/**
 * The store with each asynchronous call timed into `maillage_store_operation_duration_seconds`, by repository and
 * method (`state.read`, `state.write`, `ping`). A proxy rather than a hand-written decorator: the store grows new
 * repositories and methods (purges, the Direct Line tables), and each is timed without this file changing.
 * Methods run on the real store (bound to it), so private fields and `this` keep working; synchronous members
 * (`backend`, `location`) pass through untouched.
 */
function instrumentStore(store, metrics) {
    return instrument(store, undefined, metrics);
}
function instrument(target, repository, metrics) {
    const wrapped = new Map();
    return new Proxy(target, {
        get(object, property) {
            const value = Reflect.get(object, property, object);
            if (typeof property !== 'string')
                return value;
            // A frozen property must be returned as it is (a proxy invariant).
            const descriptor = Object.getOwnPropertyDescriptor(object, property);
            if (descriptor && !descriptor.configurable && descriptor.writable === false)
                return value;
            const cached = wrapped.get(property);
            if (cached && cached.original === value)
                return cached.replacement;
            let replacement = value;
            if (typeof value === 'function') {
                replacement = timed(value, object, repository ? `${repository}.${property}` : property, metrics);
            }
            else if (repository === undefined && value !== null && typeof value === 'object' && !Array.isArray(value)) {
                // One level down: the repositories (`store.state`). Their own members are not wrapped further.
                replacement = instrument(value, property, metrics);
            }
            wrapped.set(property, { original: value, replacement });
            return replacement;
        },
    });
}
function timed(method, self, operation, metrics) {
    return (...args) => {
        const started = performance.now();
        const seconds = () => (performance.now() - started) / 1000;
        let result;
        try {
            result = method.apply(self, args);
        }
        catch (error) {
            metrics.recordStoreCall(operation, 'error', seconds());
            throw error;
        }
        if (!isPromiseLike(result))
            return result;
        return Promise.resolve(result).then((value) => {
            metrics.recordStoreCall(operation, 'ok', seconds());
            return value;
        }, (error) => {
            metrics.recordStoreCall(operation, 'error', seconds());
            throw error;
        });
    };
}
function isPromiseLike(value) {
    return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof value.then === 'function';
}
//# sourceMappingURL=instrumentedStore.js.map