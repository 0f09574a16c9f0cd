/** Jest for the task-pane benchmark (npm run bench, never npm test): bench/*.bench.ts, reusing the browser test harness. */
module.exports = {
  rootDir: "..",
  testEnvironment: "node",
  roots: ["<rootDir>/bench"],
  testMatch: ["**/*.bench.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }], "manifest\\.xml$": "<rootDir>/test/setup/rawText.js" },
  setupFiles: ["<rootDir>/test/setup/customFunctions.ts"],
  testTimeout: 300000,
};
