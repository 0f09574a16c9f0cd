/** Jest: TypeScript through ts-jest; a CustomFunctions double for the Office runtime (test/setup/customFunctions.ts). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }], "manifest\\.xml$": "<rootDir>/test/setup/rawText.js" },
  setupFiles: ["<rootDir>/test/setup/customFunctions.ts"],
  moduleNameMapper: { "^office-addin-manifest$": "office-addin-manifest/lib/officeApp.js" },
  testTimeout: 120000,
  // Two workers on the 2-core machines CI and we run on: Jest's default (cores − 1) ran every suite one after another,
  // 10½ minutes; the suites are independent (each browser test starts its own server and Chromium, each LibreOffice
  // call its own profile).
  maxWorkers: 2,
};
