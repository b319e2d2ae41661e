"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=journey.js.map