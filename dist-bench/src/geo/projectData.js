"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.projectDataDir = projectDataDir;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
/**
 * The project's `data/` folder (beside package.json), found from this file so that it is the same from the
 * TypeScript sources (tests) and from the build in dist/.
 */
function projectDataDir() {
    let dir = __dirname;
    for (;;) {
        if ((0, node_fs_1.existsSync)((0, node_path_1.join)(dir, 'package.json')))
            return (0, node_path_1.join)(dir, 'data');
        const up = (0, node_path_1.dirname)(dir);
        if (up === dir)
            return (0, node_path_1.join)(process.cwd(), 'data');
        dir = up;
    }
}
//# sourceMappingURL=projectData.js.map