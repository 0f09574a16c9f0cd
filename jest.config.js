/** Jest: TypeScript through ts-jest; a CustomFunctions double for the Office runtime (test/setup/customFunctions.ts). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }], "manifest\\.xml$": "<rootDir>/test/setup/rawText.js" },
  setupFiles: ["<rootDir>/test/setup/customFunctions.ts"],
  moduleNameMapper: { "^office-addin-manifest$": "office-addin-manifest/lib/officeApp.js" },
  testTimeout: 120000,
};
