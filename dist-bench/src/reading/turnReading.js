"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=turnReading.js.map