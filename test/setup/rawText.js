/** Jest transform: a file imported as its text, as webpack's `asset/source` does (manifest.xml in src/cli/xlsx/addinManifest.ts). */
module.exports = {
  process(source) {
    return { code: `module.exports = ${JSON.stringify(source)};` };
  },
};
