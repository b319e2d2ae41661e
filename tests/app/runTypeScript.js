/**
 * `node -r ./tests/app/runTypeScript.js src/index.ts`: runs the TypeScript sources in a child process as they
 * are, without a build, so a test can start the real entry point and send it signals. Each file is only
 * transpiled (types are checked by `tsc`), as ts-jest does for the tests themselves.
 */
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false },
  });
  module._compile(outputText, filename);
};
