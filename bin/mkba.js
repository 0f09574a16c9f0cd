#!/usr/bin/env node
// Starts the built CLI (dist/cli/mkba.js). Build it first with `npm run build`.
const fs = require("fs");
const path = require("path");
const built = path.join(__dirname, "..", "dist", "cli", "mkba.js");
if (!fs.existsSync(built)) {
  process.stderr.write("mkba: nog niet gebouwd; voer eerst `npm run build` uit (not built yet: run `npm run build`).\n");
  process.exit(2);
}
require(built);
