// ESLint (flat config) with typescript-eslint. The engine must stay pure: no Office, no DOM, no Node APIs.
const tseslint = require("typescript-eslint");

module.exports = tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["office*", "@microsoft/*", "fs", "path", "child_process", "os", "node:*", "../functions/*", "../cli/*", "../taskpane/*"] },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "CustomFunctions", "document", "window", "process", "require"],
    },
  },
  {
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
